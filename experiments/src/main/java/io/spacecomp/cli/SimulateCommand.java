package io.spacecomp.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.spacecomp.experiments.study.ScenarioJobs;
import io.spacecomp.orbit.aoi.GridArea;
import io.spacecomp.orbit.geometry.CircularOrbitGeometry;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.geometry.ConstellationGeometry;
import io.spacecomp.orbit.shell.Torus;
import io.spacecomp.placement.Allocators;
import io.spacecomp.placement.CostKind;
import io.spacecomp.placement.CostModel;
import io.spacecomp.placement.ReducerPlacement;
import io.spacecomp.orbit.shell.Torus;
import io.spacecomp.protocol.FailurePolicy;
import io.spacecomp.protocol.JobOutcome;
import io.spacecomp.protocol.JobSpec;
import io.spacecomp.protocol.MessageSize;
import io.spacecomp.protocol.ProcessingModel;
import io.spacecomp.routing.Routers;
import io.spacecomp.scenario.Compare;
import io.spacecomp.scenario.Scenario;
import io.spacecomp.scenario.ScenarioFile;
import io.spacecomp.scenario.ScenarioReader;
import io.spacecomp.sim.LinkRate;
import io.spacecomp.sim.Simulation;
import io.spacecomp.sim.SimulationConfig;
import io.spacecomp.tasks.DataFiles;
import io.spacecomp.tasks.TaskRegistry;
import io.spacecomp.trace.JsonLinesTrace;
import io.spacecomp.trace.TraceHeader;
import io.spacecomp.trace.TraceSink;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * Runs word-count jobs through the job protocol in virtual time (SSJ): the same coordinator, collector,
 * mapper and reducer code the emulator runs, over the simulated ISL network.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Run one or N concurrent jobs through the job protocol in virtual time: a word count by default, "
                + "or the tasks named by -ct/-mt/-cbt/-rt (job's flags), built in or from --tasks jars; or the jobs a "
                + "scenario file describes (--scenario)."})
final class SimulateCommand implements Runnable {

    @Mixin
    ShellOptions shellOptions;

    @Mixin
    RouteOptionsMixin routeOptions;

    @Mixin
    TasksOptions taskJars;

    @Mixin
    JobTaskOptions jobTasks;

    @Mixin
    TleOptions tleOptions;

    @Option(names = "--aoi-min", defaultValue = "3", description = "Grid AOI: lowest sat and orb index (default: ${DEFAULT-VALUE}).")
    int aoiMin;

    @Option(names = "--aoi-max", defaultValue = "8", description = "Grid AOI: highest sat and orb index (default: ${DEFAULT-VALUE}).")
    int aoiMax;

    @Option(names = "--collectors", defaultValue = "15", description = "Collectors k per job, <= AOI size / 2 (default: ${DEFAULT-VALUE}).")
    int collectors;

    @Option(names = "--allocator", defaultValue = "bipartite",
            description = "random, eager, bipartite (hungarian) or lapjv (default: ${DEFAULT-VALUE}).")
    String allocator;

    @Option(names = "--reducer", defaultValue = "center", description = "Reducer placement: los, center or median (default: ${DEFAULT-VALUE}).")
    String reducer;

    @Option(names = "--router", defaultValue = "distance-aware",
            description = "Router of every message: manhattan, distance-aware, optimal, shortest (default: ${DEFAULT-VALUE}).")
    String router;

    @Option(names = "--cost", defaultValue = "hops", description = "What the allocator minimises: hops, distance, eq5 (default: ${DEFAULT-VALUE}).")
    String cost;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the AOI shuffle, allocator and network (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Collectors' data directory (default: the project's data/).")
    Path dataDir;

    @Option(names = "--data", defaultValue = "sample.txt", paramLabel = "FILE",
            description = "Text file in the data directory to count: job data {\"filename\": FILE} (default: ${DEFAULT-VALUE}, "
                    + "the file `job` asks for).")
    String data;

