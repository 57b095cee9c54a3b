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
import java.util.PriorityQueue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * The reducer and the mapper under re-planning, message by message: a later epoch of a data id replaces the
 * earlier stream, late batches of the earlier epoch and duplicates are ignored, so the result counts every
 * record once.
 */
class EpochStreamsTest {

    private static final SatId HERE = new SatId(5, 5);
    private static final SatId LOS = new SatId(1, 1);
    private static final SatId OLD_MAPPER = new SatId(3, 3);
    private static final SatId NEW_MAPPER = new SatId(4, 4);

    /** Virtual time by hand: actions run in time order, ties in the order scheduled. */
    private static final class ManualClock implements Clock {
        private record Due(double atS, long seq, Runnable action) {
        }

        private final PriorityQueue<Due> due = new PriorityQueue<>((a, b) -> a.atS() != b.atS()
                ? Double.compare(a.atS(), b.atS()) : Long.compare(a.seq(), b.seq()));
        private double now;
        private long seq;

        @Override
        public double nowS() {
            return now;
        }

        @Override
        public void schedule(double delayS, Runnable action) {
            due.add(new Due(now + delayS, seq++, action));
        }

        void runUntil(double tS) {
            while (!due.isEmpty() && due.peek().atS() <= tS) {
                Due d = due.poll();
                now = d.atS();
                d.action().run();
            }
        }
    }

    private record Sent(SatId to, Message message) {
    }

    private final ManualClock clock = new ManualClock();
    private final List<Sent> sent = new ArrayList<>();
    private final SatelliteNode node = new SatelliteNode(HERE, new NodeServices(clock, (from, to, m) -> sent.add(new Sent(to, m)),
            TaskRegistry.discover(), new DataFiles(Path.of("..", "data")), null, ProcessingModel.NONE, TraceSink.NONE, o -> { }));

    private static JobMeta meta(int dataId, int epoch) {
        return new JobMeta("j", dataId, 2, 0.0, 100.0, "doccollector", "wordcountmapper", "", "sumreducer", 10, null, HERE, LOS,
                epoch, FailurePolicy.REPLAN);
    }

    private static Record counts(String word, long n) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put(word, n);
        return Record.of(o);
    }

    private static Record line(String text) {
        return Record.of(JsonNodeFactory.instance.textNode(text));
    }

    private void reduce(int dataId, int epoch, SatId source, int index, boolean last, Record r) {
        node.receive(source, new Message.ReduceBatch(meta(dataId, epoch), source, index, last, List.of(r)));
    }

    @Test
    void aLaterEpochReplacesTheStreamOfItsDataIdAtTheReducer() {
        node.receive(LOS, new Message.SetMapCount(meta(0, 0), 2));
        reduce(1, 0, OLD_MAPPER, 0, false, counts("a", 1));     // the old mapper's first batch: replaced below
        reduce(2, 0, new SatId(6, 6), 0, true, counts("b", 10)); // data id 2, never re-planned
        reduce(1, 1, NEW_MAPPER, 0, false, counts("a", 2));     // the re-planned stream of data id 1
        reduce(1, 0, OLD_MAPPER, 1, true, counts("a", 100));    // late: the old epoch is gone
        reduce(1, 1, NEW_MAPPER, 0, false, counts("a", 2));     // a duplicate
        clock.runUntil(1.0);
        assertEquals(0, sent.size(), "not complete yet: data id 1 epoch 1 has no last batch");
        reduce(1, 1, NEW_MAPPER, 1, true, counts("a", 3));
        clock.runUntil(2.0);
        assertEquals(1, sent.size());
        assertEquals(LOS, sent.get(0).to());
        Message.ReduceResponse r = assertInstanceOf(Message.ReduceResponse.class, sent.get(0).message());
        assertEquals("{\"a\":5,\"b\":10}", r.result().value().toString());
    }

    @Test
    void theMapperKeepsOneStreamPerCollectorAndEpochAndIgnoresLateDuplicates() {
        SatId collector = new SatId(2, 2);
        SatId spare = new SatId(2, 3);
        node.receive(collector, new Message.MapBatch(meta(1, 0), collector, 0, true, List.of(line("x y"))));
        node.receive(collector, new Message.MapBatch(meta(1, 0), collector, 0, true, List.of(line("x y")))); // late copy
        node.receive(spare, new Message.MapBatch(meta(1, 1), spare, 0, true, List.of(line("x y"))));         // epoch 1
        clock.runUntil(1.0);
        assertEquals(2, sent.size(), "one output per stream, none for the copy: " + sent);
        Message.ReduceBatch first = assertInstanceOf(Message.ReduceBatch.class, sent.get(0).message());
        Message.ReduceBatch second = assertInstanceOf(Message.ReduceBatch.class, sent.get(1).message());
        assertEquals(0, first.meta().epoch());
        assertEquals(1, second.meta().epoch());
        assertEquals(1, second.meta().dataId());
        assertEquals(HERE, second.source());
        assertEquals(true, second.endMap());
    }
}
