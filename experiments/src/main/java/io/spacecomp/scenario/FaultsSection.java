package io.spacecomp.scenario;

import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.Torus;
import io.spacecomp.sim.fault.FaultEvent;
import io.spacecomp.sim.fault.FaultPlan;
import io.spacecomp.sim.fault.LinkId;
import io.spacecomp.sim.fault.Outage;
import io.spacecomp.sim.fault.RandomFaults;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code faults} section of a scenario (also what {@code simulate --faults} reads): the exact schedule
 * and the random faults, every key checked with its path and line like the rest of the file.
 */
final class FaultsSection {

    private FaultsSection() {
    }

    private static final double MAX_FAULT_S = 1e9;
    static final List<String> FAULT_KEYS = List.of("schedule", "random", "hop_attempts", "hop_timeout_s");
    static final List<String> FAULT_EVENT_KEYS = List.of("at_s", "satellite", "link", "plane", "partition", "down_s", "crash");
    static final List<String> RANDOM_FAULT_KEYS = List.of("satellite_mtbf_s", "repair_s", "message_loss", "duplicate", "delay",
            "delay_s");

    static FaultPlan read(ScenarioNode f, ConstellationSpec constellation) {
        if (constellation instanceof ConstellationSpec.Walker w) {
            return read(f, w.shell().planes(), w.shell().satsPerPlane());
        }
        return read(f, 0, 0);
    }

    static FaultPlan read(ScenarioNode f, int planes, int sats) {
        f.requireObject(FAULT_KEYS);
        List<FaultEvent> schedule = new ArrayList<>();
        if (f.has("schedule")) {
            for (ScenarioNode e : f.get("schedule").elements()) {
                schedule.add(faultEvent(e, planes, sats));
            }
        }
        RandomFaults random = RandomFaults.NONE;
        if (f.has("random")) {
            ScenarioNode r = f.get("random").requireObject(RANDOM_FAULT_KEYS);
            double mtbf = r.has("satellite_mtbf_s") ? r.number("satellite_mtbf_s", 1e-3, MAX_FAULT_S, null) : Double.POSITIVE_INFINITY;
            random = new RandomFaults(mtbf, r.number("repair_s", 0, MAX_FAULT_S, 60.0), r.number("message_loss", 0, 0.5, 0.0),
                    r.number("duplicate", 0, 0.5, 0.0), r.number("delay", 0, 1, 0.0), r.number("delay_s", 0, 3600, 0.0));
            if (random.delay() > 0 && !r.has("delay_s")) {
                throw r.error("'delay' needs 'delay_s', the longest extra delay (s)");
            }
        }
        return new FaultPlan(schedule, random, f.integer("hop_attempts", 1, 20, FaultPlan.DEFAULT_HOP_ATTEMPTS),
                f.number("hop_timeout_s", 0.001, 3600, FaultPlan.DEFAULT_HOP_TIMEOUT_S));
    }

    private static FaultEvent faultEvent(ScenarioNode e, int planes, int sats) {
        e.requireObject(FAULT_EVENT_KEYS);
        int kinds = 0;
        for (String k : List.of("satellite", "link", "plane", "partition")) {
            kinds += e.has(k) ? 1 : 0;
        }
        if (kinds != 1) {
            throw e.error("give exactly one of satellite, link, plane or partition");
        }
        double at = e.number("at_s", 0, MAX_FAULT_S, null);
        double down = e.has("down_s") ? e.number("down_s", 0.001, MAX_FAULT_S, null) : Double.POSITIVE_INFINITY;
        boolean crash = e.bool("crash", false);
        Outage outage = crash ? Outage.CRASH : Outage.DOWN;
        if (e.has("crash") && (e.has("link") || e.has("partition"))) {
            throw e.get("crash").error("only a satellite or a plane crashes; a link or a partition goes down");
        }
        if (e.has("satellite")) {
            ScenarioNode s = e.get("satellite");
            List<ScenarioNode> items = s.elements();
            List<SatId> list = new ArrayList<>();
            if (!items.isEmpty() && items.get(0).json().isArray()) {
                for (ScenarioNode item : items) {
                    list.add(satellite(item, planes, sats));
                }
            } else {
                list.add(satellite(s, planes, sats));
            }
            return new FaultEvent.SatelliteDown(at, list, down, outage);
        }
        if (e.has("link")) {
            ScenarioNode l = e.get("link");
            List<ScenarioNode> ends = l.elements();
            if (ends.size() != 2) {
                throw l.error("a link is two neighbouring satellites, [[sat, orb], [sat, orb]]; got " + ends.size() + " items");
            }
            SatId a = satellite(ends.get(0), planes, sats);
            SatId b = satellite(ends.get(1), planes, sats);
            if (planes > 0 && !new Torus(planes, sats).areNeighbours(a, b)) {
                throw l.error(a + " and " + b + " are not torus neighbours: no ISL joins them");
            }
            if (a.equals(b)) {
                throw l.error("a link joins two different satellites");
            }
            return new FaultEvent.LinkDown(at, List.of(new LinkId(a, b)), down);
        }
        if (e.has("plane")) {
            int p = e.integer("plane", 1, planes > 0 ? planes : 400, null);
            return new FaultEvent.PlaneDown(at, p, down, outage);
        }
        ScenarioNode p = e.get("partition");
        List<Integer> side = new ArrayList<>();
        for (ScenarioNode item : p.elements()) {
            int v = item.asInteger(1, planes > 0 ? planes : 400);
            if (side.contains(v)) {
                throw item.error("plane " + v + " is listed twice");
            }
            side.add(v);
        }
        if (side.isEmpty() || (planes > 0 && side.size() >= planes)) {
            throw p.error("a partition lists the planes of one side: at least one, and not all " + planes);
        }
        return new FaultEvent.Partition(at, side, down);
    }

    /** A satellite written [sat, orb], inside the shell when its size is known. */
    private static SatId satellite(ScenarioNode s, int planes, int sats) {
        List<ScenarioNode> pair = s.elements();
        if (pair.size() != 2) {
            throw s.error("a satellite is written [sat, orb]; got " + pair.size() + " numbers");
        }
        int sat = pair.get(0).asInteger(1, sats > 0 ? sats : 400);
        int orb = pair.get(1).asInteger(1, planes > 0 ? planes : 400);
        return new SatId(sat, orb);
    }

}