    @Option(names = "--result", description = "Print each job's result value too.")
    boolean printResult;

    @Option(names = "--result-dir", paramLabel = "DIR", description = "Write each job's result file (a reducer's file result) to DIR/JOBID/NAME.")
    Path resultDir;

    @Option(names = {"--max-collect-records", "-mr", "--maxrecords"}, defaultValue = "1024",
            description = "Records per batch from a collector, >= 1 (default: ${DEFAULT-VALUE}).")
    int maxCollectRecords;

    @Option(names = "--jobs", defaultValue = "1", description = "Concurrent jobs, 1..10000 (default: ${DEFAULT-VALUE}).")
    int jobs;

    @Option(names = "--los", paramLabel = "SAT,ORB", description = "Coordinating LOS satellite (default: 1,1).")
    String los;

    @Option(names = "--timeout", defaultValue = "3600", paramLabel = "S", description = "Job deadline, seconds > 0 (default: ${DEFAULT-VALUE}).")
    double timeoutS;

    @Option(names = "--jitter", defaultValue = "0", paramLabel = "S",
            description = "Random extra delay per hop, uniform in [0, S), to reorder deliveries (default: ${DEFAULT-VALUE}).")
    double jitterS;

    @Option(names = "--link-rate", defaultValue = "0", paramLabel = "BIT/S",
            description = "Fixed ISL rate in bit/s; 0 uses the eq. 6-7 capacity at each link's length (default: ${DEFAULT-VALUE}).")
    double linkRate;

    @Option(names = "--trace", paramLabel = "FILE", description = "Write a JSON-Lines trace of every event to FILE.")
    Path trace;

    @Option(names = "--scenario", paramLabel = "FILE",
            description = "Run the jobs a scenario file describes (its shell, area, stations, job, cost and first strategy).")
    Path scenario;

    @Option(names = "--faults", paramLabel = "FILE",
            description = "Inject the faults of the 'faults:' section of a YAML file (a scenario file or just that section).")
    Path faults;

    @Option(names = "--on-failure", paramLabel = "POLICY",
            description = "What a job does when a satellite working for it is lost: fail or replan (default: fail, or the scenario's job.on_failure).")
    String onFailure;

