package io.spacecomp.protocol;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.tasks.DataFiles;
import io.spacecomp.tasks.Record;
import io.spacecomp.tasks.TaskRegistry;
import io.spacecomp.trace.TraceSink;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reducer folds each batch into a running result when its reducer allows it and the job does not re-plan: it
 * keeps no record whole, and what it holds ({@link SatelliteNode#load()}) is counted and freed when it reduces.
 */
class FoldingReduceTest {

    private static final SatId HERE = new SatId(5, 5);
    private static final SatId LOS = new SatId(1, 1);

    private record Sent(SatId to, Message message) {
    }

    /** Runs actions due now, in order (the emulator's clock with no busy time does the same); later ones (deadlines, expiry) never come. */
    private final List<Runnable> due = new ArrayList<>();
    private final Clock clock = new Clock() {
        @Override
        public double nowS() {
            return 0;
        }

        @Override
        public void schedule(double delayS, Runnable action) {
            if (delayS == 0) {
                due.add(action);
            }
        }
    };
    private final List<Sent> sent = new ArrayList<>();
    private final SatelliteNode node = new SatelliteNode(HERE, new NodeServices(clock, (from, to, m) -> sent.add(new Sent(to, m)),
            TaskRegistry.discover(), new DataFiles(Path.of("..", "data")), null, ProcessingModel.NONE, TraceSink.NONE, o -> { }));

    private void drain() {
        while (!due.isEmpty()) {
            due.remove(0).run();
        }
    }

    private static JobMeta meta(String job, int dataId, FailurePolicy policy) {
        return new JobMeta(job, dataId, 2, 0.0, 100.0, "doccollector", "wordcountmapper", "", "sumreducer", 10, null, HERE, LOS,
                0, policy);
    }

    private static Record counts(String word, long n) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put(word, n);
        return Record.of(o);
    }

    private void batch(String job, FailurePolicy policy, int dataId, int index, boolean last, Record... records) {
        node.receive(new SatId(dataId, 3), new Message.ReduceBatch(meta(job, dataId, policy), new SatId(dataId, 3), index, last,
                List.of(records)));
        drain();
    }

    @Test
    void aFoldingReducerKeepsNoRecordAndTheLoadIsFreedWhenItReduces() {
        node.receive(LOS, new Message.SetMapCount(meta("f", 0, FailurePolicy.FAIL), 2));
        drain();
        assertEquals(new SatelliteNode.Load(Set.of("f"), Set.of(), 0, 0, 0, 0), node.load(), "a job waiting for its streams");
        batch("f", FailurePolicy.FAIL, 1, 0, false, counts("a", 1), counts("b", 2));
        batch("f", FailurePolicy.FAIL, 2, 0, true, counts("a", 10));
        SatelliteNode.Load mid = node.load();
        assertEquals(Set.of("f"), mid.reducing());
        assertEquals(1, mid.reduceStreams(), "data id 1 is still open, data id 2 complete");
        assertEquals(0, mid.keptRecords(), "folded, not kept");
        // MessageSize counts {"a":1} and {"b":2} as 2 + 1 + 4 + 1 = 8 bytes each, {"a":10} as 9
        assertEquals(8 + 8 + 9, mid.reduceBytes());
        batch("f", FailurePolicy.FAIL, 1, 1, true, counts("b", 3));
        assertEquals(SatelliteNode.Load.NONE, node.load(), "nothing held once reduced");
        Message.ReduceResponse r = assertInstanceOf(Message.ReduceResponse.class, sent.get(0).message());
        assertEquals("{\"a\":11,\"b\":5}", r.result().value().toString());
    }

    @Test
    void aJobThatReplansKeepsItsRecordsWholeAndGetsTheSameResult() {
        node.receive(LOS, new Message.SetMapCount(meta("r", 0, FailurePolicy.REPLAN), 2));
        batch("r", FailurePolicy.REPLAN, 1, 0, false, counts("a", 1), counts("b", 2));
        batch("r", FailurePolicy.REPLAN, 2, 0, true, counts("a", 10));
        assertEquals(3, node.load().keptRecords(), "a later epoch may replace a stream: its records are kept");
        batch("r", FailurePolicy.REPLAN, 1, 1, true, counts("b", 3));
        assertTrue(node.load().reducing().isEmpty());
        Message.ReduceResponse r = assertInstanceOf(Message.ReduceResponse.class, sent.get(0).message());
        assertEquals("{\"a\":11,\"b\":5}", r.result().value().toString());
    }

    @Test
    void aBadBatchFailsTheJobAtOnceAndFreesWhatWasFolded() {
        batch("x", FailurePolicy.FAIL, 1, 0, false, counts("a", 1));
        batch("x", FailurePolicy.FAIL, 2, 0, true, Record.text("not counts"));
        Message.JobFailed f = assertInstanceOf(Message.JobFailed.class, sent.get(0).message());
        assertTrue(f.reason().contains("reduce_task 'sumreducer' failed: expected {key: count} objects"), f.reason());
        assertTrue(node.load().reducing().isEmpty(), "dropped: " + node.load());
        batch("x", FailurePolicy.FAIL, 1, 1, true, counts("a", 1));
        assertEquals(1, sent.size(), "later batches of the failed job are ignored");
    }
}
