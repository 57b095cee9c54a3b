package io.spacecomp.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.protocol.FailurePolicy;
import io.spacecomp.protocol.JobMeta;
import io.spacecomp.protocol.JobOutcome;
import io.spacecomp.protocol.JobPlan;
import io.spacecomp.protocol.JobSpec;
import io.spacecomp.protocol.Message;
import io.spacecomp.protocol.MessageSize;
import io.spacecomp.protocol.Replan;
import io.spacecomp.tasks.Attachment;
import io.spacecomp.tasks.Record;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every message type, every job field, through the codec and back: the copy equals the original. */
class WireRoundTripTest {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** Metadata of a re-planned job: epoch and policy beyond the first plan, a combiner, free job data. */
    private static JobMeta replanned() {
        ObjectNode data = F.objectNode();
        data.put("filename", "sample.txt");
        data.putArray("bands").add(3.9).add(11L);
        return new JobMeta("job-7", 4, 9, 12.25, 132.25, "doccollector", "wordcountmapper", "mergecombiner", "sumreducer",
                64, data, new SatId(5, 6), new SatId(1, 2), 3, FailurePolicy.REPLAN);
    }

    /** A record of each shape: counts held as longs (they come back as ints), text, null, with a file attached. */
    private static List<Record> records() {
        ObjectNode counts = F.objectNode();
        counts.put("alpha", 3L);
        counts.put("beta", 4_000_000_000L);
        counts.put("ratio", 0.1);
        return List.of(Record.of(counts), Record.text("a line, \"quoted\" and ünïcode"), Record.of(F.nullNode()),
                new Record(F.objectNode().put("tile", 2), new Attachment("tile-2.bin", new byte[] {0, 1, 2, (byte) 255})));
    }

    /** One sample per message type: a new type without a sample fails {@link #everyMessageTypeRoundTrips}. */
    static Map<Message.Action, Message> samples() {
        JobMeta m = replanned();
        Map<Message.Action, Message> out = new EnumMap<>(Message.Action.class);
        for (Message msg : List.of(
                new Message.Collect(m, new SatId(7, 8)),
                new Message.MapBatch(m, new SatId(2, 3), 5, true, records()),
                new Message.ReduceBatch(m, new SatId(4, 4), 0, false, records()),
                new Message.SetMapCount(m.withDataId(0), 9),
                new Message.ReduceResponse(m, records().get(3), new SatId(5, 6), 17.125),
                new Message.PeerLost(m, new SatId(3, 3), "satellite (3,3) unreachable: no answer on the ISL (2,3) -> (3,3)",
                        new SatId(2, 3)),
                new Message.JobFailed(m.withEpoch(0).withReducer(new SatId(9, 9)), "reduce failed on (9,9): boom",
                        new SatId(9, 9)))) {
            out.put(msg.type(), msg);
        }
        return out;
    }

    @Test
    void everyMessageTypeRoundTrips() {
        Map<Message.Action, Message> samples = samples();
        for (Message.Action a : Message.Action.values()) {
            Message original = samples.get(a);
            assertTrue(original != null, "no round-trip sample for message type " + a);
            Message copy = Wire.message(Wire.parse(Wire.bytes(Wire.message(original))));
            assertNull(WireCheck.difference(original, copy, a.wireName()));
            assertEquals(original.getClass(), copy.getClass());
            assertEquals(a, copy.type());
            assertEquals(a.wireName(), copy.action());
            assertEquals(3, copy.meta().epoch() + (a == Message.Action.JOB_FAILED ? 3 : 0), a + ": epoch");
            assertEquals(FailurePolicy.REPLAN, copy.meta().onFailure(), a + ": on_failure");
            assertEquals(MessageSize.of(original), MessageSize.of(copy), a + ": size");
            // the wire check says the same
            assertNull(WireCheck.difference(original, WireCheck.roundTrip(original), a.wireName()));
        }
    }

    @Test
    void replanFieldsAreOnTheWireByName() {
        JsonNode meta = Wire.message(samples().get(Message.Action.COLLECT)).get("meta_data");
        assertEquals(3, meta.get("epoch").intValue());
        assertEquals("replan", meta.get("on_failure").textValue());
        JsonNode lost = Wire.message(samples().get(Message.Action.PEER_LOST));
        assertEquals("peer_lost", lost.get("action").textValue());
        assertEquals("[3,3]", lost.get("lost").toString());
        assertEquals("[2,3]", lost.get("reporter").toString());
    }