    @Option(names = "--wire-check", description = "Round-trip every message and job through the emulator's wire codec "
            + "before delivery; a message that does not come back the same stops the run naming the field.")
    boolean wireCheck;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Sum of the heap pools' peak usage since the JVM started (MB): a host figure, reported, never simulated. */
    static long peakHeapMb() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / (1024 * 1024);
    }

    /** {@code -d}'s object, else {@code {"filename": --data}}, checked against the data directory. */
    private JsonNode jobData(DataFiles files) {
        if (jobTasks.hasJobData()) {
            Flags.require(!spec.commandLine().getParseResult().hasMatchedOption("--data"), "--data",
                    "not together with -d/--job-data (put \"filename\" in the job data)", data);
            return jobTasks.jobData(files);
        }
        try {
            files.resolve(data);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid value for --data: " + e.getMessage());
        }
        return JsonNodeFactory.instance.objectNode().put("filename", data);
    }

    /** A {key: integer count} object, as word counts are. */
    private static boolean isCounts(JsonNode v) {
        if (!v.isObject()) {
            return false;
        }
        for (Iterator<JsonNode> it = v.elements(); it.hasNext(); ) {
            if (!it.next().isIntegralNumber()) {
                return false;
            }
        }
        return true;
    }

    /** Writes a finished job's result file to {@code --result-dir/JOBID/NAME}; returns where. */
    private Path writeResultFile(JobOutcome o) {
        try {
            Path dir = Files.createDirectories(resultDir.resolve(o.jobId()));
            return Files.write(dir.resolve(o.result().attachment().name()), o.result().attachment().bytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write result file into " + resultDir, e);
        }
    }

    /** The AOI without the empty slots of a TLE shell (satellites that are down collect nothing). */
    private static List<SatId> upOnly(ConstellationGeometry geometry, List<SatId> aoi) {
        return geometry.allUp() ? aoi : aoi.stream().filter(geometry::isUp).toList();
    }

    @Override
    public void run() {
        Flags.require(jitterS >= 0 && jitterS <= 60, "--jitter", "seconds in [0, 60]", jitterS);
        Flags.require(jobs >= 1 && jobs <= 10_000, "--jobs", "an integer in [1, 10000]", jobs);
        Flags.require(resultDir == null || !Files.exists(resultDir) || Files.isDirectory(resultDir), "--result-dir",
                "a directory (created when missing)", resultDir);
        if (onFailure != null) {
            Flags.oneOf("--on-failure", onFailure, FailurePolicy.NAMES);
        }
        if (faults != null) {
            Flags.require(Files.isRegularFile(faults), "--faults", "a YAML file with a 'faults:' section", faults);
        }
        TaskRegistry tasks = taskJars.load().registry();
        ScenarioJobs.Plan plan = scenario != null ? fromScenario(tasks) : fromFlags(tasks);
        execute(withFailureOptions(plan));
    }

    /** The plan with --faults, --on-failure and --wire-check applied over what it had. */
    private ScenarioJobs.Plan withFailureOptions(ScenarioJobs.Plan plan) {
        SimulationConfig config = plan.config().withWireCheck(wireCheck);
        if (faults != null) {
            Torus torus = config.geometry().torus();
            config = config.withFaults(ScenarioReader.readFaults(faults, torus.planes(), torus.satsPerPlane()));
        }
        List<ScenarioJobs.Submission> jobs = new ArrayList<>();
        for (ScenarioJobs.Submission sub : plan.jobs()) {
            JobSpec spec = onFailure == null ? sub.spec() : sub.spec().withOnFailure(FailurePolicy.parse(onFailure));
            jobs.add(new ScenarioJobs.Submission(spec, sub.los(), sub.atS(), sub.draw()));
        }
        return new ScenarioJobs.Plan(config, jobs);
    }

    /** The jobs a scenario file describes; flags that the file sets are refused, not silently overridden. */
    private ScenarioJobs.Plan fromScenario(TaskRegistry tasks) {
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        for (String flag : List.of("--planes", "--sats", "--inclination", "--altitude", "--phasing", "--earth-radius",
                "--aoi-min", "--aoi-max", "--collectors", "--cost", "--seed", "--data-dir", "--data", "--max-collect-records",
                "--los", "--timeout", "--link-rate", "--protect", "--polar-limit", "-ct", "-mt", "-cbt", "-rt", "--skip-map",
                "-d", "--tle", "--shell")) {
            if (parsed.hasMatchedOption(flag)) {
                throw new IllegalArgumentException("invalid value for " + flag + ": not with --scenario (allowed: set it in "
                        + scenario + "; with a scenario only --allocator, --reducer, --router, --jobs, --jitter, --tasks, "
                        + "--result, --result-dir, --faults, --on-failure, --wire-check, --trace and --json apply)");
            }
        }
        ScenarioFile file = StudyCommandSupport.read(scenario);
        Scenario s = file.base();
        Compare c = s.compare();
        String a = parsed.hasMatchedOption("--allocator") ? allocator : c.allocators().get(0);
        String r = parsed.hasMatchedOption("--reducer") ? reducer : c.reducers().get(0);
        String rt = parsed.hasMatchedOption("--router") ? router : c.routers().get(0);
        Flags.oneOf("--allocator", a, Allocators.NAMES);
        Flags.oneOf("--reducer", r, List.of("los", "center", "median"));
        Flags.oneOf("--router", rt, Routers.NAMES);
        int n = parsed.hasMatchedOption("--jobs") ? jobs : s.job().jobs();
        return ScenarioJobs.plan(s, new Compare.Strategy(a, r, rt), n, tasks, Home.dataDir(), jitterS);
    }

    /** The jobs the flags describe: leopymr's grid AOI on a Walker shell, every job from the coordinator at t = 0. */
    private ScenarioJobs.Plan fromFlags(TaskRegistry tasks) {
        ConstellationGeometry geometry = tleOptions.present() ? tleOptions.load(spec) : new CircularOrbitGeometry(shellOptions.toShell());
        Torus torus = geometry.torus();
        if (!geometry.allUp()) {
            Flags.require(router.equals("shortest"), "--router", "shortest (the --tle shell has empty slots, satellites that are "
                    + "down; only the shortest-path router goes round them)", router);
        }
        Flags.oneOf("--allocator", allocator, Allocators.NAMES);
        Flags.oneOf("--reducer", reducer, List.of("los", "center", "median"));
        Flags.oneOf("--router", router, Routers.NAMES);
        Flags.oneOf("--cost", cost, List.of("hops", "distance", "eq5"));
        Flags.require(maxCollectRecords >= 1, "--max-collect-records", "an integer >= 1", maxCollectRecords);
        Flags.require(timeoutS > 0 && Double.isFinite(timeoutS), "--timeout", "seconds > 0", timeoutS);
        Flags.require(linkRate >= 0 && Double.isFinite(linkRate), "--link-rate", "bit/s >= 0", linkRate);
        List<SatId> aoi;
        try {
            aoi = upOnly(geometry, GridArea.shuffled(aoiMin, aoiMax, torus.satsPerPlane(), torus.planes(), seed));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid value for --" + e.getMessage());
        }
        Flags.require(collectors >= 1 && 2 * collectors <= aoi.size(), "--collectors",
                "an integer in [1, " + aoi.size() / 2 + "] (half the " + aoi.size() + "-satellite AOI)", collectors);
        SatId coordinator = los == null ? new SatId(1, 1) : Flags.satellite("--los", los, torus);
        Flags.require(geometry.isUp(coordinator), "--los", "a satellite that is up (" + coordinator + " is an empty slot of the --tle shell)",
                coordinator);
        Path dir = dataDir != null ? dataDir : Home.dataDir();
        Flags.require(Files.isDirectory(dir), "--data-dir", "an existing directory", dir);
        DataFiles files = new DataFiles(dir);
        JsonNode jobData = jobData(files);
        JobTasks named = jobTasks.named();
        named.check(tasks);
        SimulationConfig config = new SimulationConfig(geometry, router, routeOptions.toOptions(),
                CostKind.parse(cost), CostModel.PAPER_DEFAULT, ProcessingModel.DEFAULT,
                linkRate > 0 ? LinkRate.fixed(linkRate) : LinkRate.PAPER_BUDGET, files, tasks, seed,
                jitterS, TraceSink.NONE);
        List<ScenarioJobs.Submission> submissions = new ArrayList<>();
        for (int j = 1; j <= jobs; j++) {
            List<SatId> jobAoi = j == 1 ? aoi : upOnly(geometry,
                    GridArea.shuffled(aoiMin, aoiMax, torus.satsPerPlane(), torus.planes(), seed + j - 1));
            submissions.add(new ScenarioJobs.Submission(new JobSpec("job-" + j, collectors, jobAoi, allocator,
                    ReducerPlacement.parse(reducer).cliName(), named.collect(), named.map(), named.combine(), named.reduce(),
                    maxCollectRecords, jobData, timeoutS, seed + j - 1), coordinator, 0.0, null));
        }
        return new ScenarioJobs.Plan(config, submissions);
    }

    private void execute(ScenarioJobs.Plan plan) {
        long start = System.nanoTime(); // wall_ms is reported to the user; the simulation never reads it
        List<JobOutcome> outcomes;
        long events;
        long maxVisits = 0;
        try (OutputStream traceOut = trace == null ? null : new BufferedOutputStream(Files.newOutputStream(trace))) {
            TraceSink sink = traceOut == null ? TraceSink.NONE : new JsonLinesTrace(traceOut);
            if (sink.enabled() && plan.config().geometry() instanceof CircularOrbitGeometry g) {
                sink.emit(TraceHeader.of(g.shell(), "simulation", null)); // the viewer places satellites from it
            }
            Simulation sim = new Simulation(plan.config().withTrace(sink));
            for (ScenarioJobs.Submission sub : plan.jobs()) {
                sim.submit(sub.spec(), sub.los(), sub.atS());
            }
            outcomes = sim.run();
            events = sim.events();
            for (long v : sim.network().visits()) {
                maxVisits = Math.max(maxVisits, v);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write trace " + trace, e);
        }
        long wallMs = (System.nanoTime() - start) / 1_000_000;

        Map<String, ScenarioJobs.Submission> byId = new LinkedHashMap<>();
        plan.jobs().forEach(sub -> byId.put(sub.spec().jobId(), sub));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JobOutcome o : outcomes) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("jobid", o.jobId());
            row.put("done", o.done());
            if (!o.done()) {
                row.put("error", o.error());
            }
            if (!o.replans().isEmpty()) {
                List<String> moves = new ArrayList<>();
                o.replans().forEach(r -> moves.add(r.toString()));
                row.put("replans", moves);
            }
            ScenarioJobs.Submission sub = byId.get(o.jobId());
            if (sub != null && sub.draw() != null) {
                row.put("station", sub.draw().stationName());
                row.put("epoch_s", sub.atS());
                row.put("aoi_sats", sub.draw().aoiSats());
                row.put("collectors", sub.draw().k());
                row.put("strategy", sub.spec().allocator() + "/" + sub.spec().reducerPlacement() + "/" + plan.config().router());
            }
            row.put("job_time_s", o.jobTimeS());
            row.put("los", new int[] {o.los().sat(), o.los().orb()});
            if (o.reducer() != null) {
                row.put("reducer", new int[] {o.reducer().sat(), o.reducer().orb()});
            }
            row.put("distance", o.distance());
            row.put("reduce_distance", o.reduceDistance());
            if (o.done() && o.result().hasAttachment()) {
                row.put("files", List.of(o.result().attachment().name()));
                if (resultDir != null) {
                    row.put("written", writeResultFile(o).toString());
                }
            }
            if (o.done() && o.result().value().has("bytes_collected")) {
                // a task that reports what it collected (the wildfire reducer): the paper's saving
                long collected = o.result().value().get("bytes_collected").asLong();
                long downlinked = MessageSize.record(o.result());
                row.put("bytes_collected", collected);
                row.put("bytes_downlinked", downlinked);
                row.put("collected_per_downlinked", downlinked > 0 ? Math.round(10.0 * collected / downlinked) / 10.0 : 0);
            }
            if (o.done() && (printResult || o.result().value().has("bytes_collected"))) {
                row.put("result", o.result().value());
            }
            if (o.done() && isCounts(o.result().value()) && !o.result().hasAttachment()) {
                long total = 0;
                for (Iterator<JsonNode> it = o.result().value().elements(); it.hasNext(); ) {
                    total += it.next().asLong();
                }
                row.put("result_keys", o.result().value().size());
                row.put("result_total", total);
            }
            rows.add(row);
        }
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("jobs", rows);
            out.put("events", events);
            out.put("max_satellite_visits", maxVisits);
            out.put("wall_ms", wallMs);
            out.put("peak_heap_mb", peakHeapMb());
            w.println(Json.write(out));
        } else {
            for (Map<String, Object> r : rows) {
                w.println(Json.line(r));
            }
            w.printf("%d events, %d ms wall time, peak heap %d MB%n", events, wallMs, peakHeapMb());
        }
        w.flush();
    }
}