package io.spacecomp.testtasks;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spacecomp.tasks.Attachment;
import io.spacecomp.tasks.Collector;
import io.spacecomp.tasks.Mapper;
import io.spacecomp.tasks.Record;
import io.spacecomp.tasks.Reducer;
import io.spacecomp.tasks.TaskContext;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Tasks that move binary attachments: every collector emits 3 files, mappers invert the bytes, the reducer concatenates. */
public final class FileTasks {

    private FileTasks() {
    }

    /** The bytes collector {@code dataId} attaches as file {@code n}. */
    public static byte[] content(int dataId, int n) {
        byte[] b = new byte[1000 + 37 * dataId + n];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i * 31 + dataId * 7 + n);
        }
        return b;
    }

    public static final class FileCollector implements Collector {
        @Override
        public String name() {
            return "testfilecollector";
        }

        @Override
        public List<Record> collect(TaskContext ctx) {
            List<Record> out = new ArrayList<>();
            for (int n = 0; n < 3; n++) {
                ObjectNode v = JsonNodeFactory.instance.objectNode().put("data_id", ctx.dataId()).put("n", n);
                out.add(new Record(v, new Attachment("img-" + ctx.dataId() + "-" + n + ".bin", content(ctx.dataId(), n))));
            }
            return out;
        }
    }

    public static final class InvertingMapper implements Mapper {
        @Override
        public String name() {
            return "testinvertmapper";
        }

        @Override
        public List<Record> map(TaskContext ctx, List<Record> records) {
            List<Record> out = new ArrayList<>();
            for (Record r : records) {
                byte[] b = r.attachment().bytes();
                for (int i = 0; i < b.length; i++) {
                    b[i] = (byte) ~b[i];
                }
                out.add(new Record(r.value(), new Attachment(r.attachment().name(), b)));
            }
            return out;
        }
    }

    public static final class ConcatReducer implements Reducer {
        @Override
        public String name() {
            return "testconcatreducer";
        }

        @Override
        public Record reduce(TaskContext ctx, List<Record> records) {
            List<Record> sorted = new ArrayList<>(records);
            sorted.sort(Comparator.comparing((Record r) -> r.value().get("data_id").asInt()).thenComparing(r -> r.value().get("n").asInt()));
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (Record r : sorted) {
                all.writeBytes(r.attachment().bytes());
            }
            ObjectNode v = JsonNodeFactory.instance.objectNode().put("parts", sorted.size());
            v.putArray("files").add("merged.bin");
            return new Record(v, new Attachment("merged.bin", all.toByteArray()));
        }
    }

    public static final class ThrowingMapper implements Mapper {
        @Override
        public String name() {
            return "testthrowingmapper";
        }

        @Override
        public List<Record> map(TaskContext ctx, List<Record> records) {
            throw new IllegalStateException("sensor offline");
        }
    }
}
