package io.spacecomp.emulator.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.Torus;
import io.spacecomp.sim.fault.FaultEvent;
import io.spacecomp.sim.fault.FaultInjector;
import io.spacecomp.sim.fault.LinkId;
import io.spacecomp.sim.fault.Outage;
import io.spacecomp.wire.Wire;
import io.spacecomp.wire.WireException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One fault injected into a live constellation, now: what a scenario's {@code faults.schedule} entry says
 * (a {@link FaultEvent}: satellites, links, a plane or a partition, for {@code down_s} or for good, a crash
 * or an outage), or its end ({@code up}). {@code spacecomp fault} sends it to the gateway, which checks it and
 * hands it to every plane.
 *
 * <p>On the wire, the scenario file's keys: {@code {"satellite": [[3, 4], ...] | "link": [[[3, 4], [3, 5]], ...]
 * | "plane": 7 | "partition": [9, 10], "state": "down" | "up", "down_s": 10, "crash": false}}; {@code down_s}
 * absent: until an {@code up}.
 *
 * @param event what goes down (its {@code atS} is unused: a live fault starts when it arrives)
 * @param up    true to end the outage of what {@code event} names instead
 */
public record LiveFault(FaultEvent event, boolean up) {

    /** The longest outage a live fault may ask for (s): eleven and a half days. */
    public static final double MAX_DOWN_S = 1_000_000;

    public LiveFault {
        if (event == null) {
            throw new IllegalArgumentException("a live fault needs an event");
        }
    }

    /** How long the fault lasts (s), infinite until an {@code up}. */
    public double downS() {
        return event.downS();
    }

    /** Whether the satellites concerned lose their state (a crash) rather than go quiet with it (an outage). */
    public boolean crash() {
        return !up && (event instanceof FaultEvent.SatelliteDown s && s.outage() == Outage.CRASH
                || event instanceof FaultEvent.PlaneDown p && p.outage() == Outage.CRASH);
    }

    /** The satellites it takes down (or brings up). */
    public List<SatId> satellites(Torus torus) {
        if (event instanceof FaultEvent.SatelliteDown s) {
            return s.satellites();
        }
        if (event instanceof FaultEvent.PlaneDown p) {
            List<SatId> out = new ArrayList<>();
            for (int s = 1; s <= torus.satsPerPlane(); s++) {
                out.add(new SatId(s, p.plane()));
            }
            return out;
        }
        return List.of();
    }

    /** The links it takes down (or brings up); a partition's are the cross-plane links it cuts. */
    public List<LinkId> links(Torus torus) {
        if (event instanceof FaultEvent.LinkDown l) {
            return l.links();
        }
        if (event instanceof FaultEvent.Partition p) {
            return FaultInjector.partitionCut(torus, p.planes());
        }
        return List.of();
    }

    /** A short description for traces and answers, e.g. {@code crash of satellite (3,4) for 10 s}. */
    public String describe() {
        String what;
        if (event instanceof FaultEvent.SatelliteDown s) {
            what = "satellite " + join(s.satellites());
        } else if (event instanceof FaultEvent.LinkDown l) {
            what = "link " + join(l.links());
        } else if (event instanceof FaultEvent.PlaneDown p) {
            what = "plane " + p.plane();
        } else {
            what = "partition " + ((FaultEvent.Partition) event).planes() + " from the other planes";
        }
        if (up) {
            return what + " up";
        }
        return (crash() ? "crash of " : "outage of ") + what
                + (Double.isInfinite(downS()) ? " until up" : String.format(Locale.ROOT, " for %s s", trim(downS())));
    }

