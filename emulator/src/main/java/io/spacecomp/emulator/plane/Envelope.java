package io.spacecomp.emulator.plane;

import com.sun.net.httpserver.Headers;
import io.spacecomp.wire.IslCodec;
import io.spacecomp.wire.WireException;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.Torus;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What one ISL hop carries: a protocol message, as the CBOR bytes its sender wrote ({@link IslCodec}; only its destination
 * parses them: a relay forwards the bytes untouched), with its source route in the request headers.
 * {@code path[hop]} is the satellite the envelope is addressed to on this hop; {@code path[0]} sent it,
 * {@code path[last]} is its destination. An {@code undeliverable} envelope brings a message back to its
 * sender, saying which satellite could not be reached and why.
 *
 * <p>Headers: {@code X-Isl-Id}, {@code X-Isl-Kind}, {@code X-Isl-Path} ({@code sat.orb} steps joined by
 * {@code ;}), {@code X-Isl-Hop}, {@code X-Isl-Job}, {@code X-Isl-Action}, {@code X-Isl-Deadline}; for
 * {@code undeliverable} also {@code X-Isl-Unreachable} and {@code X-Isl-Reason} (URL-encoded).
 *
 * @param id          message id, unique in the constellation (trace {@code msg})
 * @param kind        {@code message} or {@code undeliverable}
 * @param path        the source route, every step a +Grid link
 * @param hop         index in {@code path} of the satellite this hop goes to (≥ 1)
 * @param jobId       the message's job (for the trace)
 * @param action      the message's action (for the trace, and what work it brings its destination)
 * @param deadlineS   the job's deadline (s since the constellation epoch): a hop refused as busy is tried again until then
 * @param message     the protocol message, CBOR bytes
 * @param unreachable for {@code undeliverable}: the satellite that did not answer
 * @param reason      for {@code undeliverable}: why
 */
record Envelope(long id, String kind, List<SatId> path, int hop, String jobId, String action, double deadlineS, byte[] message,
                SatId unreachable, String reason) {

    static final String MESSAGE = "message";
    static final String UNDELIVERABLE = "undeliverable";

    Envelope {
        path = List.copyOf(path);
    }

    SatId source() {
        return path.get(0);
    }

    SatId to() {
        return path.get(hop);
    }

    boolean arrived() {
        return hop == path.size() - 1;
    }

    /** Bytes on the link: the message plus its routing headers, roughly. */
    long bytes() {
        return message.length + 64L + 8L * path.size();
    }

    Envelope atHop(int h) {
        return new Envelope(id, kind, path, h, jobId, action, deadlineS, message, unreachable, reason);
    }

    /** Key under which a receiver remembers this hop, so a retried hop is processed once. */
    String dedupeKey() {
        return kind + ":" + id + ":" + hop;
    }

    HttpRequest.Builder addHeaders(HttpRequest.Builder b) {
        StringBuilder p = new StringBuilder();
        for (SatId s : path) {
            if (p.length() > 0) {
                p.append(';');
            }
            p.append(s.sat()).append('.').append(s.orb());
        }
        b.header("X-Isl-Id", Long.toString(id)).header("X-Isl-Kind", kind).header("X-Isl-Path", p.toString())
                .header("X-Isl-Hop", Integer.toString(hop)).header("X-Isl-Job", encode(jobId)).header("X-Isl-Action", encode(action))
                .header("X-Isl-Deadline", Double.toString(deadlineS));
        if (unreachable != null) {
            b.header("X-Isl-Unreachable", unreachable.sat() + "." + unreachable.orb()).header("X-Isl-Reason", encode(reason));
        }
        return b.header("Content-Type", IslCodec.CONTENT_TYPE);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }

    /**
     * Reads an envelope that arrived at {@code here}, refusing one that is malformed or does not come
     * along a valid torus hop: every step of its path must be a +Grid link inside the shell, and this hop
     * must end here.
     */
    static Envelope read(Headers h, byte[] body, SatId here, Torus torus) {
        long id;
        int hop;
        try {
            id = Long.parseLong(header(h, "X-Isl-Id"));
            hop = Integer.parseInt(header(h, "X-Isl-Hop"));
        } catch (NumberFormatException e) {
            throw new WireException("X-Isl-Id/X-Isl-Hop", "must be integers");
        }
        double deadlineS;
        try {
            deadlineS = Double.parseDouble(header(h, "X-Isl-Deadline"));
        } catch (NumberFormatException e) {
            throw new WireException("X-Isl-Deadline", "must be a number of seconds");
        }
        if (!Double.isFinite(deadlineS)) {
            throw new WireException("X-Isl-Deadline", "must be finite");
        }
        String kind = header(h, "X-Isl-Kind");
        if (!kind.equals(MESSAGE) && !kind.equals(UNDELIVERABLE)) {
            throw new WireException("X-Isl-Kind", "must be message or undeliverable, got '" + kind + "'");
        }
        String[] steps = header(h, "X-Isl-Path").split(";");
        if (steps.length < 2 || steps.length > torus.size() + 1) {
            throw new WireException("X-Isl-Path", "must list 2.." + (torus.size() + 1) + " satellites, got " + steps.length);
        }
        List<SatId> path = new ArrayList<>(steps.length);
        for (int i = 0; i < steps.length; i++) {
            SatId s = step(steps[i], "X-Isl-Path[" + i + "]", torus);
            if (i > 0 && !torus.areNeighbours(path.get(i - 1), s)) {
                throw new WireException("X-Isl-Path[" + i + "]", "is not a +Grid neighbour of " + path.get(i - 1));
            }
            path.add(s);
        }
        if (hop < 1 || hop >= path.size()) {
            throw new WireException("X-Isl-Hop", "must be in [1, " + (path.size() - 1) + "], got " + hop);
        }
        if (!path.get(hop).equals(here)) {
            throw new WireException("X-Isl-Hop", "addresses " + path.get(hop) + ", not this satellite " + here);
        }
        if (!IslCodec.isMap(body)) {
            throw new WireException("body", "must be a message, a CBOR map");
        }
        SatId unreachable = null;
        String reason = null;
        if (kind.equals(UNDELIVERABLE)) {
            unreachable = step(header(h, "X-Isl-Unreachable"), "X-Isl-Unreachable", torus);
            reason = URLDecoder.decode(header(h, "X-Isl-Reason"), StandardCharsets.UTF_8);
        }
        return new Envelope(id, kind, path, hop, URLDecoder.decode(header(h, "X-Isl-Job"), StandardCharsets.UTF_8),
                URLDecoder.decode(header(h, "X-Isl-Action"), StandardCharsets.UTF_8), deadlineS, body, unreachable, reason);
    }

    private static String header(Headers h, String name) {
        String v = h.getFirst(name);
        if (v == null) {
            throw new WireException(name, "header is missing");
        }
        return v;
    }

    private static SatId step(String text, String field, Torus torus) {
        int dot = text.indexOf('.');
        try {
            int s = Integer.parseInt(text.substring(0, Math.max(0, dot)));
            int o = Integer.parseInt(text.substring(dot + 1));
            if (s < 1 || o < 1 || s > torus.satsPerPlane() || o > torus.planes()) {
                throw new WireException(field, "is outside the shell: " + text);
            }
            return new SatId(s, o);
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            throw new WireException(field, "must be sat.orb, got '" + text + "'");
        }
    }
}
