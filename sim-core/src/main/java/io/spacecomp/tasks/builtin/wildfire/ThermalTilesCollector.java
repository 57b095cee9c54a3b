package io.spacecomp.tasks.builtin.wildfire;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spacecomp.tasks.Attachment;
import io.spacecomp.tasks.Collector;
import io.spacecomp.tasks.Record;
import io.spacecomp.tasks.TaskContext;
import io.spacecomp.tasks.TaskCost;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code thermaltiles}: the thermal-infrared tiles of this collector's share of the AOI, one record per tile:
 * value {@code {tile, tiles, data_id}}, attachment {@code tile-NNNNN.tir} (a {@link ThermalTile}, raw
 * little-endian float32 MWIR and LWIR brightness temperatures).
 *
 * <p>Footprint: the task context carries no satellite position or time, so the collector's footprint is its
 * share of {@code job_data.aoi}: the AOI's tiles, row-major, cut into k contiguous runs, run {@code data_id}
 * (see {@link WildfireScene}). This makes the k collectors tile the AOI exactly once, and simulation and
 * emulation identical for one job_data whatever satellites collect. Tiles are synthetic
 * ({@link WildfireScene}, seeded by job_data.seed and the tile index), or, when {@code job_data.tiles} names
 * TIR1 files in the data directory, those files (file t of T goes to the collector whose run holds t).
 */
public final class ThermalTilesCollector implements Collector, TaskCost {

    /** Measured with JMH: see {@link WildfireCosts}. */
    @Override
    public double perRecordS() {
        return WildfireCosts.COLLECT_PER_RECORD_S;
    }

    @Override
    public double perByteS() {
        return WildfireCosts.COLLECT_PER_BYTE_S;
    }

    @Override
    public String name() {
        return "thermaltiles";
    }

    @Override
    public List<Record> collect(TaskContext ctx) throws IOException {
        WildfireJob job = WildfireJob.of(ctx.jobData());
        List<Record> out = new ArrayList<>();
        if (!job.tileFiles().isEmpty()) {
            int total = job.tileFiles().size();
            for (int t : WildfireScene.tilesOf(total, ctx.dataId(), ctx.dataSize())) {
                byte[] bytes = Files.readAllBytes(ctx.dataFile(job.tileFiles().get(t)));
                ThermalTile.decode(bytes); // refuse a file that is no tile here, not on the mapper
                out.add(record(t, total, ctx.dataId(), bytes));
            }
            return out;
        }
        WildfireScene scene = new WildfireScene(job);
        for (int t : WildfireScene.tilesOf(scene.tileCount(), ctx.dataId(), ctx.dataSize())) {
            out.add(record(t, scene.tileCount(), ctx.dataId(), scene.render(t).encode()));
        }
        return out;
    }

    private static Record record(int tile, int tiles, int dataId, byte[] bytes) {
        ObjectNode v = JsonNodeFactory.instance.objectNode().put("tile", tile).put("tiles", tiles).put("data_id", dataId);
        return new Record(v, new Attachment(String.format("tile-%05d.tir", tile), bytes));
    }
}