    private static String join(List<?> items) {
        StringBuilder b = new StringBuilder();
        for (Object o : items) {
            b.append(b.length() == 0 ? "" : " ").append(o);
        }
        return b.toString();
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    // ------------------------------------------------------------------ wire

    public ObjectNode json() {
        ObjectNode o = Wire.object();
        if (event instanceof FaultEvent.SatelliteDown s) {
            o.set("satellite", Wire.sats(s.satellites()));
        } else if (event instanceof FaultEvent.LinkDown l) {
            ArrayNode links = o.putArray("link");
            for (LinkId id : l.links()) {
                links.addArray().add(Wire.sat(id.a())).add(Wire.sat(id.b()));
            }
        } else if (event instanceof FaultEvent.PlaneDown p) {
            o.put("plane", p.plane());
        } else {
            ArrayNode planes = o.putArray("partition");
            ((FaultEvent.Partition) event).planes().forEach(planes::add);
        }
        o.put("state", up ? "up" : "down");
        if (!up && Double.isFinite(downS())) {
            o.put("down_s", downS());
        }
        if (crash()) {
            o.put("crash", true);
        }
        return o;
    }

    static final List<String> KEYS = List.of("satellite", "link", "plane", "partition", "state", "down_s", "crash");

    /** Reads and checks a live fault against {@code torus}; throws {@link WireException} naming the field at fault. */
    public static LiveFault parse(JsonNode n, Torus torus) {
        if (n == null || !n.isObject()) {
            throw new WireException("body", "must be a JSON object, got " + Wire.brief(n));
        }
        for (java.util.Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!KEYS.contains(k)) {
                throw new WireException(k, "is not a fault key (allowed: " + String.join(", ", KEYS) + ")");
            }
        }
        int kinds = 0;
        for (String k : List.of("satellite", "link", "plane", "partition")) {
            kinds += n.has(k) ? 1 : 0;
        }
        if (kinds != 1) {
            throw new WireException("body", "must name exactly one of satellite, link, plane or partition, got " + kinds);
        }
        String state = Wire.text(n, "state");
        if (!state.equals("down") && !state.equals("up")) {
            throw new WireException("state", "must be down or up, got '" + brief(state) + "'");
        }
        boolean up = state.equals("up");
        double downS = Double.POSITIVE_INFINITY;
        if (n.hasNonNull("down_s")) {
            if (up) {
                throw new WireException("down_s", "only with state down");
            }
            downS = Wire.number(n, "down_s");
            if (!(downS > 0) || downS > MAX_DOWN_S) {
                throw new WireException("down_s", "must be seconds in (0, " + (long) MAX_DOWN_S + "], got " + downS);
            }
        }
        boolean crash = n.hasNonNull("crash") && Wire.bool(n, "crash");
        if (crash && (up || n.has("link") || n.has("partition"))) {
            throw new WireException("crash", up ? "only with state down" : "only a satellite or a plane crashes; a link or a partition goes down");
        }
        Outage outage = crash ? Outage.CRASH : Outage.DOWN;
        FaultEvent event;
        if (n.has("satellite")) {
            List<SatId> sats = Wire.sats(n.get("satellite"), "satellite");
            if (sats.isEmpty()) {
                throw new WireException("satellite", "must list at least one satellite");
            }
            for (int i = 0; i < sats.size(); i++) {
                inside(sats.get(i), torus, "satellite[" + i + "]");
            }
            event = new FaultEvent.SatelliteDown(0, sats, downS, outage);
        } else if (n.has("link")) {
            JsonNode list = n.get("link");
            if (!list.isArray() || list.isEmpty()) {
                throw new WireException("link", "must be a list of links [[[sat, orb], [sat, orb]], ...], got " + Wire.brief(list));
            }
            List<LinkId> links = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                String field = "link[" + i + "]";
                JsonNode pair = list.get(i);
                if (!pair.isArray() || pair.size() != 2) {
                    throw new WireException(field, "must be two satellites [[sat, orb], [sat, orb]], got " + Wire.brief(pair));
                }
                SatId a = inside(Wire.sat(pair.get(0), field + "[0]"), torus, field + "[0]");
                SatId b = inside(Wire.sat(pair.get(1), field + "[1]"), torus, field + "[1]");
                if (a.equals(b) || !torus.areNeighbours(a, b)) {
                    throw new WireException(field, a + " and " + b + " are not torus neighbours: no ISL joins them");
                }
                links.add(new LinkId(a, b));
            }
            event = new FaultEvent.LinkDown(0, links, downS);
        } else if (n.has("plane")) {
            int plane = Wire.integer(n, "plane");
            if (plane < 1 || plane > torus.planes()) {
                throw new WireException("plane", "must be in [1, " + torus.planes() + "], got " + plane);
            }
            event = new FaultEvent.PlaneDown(0, plane, downS, outage);
        } else {
            JsonNode list = n.get("partition");
            if (!list.isArray()) {
                throw new WireException("partition", "must be a list of planes, got " + Wire.brief(list));
            }
            List<Integer> planes = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                JsonNode p = list.get(i);
                if (!p.canConvertToInt() || !p.isIntegralNumber() || p.intValue() < 1 || p.intValue() > torus.planes()) {
                    throw new WireException("partition[" + i + "]", "must be a plane in [1, " + torus.planes() + "], got " + Wire.brief(p));
                }
                if (planes.contains(p.intValue())) {
                    throw new WireException("partition[" + i + "]", "lists plane " + p.intValue() + " twice");
                }
                planes.add(p.intValue());
            }
            if (planes.isEmpty() || planes.size() >= torus.planes()) {
                throw new WireException("partition", "lists the planes of one side: at least one, and not all " + torus.planes());
            }
            event = new FaultEvent.Partition(0, planes, downS);
        }
        return new LiveFault(event, up);
    }

    private static SatId inside(SatId s, Torus torus, String field) {
        if (s.sat() > torus.satsPerPlane() || s.orb() > torus.planes()) {
            throw new WireException(field, "is outside the shell (sat 1.." + torus.satsPerPlane() + ", orb 1.." + torus.planes()
                    + "): " + s);
        }
        return s;
    }

    private static String brief(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
