package io.spacecomp.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.protocol.FailurePolicy;
import io.spacecomp.protocol.JobMeta;
import io.spacecomp.protocol.JobOutcome;
import io.spacecomp.protocol.JobPlan;
import io.spacecomp.protocol.JobSpec;
import io.spacecomp.protocol.Message;
import io.spacecomp.protocol.Replan;
import io.spacecomp.tasks.Attachment;
import io.spacecomp.tasks.Record;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The one message codec of both modes: the protocol's typed records as JSON trees, as the emulator's HTTP
 * bodies carry them and as the simulator's {@code --wire-check} round-trips them. Encoding and decoding go
 * through Jackson trees and {@link #MAPPER} only, so another {@code JsonFactory} (a binary one) can replace
 * the text on the wire without touching the field mapping. Field names
 * follow leopymr ({@code jobid}, {@code meta_data}, {@code end_collect}, ...); satellites are {@code [sat, orb]}.
 * Records travel as their JSON values; attachments ride beside them, keyed by record index: as binary values
 * in a tree, which JSON text writes as base64 and {@link IslCodec}'s CBOR as raw bytes.
 * Every decoder throws {@link WireException} naming the field that is missing or malformed.
 */
public final class Wire {

    /**
     * Field names are not interned: word-count results are objects with thousands of distinct keys, and
     * interning them thrashes Jackson's small intern cache (it clears itself every few hundred names).
     */
    public static final ObjectMapper MAPPER = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .disable(com.fasterxml.jackson.core.JsonFactory.Feature.INTERN_FIELD_NAMES)
            // Nor canonicalised: the symbol table of a parser fills with a result's tens of thousands of one-off
            // words and rehashes over and over (measured: half of the decoding time of a word-count batch).
            .disable(com.fasterxml.jackson.core.JsonFactory.Feature.CANONICALIZE_FIELD_NAMES).build());
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Wire() {
    }

    // ------------------------------------------------------------------ bytes

    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** Parses a request body; a body that is not JSON is a {@link WireException} on field "body". */
    public static JsonNode parse(byte[] body) {
        try {
            JsonNode n = MAPPER.readTree(body);
            if (n == null || n.isMissingNode()) {
                throw new WireException("body", "must be a JSON object, got an empty body");
            }
            return n;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new WireException("body", "is not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new WireException("body", "cannot be read: " + e.getMessage());
        }
    }

    public static ObjectNode object() {
        return F.objectNode();
    }

    // ------------------------------------------------------------------ satellites

    public static ArrayNode sat(SatId id) {
        ArrayNode a = F.arrayNode(2);
        a.add(id.sat());
        a.add(id.orb());
        return a;
    }

    /** A satellite {@code [sat, orb]} with both indices ≥ 1 (whether it lies in the shell is the caller's check). */
    public static SatId sat(JsonNode n, String field) {
        if (n == null || !n.isArray() || n.size() != 2 || !n.get(0).isIntegralNumber() || !n.get(1).isIntegralNumber()
                || !n.get(0).canConvertToInt() || !n.get(1).canConvertToInt()) {
            throw new WireException(field, "must be a satellite [sat, orb] of two integers, got " + brief(n));
        }
        int s = n.get(0).intValue();
        int o = n.get(1).intValue();
        if (s < 1 || o < 1) {
            throw new WireException(field, "must have sat >= 1 and orb >= 1, got " + brief(n));
        }
        return new SatId(s, o);
    }

    public static ArrayNode sats(List<SatId> ids) {
        ArrayNode a = F.arrayNode(ids.size());
        ids.forEach(id -> a.add(sat(id)));
        return a;
    }

    public static List<SatId> sats(JsonNode n, String field) {
        if (n == null || !n.isArray()) {
            throw new WireException(field, "must be a list of satellites [[sat, orb], ...], got " + brief(n));
        }
        List<SatId> out = new ArrayList<>(n.size());
        for (int i = 0; i < n.size(); i++) {
            out.add(sat(n.get(i), field + "[" + i + "]"));
        }
        return out;
    }

    // ------------------------------------------------------------------ scalars

    public static String text(JsonNode obj, String field) {
        JsonNode n = obj.get(field);
        if (n == null || !n.isTextual()) {
            throw new WireException(field, "must be a string, got " + brief(n));
        }
        return n.textValue();
    }

    public static String text(JsonNode obj, String field, String dflt) {
        JsonNode n = obj.get(field);
        return n == null || n.isNull() ? dflt : text(obj, field);
    }

    public static int integer(JsonNode obj, String field) {
        JsonNode n = obj.get(field);
        if (n == null || !n.isIntegralNumber() || !n.canConvertToInt()) {
            throw new WireException(field, "must be an integer, got " + brief(n));
        }
        return n.intValue();
    }

    public static long longValue(JsonNode obj, String field) {
        JsonNode n = obj.get(field);
        if (n == null || !n.isIntegralNumber() || !n.canConvertToLong()) {
            throw new WireException(field, "must be an integer, got " + brief(n));
        }
        return n.longValue();
    }

    public static double number(JsonNode obj, String field) {
        JsonNode n = obj.get(field);
        if (n == null || !n.isNumber() || !Double.isFinite(n.doubleValue())) {
            throw new WireException(field, "must be a finite number, got " + brief(n));
        }
        return n.doubleValue();
    }

    public static boolean bool(JsonNode obj, String field) {
        JsonNode n = obj.get(field);
        if (n == null || !n.isBoolean()) {
            throw new WireException(field, "must be true or false, got " + brief(n));
        }
        return n.booleanValue();
    }

    /** A short rendering of a bad value for an error message (never the whole of a huge body). */
    public static String brief(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        String s = n.toString();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    public static JsonNode object(JsonNode obj, String field) {
        JsonNode n = obj.get(field);
        if (n == null || !n.isObject()) {
            throw new WireException(field, "must be a JSON object, got " + brief(n));
        }
        return n;
    }

    // ------------------------------------------------------------------ records

    /** Records as a list of values, plus {@code attachments: {index: {name, data}}} when any carry one. */
    static void putRecords(ObjectNode target, List<Record> records) {
        ArrayNode data = target.putArray("data");
        ObjectNode attachments = null;
        for (int i = 0; i < records.size(); i++) {
            Record r = records.get(i);
            data.add(r.value());
            if (r.hasAttachment()) {
                if (attachments == null) {
                    attachments = target.putObject("attachments");
                }
                attachments.set(Integer.toString(i), attachment(r.attachment()));
            }
        }
    }

    static List<Record> records(JsonNode obj) {
        JsonNode data = obj.get("data");
        if (data == null || !data.isArray()) {
            throw new WireException("data", "must be a list of records, got " + brief(data));
        }
        JsonNode attachments = obj.get("attachments");
        List<Record> out = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            JsonNode a = attachments == null ? null : attachments.get(Integer.toString(i));
            out.add(new Record(data.get(i), a == null ? null : attachment(a, "attachments." + i)));
        }
        return out;
    }

    public static ObjectNode record(Record r) {
        ObjectNode o = F.objectNode();
        o.set("value", r.value());
        if (r.hasAttachment()) {
            o.set("attachment", attachment(r.attachment()));
        }
        return o;
    }

    public static Record record(JsonNode n, String field) {
        if (n == null || !n.isObject() || !n.has("value")) {
            throw new WireException(field, "must be a record {value, attachment?}, got " + brief(n));
        }
        JsonNode a = n.get("attachment");
        return new Record(n.get("value"), a == null || a.isNull() ? null : attachment(a, field + ".attachment"));
    }

    /** The file as a binary node: base64 in JSON text (Jackson's default, padded, no line feeds), raw in CBOR. */
    static ObjectNode attachment(Attachment a) {
        ObjectNode o = F.objectNode();
        o.put("name", a.name());
        o.put("data", a.bytes());
        return o;
    }

    static Attachment attachment(JsonNode n, String field) {
        JsonNode data = n == null ? null : n.get("data");
        if (data != null && data.isBinary()) {
            return new Attachment(text(n, "name"), ((com.fasterxml.jackson.databind.node.BinaryNode) data).binaryValue());
        }
        try {
            return new Attachment(text(n, "name"), Base64.getDecoder().decode(text(n, "data")));
        } catch (IllegalArgumentException e) {
            throw new WireException(field, e.getMessage());
        }
    }

    // ------------------------------------------------------------------ job metadata and messages

    public static ObjectNode meta(JobMeta m) {
        ObjectNode o = F.objectNode();
        o.put("jobid", m.jobId());
        o.put("data_id", m.dataId());
        o.put("data_size", m.dataSize());
        o.put("job_start", m.jobStartS());
        o.put("deadline", m.deadlineS());
        o.put("collect_task", m.collectTask());
        o.put("map_task", m.mapTask());
        o.put("combine_task", m.combineTask());
        o.put("reduce_task", m.reduceTask());
        o.put("max_collect_records", m.maxCollectRecords());
        o.set("job_data", m.jobData() == null ? NullNode.getInstance() : m.jobData());
        o.set("reducer", sat(m.reducer()));
        o.set("los", sat(m.los()));
        o.put("epoch", m.epoch());
        o.put("on_failure", m.onFailure().cliName());
        return o;
    }

    public static JobMeta meta(JsonNode n) {
        if (n == null || !n.isObject()) {
            throw new WireException("meta_data", "must be a JSON object, got " + brief(n));
        }
        JsonNode jobData = n.get("job_data");
        return new JobMeta(text(n, "jobid"), integer(n, "data_id"), integer(n, "data_size"), number(n, "job_start"),
                number(n, "deadline"), text(n, "collect_task"), text(n, "map_task"), text(n, "combine_task", ""),
                text(n, "reduce_task"), integer(n, "max_collect_records"), jobData == null || jobData.isNull() ? null : jobData,
                sat(n.get("reducer"), "meta_data.reducer"), sat(n.get("los"), "meta_data.los"),
                nonNegative(n, "epoch"), failurePolicy(n, "on_failure"));
    }

    /** {@code "fail"} or {@code "replan"}. */
    public static FailurePolicy failurePolicy(JsonNode obj, String field) {
        String name = text(obj, field);
        try {
            return FailurePolicy.parse(name);
        } catch (IllegalArgumentException e) {
            throw new WireException(field, "must be one of " + String.join(", ", FailurePolicy.NAMES) + ", got '"
                    + (name.length() > 40 ? name.substring(0, 40) + "..." : name) + "'");
        }
    }

    public static ObjectNode message(Message m) {
        ObjectNode o = F.objectNode();
        o.put("action", m.action());
        o.set("meta_data", meta(m.meta()));
        m.accept(new Message.Visitor<Void>() {
            public Void collect(Message.Collect c) {
                o.set("mapper", sat(c.mapper()));
                return null;
            }

            public Void mapBatch(Message.MapBatch b) {
                o.set("collector", sat(b.collector()));
                o.put("collected_index", b.index());
                o.put("end_collect", b.endCollect());
                putRecords(o, b.records());
                return null;
            }

            public Void reduceBatch(Message.ReduceBatch b) {
                o.set("mapper", sat(b.source()));
                o.put("mapped_index", b.index());
                o.put("end_map", b.endMap());
                putRecords(o, b.records());
                return null;
            }

            public Void setMapCount(Message.SetMapCount s) {
                o.put("map_count", s.streams());
                return null;
            }

            public Void reduceResponse(Message.ReduceResponse r) {
                o.set("result", record(r.result()));
                o.set("reducer_sat", sat(r.reducer()));
                o.put("reduced_s", r.reducedS());
                return null;
            }

            public Void peerLost(Message.PeerLost p) {
                o.set("lost", sat(p.lost()));
                o.put("reason", p.reason());
                o.set("reporter", sat(p.reporter()));
                return null;
            }

            public Void jobFailed(Message.JobFailed f) {
                o.put("reason", f.reason());
                o.set("reporter", sat(f.reporter()));
                return null;
            }
        });
        return o;
    }

    public static Message message(JsonNode n) {
        if (n == null || !n.isObject()) {
            throw new WireException("message", "must be a JSON object, got " + brief(n));
        }
        String name = text(n, "action");
        Message.Action action = Message.Action.byWireName(name);
        if (action == null) {
            throw new WireException("action", "must be one of " + String.join(", ", Message.Action.wireNames())
                    + "; got '" + (name.length() > 40 ? name.substring(0, 40) + "..." : name) + "'");
        }
        JobMeta meta = meta(n.get("meta_data"));
        // a switch expression over the enum: a new message type that is not decoded here does not compile
        return switch (action) {
            case COLLECT -> new Message.Collect(meta, sat(n.get("mapper"), "mapper"));
            case MAP -> new Message.MapBatch(meta, sat(n.get("collector"), "collector"), nonNegative(n, "collected_index"),
                    bool(n, "end_collect"), records(n));
            case REDUCE -> new Message.ReduceBatch(meta, sat(n.get("mapper"), "mapper"), nonNegative(n, "mapped_index"),
                    bool(n, "end_map"), records(n));
            case SET_MAP_COUNT -> new Message.SetMapCount(meta, nonNegative(n, "map_count"));
            case REDUCE_RESPONSE -> new Message.ReduceResponse(meta, record(n.get("result"), "result"),
                    sat(n.get("reducer_sat"), "reducer_sat"), number(n, "reduced_s"));
            case PEER_LOST -> new Message.PeerLost(meta, sat(n.get("lost"), "lost"), text(n, "reason"),
                    sat(n.get("reporter"), "reporter"));
            case JOB_FAILED -> new Message.JobFailed(meta, text(n, "reason"), sat(n.get("reporter"), "reporter"));
        };
    }

    public static int nonNegative(JsonNode n, String field) {
        int v = integer(n, field);
        if (v < 0) {
            throw new WireException(field, "must be >= 0, got " + v);
        }
        return v;
    }

    // ------------------------------------------------------------------ jobs: ground ↔ coordinator

    /** The job as the gateway hands it to its coordinator (every field explicit). */
    public static ObjectNode spec(JobSpec s) {
        ObjectNode o = F.objectNode();
        o.put("jobid", s.jobId());
        o.put("collectors", s.collectors());
        o.set("aoi", sats(s.aoi()));
        o.put("allocator", s.allocator());
        o.put("reducer", s.reducerPlacement());
        o.put("collect_task", s.collectTask());
        o.put("map_task", s.mapTask());
        o.put("combine_task", s.combineTask());
        o.put("reduce_task", s.reduceTask());
        o.put("max_collect_records", s.maxCollectRecords());
        o.set("job_data", s.jobData() == null ? NullNode.getInstance() : s.jobData());
        o.put("timeout", s.timeoutS());
        o.put("seed", s.seed());
        o.put("on_failure", s.onFailure().cliName());
        return o;
    }

    public static JobSpec spec(JsonNode n) {
        JsonNode jobData = n.get("job_data");
        return new JobSpec(text(n, "jobid"), integer(n, "collectors"), sats(n.get("aoi"), "aoi"), text(n, "allocator"),
                text(n, "reducer"), text(n, "collect_task"), text(n, "map_task"), text(n, "combine_task", ""),
                text(n, "reduce_task"), integer(n, "max_collect_records"), jobData == null || jobData.isNull() ? null : jobData,
                number(n, "timeout"), longValue(n, "seed"), failurePolicy(n, "on_failure"));
    }

    /** The answer to {@code /submit}, as leopymr gives it: jobid, los, reducer, allocator, allocations, distances. */
    public static ObjectNode accepted(JobSpec spec, SatId los, JobPlan plan) {
        ObjectNode o = F.objectNode();
        o.put("jobid", spec.jobId());
        o.set("los", sat(los));
        o.set("reducer", sat(plan.reducer()));
        o.put("allocator", spec.allocator());
        ArrayNode allocations = o.putArray("allocations");
        for (JobPlan.Allocation a : plan.allocations()) {
            ArrayNode pair = allocations.addArray();
            pair.add(sat(a.collector()));
            pair.add(sat(a.mapper()));
        }
        o.put("distance", plan.distance());
        o.put("reduce_distance", plan.reduceDistance());
        o.put("seed", spec.seed()); // beyond leopymr: replays a random allocation
        return o;
    }

    /** How a job ended, as the coordinator sends it down to the gateway. */
    public static ObjectNode outcome(JobOutcome out) {
        ObjectNode o = F.objectNode();
        o.put("jobid", out.jobId());
        o.put("done", out.done());
        if (out.error() != null) {
            o.put("error", out.error());
        }
        if (out.result() != null) {
            o.set("result", record(out.result()));
        }
        o.put("job_start", out.jobStartS());
        o.put("job_time", out.jobTimeS());
        o.put("reduce_time", out.reduceTimeS());
        o.set("los", sat(out.los()));
        if (out.reducer() != null) {
            o.set("reducer", sat(out.reducer()));
        }
        ArrayNode allocations = o.putArray("allocations");
        for (JobPlan.Allocation a : out.allocations()) {
            ArrayNode pair = allocations.addArray();
            pair.add(sat(a.collector()));
            pair.add(sat(a.mapper()));
        }
        o.put("distance", out.distance());
        o.put("reduce_distance", out.reduceDistance());
        if (!out.replans().isEmpty()) {
            o.set("replans", replans(out.replans()));
        }
        return o;
    }

    /** Every move of a job's work: {@code [{role, data_id, from, to, at, reason}, ...]}. */
    public static ArrayNode replans(List<Replan> moves) {
        ArrayNode replans = F.arrayNode(moves.size());
        for (Replan r : moves) {
            ObjectNode m = replans.addObject();
            m.put("role", r.role().wireName());
            m.put("data_id", r.dataId());
            m.set("from", sat(r.from()));
            m.set("to", sat(r.to()));
            m.put("at", r.atS());
            m.put("reason", r.reason());
        }
        return replans;
    }

    public static JobOutcome outcome(JsonNode n) {
        List<JobPlan.Allocation> allocations = new ArrayList<>();
        JsonNode list = n.get("allocations");
        if (list != null && list.isArray()) {
            for (int i = 0; i < list.size(); i++) {
                JsonNode pair = list.get(i);
                allocations.add(new JobPlan.Allocation(sat(pair.get(0), "allocations[" + i + "][0]"),
                        sat(pair.get(1), "allocations[" + i + "][1]")));
            }
        }
        List<Replan> replans = new ArrayList<>();
        JsonNode moves = n.get("replans");
        if (moves != null && moves.isArray()) {
            for (int i = 0; i < moves.size(); i++) {
                JsonNode m = moves.get(i);
                Replan.Role role;
                try {
                    role = Replan.Role.parse(text(m, "role"));
                } catch (IllegalArgumentException e) {
                    throw new WireException("replans[" + i + "].role", e.getMessage());
                }
                replans.add(new Replan(role, integer(m, "data_id"), sat(m.get("from"), "replans[" + i + "].from"),
                        sat(m.get("to"), "replans[" + i + "].to"), number(m, "at"), text(m, "reason")));
            }
        }
        JsonNode result = n.get("result");
        JsonNode reducer = n.get("reducer");
        return new JobOutcome(text(n, "jobid"), bool(n, "done"), text(n, "error", null),
                result == null || result.isNull() ? null : record(result, "result"), number(n, "job_start"),
                number(n, "job_time"), number(n, "reduce_time"), sat(n.get("los"), "los"), reducer == null ? null : sat(reducer, "reducer"),
                allocations, integer(n, "distance"), integer(n, "reduce_distance"), replans);
    }

}