    @Test
    void theCheckNamesTheFieldThatDiffers() {
        Message a = samples().get(Message.Action.COLLECT);
        Message b = new Message.Collect(replanned().withEpoch(2), new SatId(7, 8));
        assertEquals("collect.meta.epoch: 3 vs 2", WireCheck.difference(a, b, "collect"));
        Message c = new Message.MapBatch(replanned(), new SatId(2, 3), 5, true, records().subList(0, 2));
        assertEquals("map.records: 4 elements vs 2",
                WireCheck.difference(samples().get(Message.Action.MAP), c, "map"));
        // a long count and the int the wire reads back are the same JSON; 3 and 3.0 are not
        assertNull(WireCheck.difference(F.numberNode(3L), F.numberNode(3), "n"));
        assertNotEquals(null, WireCheck.difference(F.numberNode(3), F.numberNode(3.0), "n"));
    }

    @Test
    void badMessagesNameTheirField() {
        JsonNode good = Wire.message(samples().get(Message.Action.COLLECT));
        ObjectNode noEpoch = good.deepCopy();
        ((ObjectNode) noEpoch.get("meta_data")).remove("epoch");
        assertEquals("epoch", assertThrows(WireException.class, () -> Wire.message(noEpoch)).field());
        ObjectNode badPolicy = good.deepCopy();
        ((ObjectNode) badPolicy.get("meta_data")).put("on_failure", "retry");
        WireException e = assertThrows(WireException.class, () -> Wire.message(badPolicy));
        assertEquals("on_failure", e.field());
        assertEquals("on_failure must be one of fail, replan, got 'retry'", e.getMessage());
        ObjectNode unknown = good.deepCopy();
        unknown.put("action", "teleport");
        assertEquals("action must be one of collect, map, reduce, set_map_count, reduce_response, peer_lost, job_failed; "
                + "got 'teleport'", assertThrows(WireException.class, () -> Wire.message(unknown)).getMessage());
    }

    @Test
    void jobsRoundTripWithTheirFailurePolicy() {
        ObjectNode data = F.objectNode().put("filename", "corpus.txt");
        for (FailurePolicy p : FailurePolicy.values()) {
            JobSpec spec = new JobSpec("job-9", 2, List.of(new SatId(1, 1), new SatId(2, 1), new SatId(3, 1), new SatId(4, 1)),
                    "bipartite", "3,4", "doccollector", "wordcountmapper", "", "sumreducer", 128, data, 42.5,
                    1L << 53, p);
            JobSpec copy = Wire.spec(Wire.parse(Wire.bytes(Wire.spec(spec))));
            assertEquals(spec, copy);
            assertEquals(p, WireCheck.roundTrip(spec).onFailure());
        }
    }

    @Test
    void outcomesRoundTripWithTheirReplans() {
        Record result = Record.of(F.objectNode().put("alpha", 3));
        JobOutcome o = new JobOutcome("job-3", true, null, result, 1.5, 2.75, 2.5, new SatId(1, 1), new SatId(6, 6),
                List.of(new JobPlan.Allocation(new SatId(2, 2), new SatId(3, 3))), 4, 5,
                List.of(new Replan(Replan.Role.MAPPER, 1, new SatId(3, 3), new SatId(4, 4), 2.0, "satellite (3,3) crashed"),
                        new Replan(Replan.Role.REDUCER, 0, new SatId(6, 6), new SatId(7, 7), 2.5, "unreachable")));
        JobOutcome copy = Wire.outcome(Wire.parse(Wire.bytes(Wire.outcome(o))));
        assertNull(WireCheck.difference(o, copy, "outcome"));
        assertEquals(o, copy);
    }

    @Test
    void textSurvivesAsUtf8() {
        Message m = new Message.JobFailed(replanned(), "ünïcode ✓", new SatId(1, 1));
        byte[] bytes = Wire.bytes(Wire.message(m));
        assertTrue(new String(bytes, StandardCharsets.UTF_8).contains("ünïcode ✓"));
        assertNull(WireCheck.difference(m, Wire.message(Wire.parse(bytes)), "job_failed"));
    }
}
