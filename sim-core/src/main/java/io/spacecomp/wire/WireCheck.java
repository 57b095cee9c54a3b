package io.spacecomp.wire;

import com.fasterxml.jackson.databind.JsonNode;
import io.spacecomp.protocol.JobSpec;
import io.spacecomp.protocol.Message;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Comparator;
import java.util.List;

/**
 * The simulator's {@code --wire-check}: every message goes to bytes and back through {@link Wire} before it
 * is delivered, and the copy must equal the original, field by field; the first field that differs is
 * named. The comparison walks the records' components by reflection, so a field a new message type adds is
 * compared without anyone listing it here. JSON values compare as the wire can promise: the same JSON text
 * (a count held as a long comes back as an int when it fits).
 */
public final class WireCheck {

    private WireCheck() {
    }

    /** A message or job that does not come back from the wire as it went. */
    public static final class WireMismatchException extends IllegalStateException {
        WireMismatchException(String what, String difference) {
            super("wire check: " + what + " does not survive the codec: " + difference);
        }
    }

    /**
     * {@code m} through the wire and back, as an ISL hop carries it ({@link IslCodec}: CBOR of {@link Wire}'s
     * trees); throws {@link WireMismatchException} when the copy differs.
     */
    public static Message roundTrip(Message m) {
        Message copy;
        try {
            copy = IslCodec.decode(IslCodec.encode(m));
        } catch (WireException e) {
            throw new WireMismatchException(m.action() + " of job " + m.jobId(), "its encoding does not decode: " + e.getMessage());
        }
        String diff = difference(m, copy, m.action());
        if (diff != null) {
            throw new WireMismatchException(m.action() + " of job " + m.jobId(), diff);
        }
        return copy;
    }

    /** A job as the gateway sends it up, through the wire and back. */
    public static JobSpec roundTrip(JobSpec s) {
        JobSpec copy;
        try {
            copy = Wire.spec(Wire.parse(Wire.bytes(Wire.spec(s))));
        } catch (WireException e) {
            throw new WireMismatchException("job " + s.jobId(), "its encoding does not decode: " + e.getMessage());
        }
        String diff = difference(s, copy, "job");
        if (diff != null) {
            throw new WireMismatchException("job " + s.jobId(), diff);
        }
        return copy;
    }

    /** Where {@code a} and {@code b} first differ ({@code path: a vs b}), or null when they are the same. */
    public static String difference(Object a, Object b, String path) {
        if (a == null || b == null) {
            return a == b ? null : path + ": " + brief(a) + " vs " + brief(b);
        }
        if (a instanceof JsonNode x && b instanceof JsonNode y) {
            return x.equals(SAME_JSON_TEXT, y) ? null : path + ": " + brief(x) + " vs " + brief(y);
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return path + ": " + x.size() + " elements vs " + y.size();
            }
            for (int i = 0; i < x.size(); i++) {
                String d = difference(x.get(i), y.get(i), path + "[" + i + "]");
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (a.getClass() != b.getClass()) {
            return path + ": a " + a.getClass().getSimpleName() + " vs a " + b.getClass().getSimpleName();
        }
        if (a.getClass().isArray()) {
            return java.util.Objects.deepEquals(a, b) ? null : path + ": the contents differ";
        }
        if (a.getClass().isRecord()) {
            for (RecordComponent c : a.getClass().getRecordComponents()) {
                String d = difference(get(c, a), get(c, b), path + "." + c.getName());
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        return a.equals(b) ? null : path + ": " + brief(a) + " vs " + brief(b);
    }

    private static Object get(RecordComponent c, Object record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + record.getClass().getSimpleName(), e);
        }
    }

    /** Two JSON leaves are the same when they are equal or are numbers written the same. */
    private static final Comparator<JsonNode> SAME_JSON_TEXT = (x, y) ->
            x.equals(y) || (x.isNumber() && y.isNumber() && x.asText().equals(y.asText())) ? 0 : 1;

    private static String brief(Object o) {
        String s = String.valueOf(o);
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
