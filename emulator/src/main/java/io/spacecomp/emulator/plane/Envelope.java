package io.spacecomp.emulator.plane;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spacecomp.emulator.wire.Wire;
import io.spacecomp.emulator.wire.WireException;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.Torus;

import java.util.List;

/**
 * What one ISL hop carries: a protocol message (still as JSON: only its destination decodes it) with its
 * source route. {@code path[hop]} is the satellite the envelope is addressed to on this hop;
 * {@code path[0]} sent it, {@code path[last]} is its destination. A {@code undeliverable} envelope brings a
 * message back to its sender, saying which satellite could not be reached and why.
 *
 * @param id          message id, unique in the constellation (trace {@code msg})
 * @param kind        {@code message} or {@code undeliverable}
 * @param path        the source route, every step a +Grid link
 * @param hop         index in {@code path} of the satellite this hop goes to (≥ 1)
 * @param message     the protocol message (JSON)
 * @param bytes       the message's size on a link (for serialisation delay and the trace)
 * @param unreachable for {@code undeliverable}: the satellite that did not answer
 * @param reason      for {@code undeliverable}: why
 */
record Envelope(long id, String kind, List<SatId> path, int hop, JsonNode message, long bytes, SatId unreachable,
                String reason) {

    static final String MESSAGE = "message";
    static final String UNDELIVERABLE = "undeliverable";

    Envelope {
        path = List.copyOf(path);
    }

    SatId source() {
        return path.get(0);
    }

    SatId destination() {
        return path.get(path.size() - 1);
    }

    SatId from() {
        return path.get(hop - 1);
    }

    SatId to() {
        return path.get(hop);
    }

    boolean arrived() {
        return hop == path.size() - 1;
    }

    Envelope atHop(int h) {
        return new Envelope(id, kind, path, h, message, bytes, unreachable, reason);
    }

    /** Key under which a receiver remembers this hop, so a retried hop is processed once. */
    String dedupeKey() {
        return kind + ":" + id + ":" + hop;
    }

    byte[] toBytes() {
        ObjectNode o = Wire.object();
        o.put("id", id);
        o.put("kind", kind);
        o.set("path", Wire.sats(path));
        o.put("hop", hop);
        o.put("bytes", bytes);
        if (unreachable != null) {
            o.set("unreachable", Wire.sat(unreachable));
            o.put("reason", reason);
        }
        o.set("message", message);
        return Wire.bytes(o);
    }

    /**
     * Reads an envelope that arrived at {@code here}, refusing one that is malformed or does not come
     * along a valid torus hop: every step of its path must be a +Grid link inside the shell, and this hop
     * must end here.
     */
    static Envelope read(JsonNode n, SatId here, Torus torus) {
        long id = Wire.longValue(n, "id");
        String kind = Wire.text(n, "kind");
        if (!kind.equals(MESSAGE) && !kind.equals(UNDELIVERABLE)) {
            throw new WireException("kind", "must be message or undeliverable, got '" + kind + "'");
        }
        List<SatId> path = Wire.sats(n.get("path"), "path");
        if (path.size() < 2 || path.size() > torus.size() + 1) {
            throw new WireException("path", "must list 2.." + (torus.size() + 1) + " satellites, got " + path.size());
        }
        for (int i = 0; i < path.size(); i++) {
            SatId s = path.get(i);
            if (s.sat() > torus.satsPerPlane() || s.orb() > torus.planes()) {
                throw new WireException("path[" + i + "]", "is outside the shell: " + s);
            }
            if (i > 0 && !torus.areNeighbours(path.get(i - 1), s)) {
                throw new WireException("path[" + i + "]", "is not a +Grid neighbour of " + path.get(i - 1));
            }
        }
        int hop = Wire.integer(n, "hop");
        if (hop < 1 || hop >= path.size()) {
            throw new WireException("hop", "must be in [1, " + (path.size() - 1) + "], got " + hop);
        }
        if (!path.get(hop).equals(here)) {
            throw new WireException("hop", "addresses " + path.get(hop) + ", not this satellite " + here);
        }
        long bytes = Wire.longValue(n, "bytes");
        JsonNode message = n.get("message");
        if (message == null || !message.isObject()) {
            throw new WireException("message", "must be a JSON object, got " + Wire.brief(message));
        }
        SatId unreachable = null;
        String reason = null;
        if (kind.equals(UNDELIVERABLE)) {
            unreachable = Wire.sat(n.get("unreachable"), "unreachable");
            reason = Wire.text(n, "reason");
        }
        return new Envelope(id, kind, path, hop, message, bytes, unreachable, reason);
    }
}
