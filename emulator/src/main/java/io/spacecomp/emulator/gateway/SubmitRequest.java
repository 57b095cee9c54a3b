package io.spacecomp.emulator.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spacecomp.emulator.client.PythonRandom;
import io.spacecomp.wire.Wire;
import io.spacecomp.wire.WireException;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.WalkerShell;
import io.spacecomp.placement.Allocators;
import io.spacecomp.protocol.JobSpec;
import io.spacecomp.tasks.DataFiles;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * Reads a {@code POST /submit} body as leopymr's clients send it, checking every field: a bad one is a
 * {@link WireException} naming it and the allowed values. Beyond leopymr: {@code reducer} may also be a
 * placement rule ({@code "los"}, {@code "center"}, {@code "median"}) instead of a satellite;
 * {@code skip_map} (default false) takes the combiner path; {@code seed} seeds the random allocator (when
 * absent the gateway draws one and reports it, so every run can be replayed); {@code timeout} (s) overrides
 * the default deadline; {@code aoi_box} names the area as a latitude/longitude box instead of {@code aoi}.
 */
final class SubmitRequest {

    static final String DEFAULT_FILENAME = "data/sample.txt";
    static final int MAX_RECORDS_PER_BATCH = 1_000_000;
    static final double MAX_TIMEOUT_S = 86_400;
    private static final Pattern TASK_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,100}");

    private SubmitRequest() {
    }

    /** The default deadline: generous for the emulator's real HTTP hops, growing with the job's size (s). */
    static double defaultTimeoutS(int collectors) {
        return 120.0 + 2.0 * collectors;
    }

    /** Largest seed the gateway draws: 2^53, so that clients reading JSON numbers as doubles (jq) keep it exact. */
    static final long MAX_DRAWN_SEED = 1L << 53;

    /**
     * @param freshSeed  a seed for a job that gives none
     * @param overBox    the satellites over an {@code aoi_box} now, in node order
     */
    static JobSpec parse(JsonNode body, String jobId, WalkerShell shell, DataFiles dataFiles, LongSupplier freshSeed,
                         Function<AoiBox, List<SatId>> overBox) {
        int collectors = Wire.integer(body, "collectors");
        long seed = body.hasNonNull("seed") ? Wire.longValue(body, "seed") : freshSeed.getAsLong();
        List<SatId> aoi;
        if (body.hasNonNull(AoiBox.FIELD)) {
            if (body.hasNonNull("aoi")) {
                throw new WireException(AoiBox.FIELD, "give the area either as aoi (satellites) or as aoi_box (a lat/lon box), not both");
            }
            List<SatId> over = new ArrayList<>(overBox.apply(AoiBox.parse(body.get(AoiBox.FIELD))));
            if (over.size() < 2) {
                throw new WireException(AoiBox.FIELD, "holds " + over.size() + " satellite(s) of the shell now; a job needs at least 2"
                        + " (one collector, one candidate mapper): widen the box or choose pass any");
            }
            // As job.py shuffles its grid: the first k collect, the next k are candidate mappers; the seed replays it.
            new PythonRandom(seed).shuffle(over);
            aoi = over;
        } else {
            aoi = Wire.sats(body.get("aoi"), "aoi");
        }
        Set<SatId> seen = new HashSet<>();
        for (int i = 0; i < aoi.size(); i++) {
            SatId s = aoi.get(i);
            if (!shell.contains(s)) {
                throw new WireException("aoi[" + i + "]", "is outside the shell (sat 1.." + shell.satsPerPlane() + ", orb 1.."
                        + shell.planes() + "): " + s);
            }
            if (!seen.add(s)) {
                throw new WireException("aoi[" + i + "]", "lists " + s + " a second time");
            }
        }
        if (collectors < 1 || 2 * collectors > aoi.size()) {
            throw new WireException("collectors", "must be in [1, " + aoi.size() / 2 + "] (half the " + aoi.size()
                    + "-satellite aoi: k collectors, then k candidate mappers), got " + collectors);
        }
        String allocator = Wire.text(body, "allocator", "bipartite").toLowerCase(Locale.ROOT);
        if (!Allocators.NAMES.contains(allocator)) {
            throw new WireException("allocator", "must be one of " + String.join(", ", Allocators.NAMES) + ", got '" + allocator + "'");
        }
        String reducer = reducer(body.get("reducer"), shell);
        String collectTask = task(body, "collect_task", "doccollector");
        String mapTask = task(body, "map_task", "wordcountmapper");
        String reduceTask = task(body, "reduce_task", "sumreducer");
        String combineTask = body.hasNonNull("combine_task") && !Wire.text(body, "combine_task").isEmpty()
                ? task(body, "combine_task", "") : "";
        boolean skipMap = body.hasNonNull("skip_map") && Wire.bool(body, "skip_map");
        if (skipMap && combineTask.isEmpty()) {
            throw new WireException("combine_task", "must name a combiner when skip_map is true");
        }
        int maxRecords = body.hasNonNull("max_collect_records") ? Wire.integer(body, "max_collect_records") : JobSpec.DEFAULT_MAX_COLLECT_RECORDS;
        if (maxRecords < 1 || maxRecords > MAX_RECORDS_PER_BATCH) {
            throw new WireException("max_collect_records", "must be in [1, " + MAX_RECORDS_PER_BATCH + "], got " + maxRecords);
        }
        JsonNode jobData = body.get("job_data");
        if (jobData == null || jobData.isNull()) {
            ObjectNode d = Wire.object();
            d.put("filename", DEFAULT_FILENAME);
            jobData = d;
        } else if (!jobData.isObject()) {
            throw new WireException("job_data", "must be a JSON object, got " + Wire.brief(jobData));
        }
        if (jobData.has("filename")) {
            if (!jobData.get("filename").isTextual()) {
                throw new WireException("job_data.filename", "must be a string, got " + Wire.brief(jobData.get("filename")));
            }
            if (dataFiles != null) {
                try {
                    dataFiles.resolve(jobData.get("filename").textValue());
                } catch (IllegalArgumentException e) {
                    throw new WireException("job_data.filename", e.getMessage().replaceFirst("^filename ", ""));
                }
            }
        }
        double timeoutS = body.hasNonNull("timeout") ? Wire.number(body, "timeout") : defaultTimeoutS(collectors);
        if (!(timeoutS > 0) || timeoutS > MAX_TIMEOUT_S) {
            throw new WireException("timeout", "must be seconds in (0, " + (long) MAX_TIMEOUT_S + "], got " + timeoutS);
        }
        return new JobSpec(jobId, collectors, aoi, allocator, reducer, collectTask, mapTask, skipMap ? combineTask : "",
                reduceTask, maxRecords, jobData, timeoutS, seed);
    }

    /** A satellite [sat, orb] inside the shell (as leopymr's client sends), or a placement rule. */
    private static String reducer(JsonNode n, WalkerShell shell) {
        if (n == null || n.isNull()) {
            return "center";
        }
        if (n.isTextual()) {
            String rule = n.textValue().toLowerCase(Locale.ROOT);
            if (!List.of("los", "center", "median").contains(rule)) {
                throw new WireException("reducer", "must be a satellite [sat, orb] or one of los, center, median; got '" + n.textValue() + "'");
            }
            return rule;
        }
        SatId s = Wire.sat(n, "reducer");
        if (!shell.contains(s)) {
            throw new WireException("reducer", "is outside the shell (sat 1.." + shell.satsPerPlane() + ", orb 1.." + shell.planes() + "): " + s);
        }
        return s.sat() + "," + s.orb();
    }

    private static String task(JsonNode body, String field, String dflt) {
        String name = Wire.text(body, field, dflt);
        if (!TASK_NAME.matcher(name).matches()) {
            throw new WireException(field, "must be a task name of 1-100 letters, digits, '_', '.' or '-', got '"
                    + (name.length() > 40 ? name.substring(0, 40) + "..." : name) + "'");
        }
        return name;
    }
}
