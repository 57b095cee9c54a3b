package io.spacecomp.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spacecomp.emulator.client.GatewayClient;
import io.spacecomp.emulator.client.JobRequest;
import io.spacecomp.emulator.client.PythonJson;
import io.spacecomp.wire.Wire;
import io.spacecomp.placement.Allocators;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A drop-in for leopymr's {@code job.py}: the same flags, defaults and printed JSON. Submits a job, or
 * with {@code -i} asks for its completion, or with {@code -i -f} downloads a result file.
 */
@Command(name = "job", mixinStandardHelpOptions = true,
        description = "Submit a collect-map-reduce job to the gateway, or get its result (-i) or a result file (-i -f); flags as leopymr's job.py.")
final class JobCommand implements Callable<Integer> {

    @Option(names = {"-i", "--id"}, paramLabel = "ID", description = "Job id: print its completion instead of submitting.")
    String id;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "With -i: download this result file into the current directory.")
    String file;

    @Option(names = {"-a", "--allocator"}, defaultValue = "bipartite",
            description = "Map allocator: bipartite, random, eager, hungarian, lapjv (default: ${DEFAULT-VALUE}).")
    String allocator;

    @Option(names = {"-s", "--seed"}, defaultValue = "-1", description = "AOI shuffle seed, shuffled as job.py's random.seed(SEED) does; also seeds the random allocator. -1 draws one (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = {"-r", "--reducetype"}, defaultValue = "center", description = "Reducer placement: los, center, median (default: ${DEFAULT-VALUE}).")
    String reduceType;

    @Option(names = {"-mi", "--minsat"}, defaultValue = "3", description = "Lowest AOI grid index (default: ${DEFAULT-VALUE}).")
    int minSat;

    @Option(names = {"-ma", "--maxsat"}, defaultValue = "8", description = "Highest AOI grid index, included as in job.py: the grid is [minsat, maxsat] in both indices (default: ${DEFAULT-VALUE}).")
    int maxSat;

    @Option(names = {"-c", "--collectors"}, defaultValue = "11", description = "Collectors (and mappers), >= 1 (default: ${DEFAULT-VALUE}).")
    int collectors;

    @Option(names = {"-ct", "--collecttask"}, defaultValue = "doccollector", description = "Collector task (default: ${DEFAULT-VALUE}).")
    String collectTask;

    @Option(names = {"-cbt", "--combinetask"}, defaultValue = "mergecombiner", description = "Combiner task, used with --skip-map (default: ${DEFAULT-VALUE}).")
    String combineTask;

    @Option(names = {"-mt", "--maptask"}, defaultValue = "wordcountmapper", description = "Mapper task (default: ${DEFAULT-VALUE}).")
    String mapTask;

    @Option(names = {"-rt", "--reducetask"}, defaultValue = "sumreducer", description = "Reducer task (default: ${DEFAULT-VALUE}).")
    String reduceTask;

    @Option(names = {"-d", "--data"}, paramLabel = "FILE", description = "Job data file (JSON object); default {\"filename\": \"data/sample.txt\"}.")
    Path data;

    @Option(names = {"-mr", "--maxrecords"}, defaultValue = "1024", description = "Records collected before streaming to the mapper, >= 1 (default: ${DEFAULT-VALUE}).")
    int maxRecords;

    @Option(names = {"-u", "--url"}, defaultValue = "http://localhost:8089", description = "Gateway endpoint (default: ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--skip-map", description = "Combine on the collectors and send straight to the reducer (the combiner path).")
    boolean skipMap;

    @Option(names = "--wait", paramLabel = "S", defaultValue = "0",
            description = "After submitting, poll up to S seconds and print the completion too (default: ${DEFAULT-VALUE}: print the submission only).")
    double waitS;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        URI base = Flags.httpUrl("-u/--url", url);
        Flags.require(file == null || id != null, "-f/--file", "only together with -i/--id", file);
        Flags.oneOf("-a/--allocator", allocator, Allocators.NAMES);
        Flags.oneOf("-r/--reducetype", reduceType, List.of("los", "center", "median"));
        Flags.require(collectors >= 1, "-c/--collectors", "an integer >= 1", collectors);
        Flags.require(minSat >= 1, "-mi/--minsat", "an integer >= 1", minSat);
        Flags.require(maxSat >= minSat, "-ma/--maxsat", "an integer >= -mi/--minsat (" + minSat + ")", maxSat);
        Flags.require(maxRecords >= 1, "-mr/--maxrecords", "an integer >= 1", maxRecords);
        Flags.require(waitS >= 0 && waitS <= 86_400, "--wait", "seconds in [0, 86400]", waitS);
        GatewayClient client = new GatewayClient(base);
        PrintWriter out = spec.commandLine().getOut();
        try {
            if (id != null && file != null) {
                GatewayClient.Answer a = client.download(id, file);
                if (a.status() == 200) {
                    Path target = Path.of(Path.of(file).getFileName().toString());
                    Files.write(target, a.body());
                    out.println("Downloaded " + file);
                    out.flush();
                    return 0;
                }
                out.println("Failed to download " + file);
                out.println("Status: " + a.status());
                out.flush();
                return 1;
            }
            GatewayClient.Answer a;
            if (id != null) {
                a = client.completion(id);
                if (a.ok() && !a.json().path("done").asBoolean() && !a.json().path("failed").asBoolean()) {
                    Thread.sleep(500); // as job.py: one more look half a second later
                    a = client.completion(id);
                }
            } else {
                a = client.submit(request().body());
            }
            print(out, a);
            if (id == null && a.ok() && waitS > 0) {
                JsonNode done = client.await(a.json().get("jobid").asText(), Duration.ofMillis(Math.round(waitS * 1000)));
                out.println(PythonJson.dumps(done));
            }
            out.flush();
            return a.ok() ? 0 : 1;
        } catch (ConnectException e) {
            spec.commandLine().getErr().println("error: no gateway answers at " + url + " (" + e.getMessage() + ")");
            return 1;
        }
    }

    private JobRequest request() throws IOException {
        JsonNode jobData;
        if (data == null) {
            ObjectNode d = Wire.object();
            d.put("filename", "data/sample.txt");
            jobData = d;
        } else {
            Flags.require(Files.isRegularFile(data), "-d/--data", "a readable JSON file", data);
            try {
                jobData = Wire.parse(Files.readAllBytes(data));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invalid value for -d/--data: " + data + " is not JSON (" + e.getMessage() + ")");
            }
            Flags.require(jobData.isObject(), "-d/--data", "a file holding one JSON object", data);
        }
        long s = seed == -1 ? ThreadLocalRandom.current().nextLong(1L << 31) : seed;
        return new JobRequest(collectors, minSat, maxSat, s, allocator, reduceType, collectTask, combineTask, mapTask, reduceTask,
                maxRecords, jobData, skipMap);
    }

    private static void print(PrintWriter out, GatewayClient.Answer a) {
        try {
            out.println(PythonJson.dumps(a.json()));
        } catch (IllegalArgumentException notJson) {
            out.println("{\"error\": \"HTTP " + a.status() + " without a JSON body\"}");
        }
    }
}
