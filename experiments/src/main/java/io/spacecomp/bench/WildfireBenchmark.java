package io.spacecomp.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.tasks.DataFiles;
import io.spacecomp.tasks.Record;
import io.spacecomp.tasks.TaskContext;
import io.spacecomp.tasks.builtin.wildfire.FireAlertsReducer;
import io.spacecomp.tasks.builtin.wildfire.FireDetectMapper;
import io.spacecomp.tasks.builtin.wildfire.ThermalTilesCollector;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The wildfire tasks' real code on the scenario's scene (scenarios/examples/wildfire.yaml's job_data, one
 * collector of 8): collecting one collector's share, detecting fires in it, and reducing the whole job's
 * mapper output. The per-byte and per-record figures in {@code WildfireCosts} are these times divided by the
 * bytes and records each call processes (docs/wildfire.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class WildfireBenchmark {

    /** Collector d of K. */
    static final int K = 8;

    private TaskContext collectCtx;
    private TaskContext reduceCtx;
    private List<Record> tiles;
    private List<Record> mapped;

    /** The job_data of scenarios/examples/wildfire.yaml. */
    public static ObjectNode jobData() {
        ObjectNode d = new ObjectMapper().createObjectNode().put("seed", 2026);
        d.putObject("aoi").put("lat_min", 38.5).put("lat_max", 40.5).put("lon_min", -123.0).put("lon_max", -120.5);
        return d;
    }

    @Setup
    public void setUp() throws Exception {
        DataFiles files = new DataFiles(Path.of("."));
        collectCtx = new TaskContext("job-1", 1, K, jobData(), new SatId(1, 1), files);
        reduceCtx = new TaskContext("job-1", 0, K, jobData(), new SatId(1, 1), files);
        tiles = new ThermalTilesCollector().collect(collectCtx);
        mapped = new ArrayList<>();
        for (int d = 1; d <= K; d++) {
            TaskContext c = new TaskContext("job-1", d, K, jobData(), new SatId(1, d), files);
            mapped.addAll(new FireDetectMapper().map(c, new ThermalTilesCollector().collect(c)));
        }
    }

    @Benchmark
    public Object collectOneShare() throws Exception {
        return new ThermalTilesCollector().collect(collectCtx);
    }

    @Benchmark
    public Object detectOneShare() {
        return new FireDetectMapper().map(collectCtx, tiles);
    }

    @Benchmark
    public Object reduceWholeJob() throws Exception {
        return new FireAlertsReducer().reduce(reduceCtx, mapped);
    }
}
