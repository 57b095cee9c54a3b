package io.spacecomp.orbit.orekit;

import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.Torus;
import org.hipparchus.util.MathUtils;
import org.orekit.orbits.CircularOrbit;
import org.orekit.propagation.analytical.tle.TLE;
import org.orekit.propagation.analytical.tle.TLEConstants;
import org.orekit.propagation.analytical.tle.TLEPropagator;
import org.orekit.time.AbsoluteDate;
import org.orekit.utils.Constants;
import org.orekit.utils.PVCoordinates;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Splits a TLE catalogue into +Grid shells; see {@link TleCatalogue} for the method. */
final class TleGrouping {

    /** Inclinations further apart than this (sorted neighbours) start a new group (degrees). */
    static final double INCLINATION_GAP_DEG = 0.15;
    /** Width of the altitude band of one shell (km). */
    static final double ALTITUDE_WINDOW_KM = 6.0;
    /** Fewest satellites in a shell (a 3×3 torus). */
    static final int MIN_SHELL_SATELLITES = 9;

    record Result(List<TleShell> shells, List<TleOutlier> outliers, List<String> rejected) {
    }

    private record Candidate(List<TleElements> members, double inclinationDeg, double altitudeKm) {
    }

    private TleGrouping() {
    }

    static TleElements elements(TleSatellite sat, AbsoluteDate epoch) {
        TLE tle = sat.tle();
        TLEPropagator p = TLEPropagator.selectExtrapolator(tle, OrekitFrames.teme());
        PVCoordinates pv = p.getPVCoordinates(epoch, OrekitFrames.teme());
        CircularOrbit orbit = new CircularOrbit(pv, OrekitFrames.teme(), epoch, TLEConstants.MU);
        double n = tle.getMeanMotion();
        double aM = Math.cbrt(TLEConstants.MU / (n * n));
        return new TleElements(sat, Math.toDegrees(tle.getI()), (aM - Constants.WGS84_EARTH_EQUATORIAL_RADIUS) / 1000.0,
                deg360(Math.toDegrees(orbit.getRightAscensionOfAscendingNode())), deg360(Math.toDegrees(orbit.getAlphaV())));
    }

    static Result group(String source, List<TleSatellite> satellites, AbsoluteDate epoch) {
        List<TleElements> all = new ArrayList<>(satellites.size());
        for (TleSatellite s : satellites) {
            all.add(elements(s, epoch));
        }
        // order-free: everything below depends on the set, never on the file order
        Comparator<TleElements> identity = Comparator.comparingInt((TleElements e) -> e.satellite().satelliteNumber())
                .thenComparing(e -> e.satellite().tle().getLine1())
                .thenComparing(e -> e.satellite().tle().getLine2())
                .thenComparing(e -> e.satellite().name());
        all.sort(Comparator.comparingDouble(TleElements::inclinationDeg).thenComparing(identity));

        List<Candidate> candidates = new ArrayList<>();
        List<List<TleElements>> leftovers = new ArrayList<>();
        List<List<Candidate>> groupCandidates = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= all.size(); i++) {
            if (i == all.size() || all.get(i).inclinationDeg() - all.get(i - 1).inclinationDeg() > INCLINATION_GAP_DEG) {
                List<TleElements> group = new ArrayList<>(all.subList(start, i));
                group.sort(Comparator.comparingDouble(TleElements::altitudeKm).thenComparing(identity));
                List<Candidate> inGroup = new ArrayList<>();
                while (group.size() >= MIN_SHELL_SATELLITES) {
                    int bestLo = 0;
                    int bestHi = 0;
                    for (int lo = 0, hi = 0; lo < group.size(); lo++) {
                        while (hi < group.size() && group.get(hi).altitudeKm() - group.get(lo).altitudeKm() <= ALTITUDE_WINDOW_KM) {
                            hi++;
                        }
                        if (hi - lo > bestHi - bestLo) {
                            bestLo = lo;
                            bestHi = hi;
                        }
                    }
                    if (bestHi - bestLo < MIN_SHELL_SATELLITES) {
                        break;
                    }
                    List<TleElements> members = new ArrayList<>(group.subList(bestLo, bestHi));
                    group.subList(bestLo, bestHi).clear();
                    Candidate c = new Candidate(members, mean(members, TleElements::inclinationDeg), mean(members, TleElements::altitudeKm));
                    inGroup.add(c);
                    candidates.add(c);
                }
                leftovers.add(group);
                groupCandidates.add(inGroup);
                start = i;
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::inclinationDeg).thenComparingDouble(Candidate::altitudeKm));

        List<TleShell> shells = new ArrayList<>();
        List<TleOutlier> outliers = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        Map<Candidate, Integer> numbers = new HashMap<>();
        List<TleOutlier> pending = new ArrayList<>();
        for (Candidate c : candidates) {
            int number = shells.size() + 1;
            List<TleOutlier> own = new ArrayList<>();
            String why = build(source, number, c, epoch, shells, own);
            if (why == null) {
                numbers.put(c, number);
                outliers.addAll(own);
            } else {
                rejected.add(String.format(Locale.ROOT, "%d satellites at i = %.2f deg, h = %.1f km: %s",
                        c.members().size(), c.inclinationDeg(), c.altitudeKm(), why));
                for (TleElements e : c.members()) {
                    pending.add(new TleOutlier(e.satellite(), TleOutlier.Kind.UNGROUPED, 0,
                            "in a group that cannot form a +Grid: " + why));
                }
            }
        }
        outliers.addAll(pending);
        for (int g = 0; g < leftovers.size(); g++) {
            List<Candidate> formed = groupCandidates.get(g).stream().filter(numbers::containsKey).toList();
            for (TleElements e : leftovers.get(g)) {
                outliers.add(offShell(e, formed, numbers));
            }
        }
        outliers.sort(Comparator.comparingInt(TleOutlier::shell).thenComparing(TleOutlier::kind)
                .thenComparingInt(o -> o.satellite().satelliteNumber()).thenComparing(o -> o.satellite().name()));
        return new Result(List.copyOf(shells), List.copyOf(outliers), List.copyOf(rejected));
    }

    private static TleOutlier offShell(TleElements e, List<Candidate> formed, Map<Candidate, Integer> numbers) {
        Candidate above = null;
        Candidate below = null;
        for (Candidate c : formed) {
            if (c.altitudeKm() > e.altitudeKm() && (above == null || c.altitudeKm() < above.altitudeKm())) {
                above = c;
            }
            if (c.altitudeKm() < e.altitudeKm() && (below == null || c.altitudeKm() > below.altitudeKm())) {
                below = c;
            }
        }
        if (above != null) {
            return new TleOutlier(e.satellite(), TleOutlier.Kind.RAISING, numbers.get(above), String.format(Locale.ROOT,
                    "h = %.1f km, %.1f km below shell %d at i = %.2f deg: raising its orbit (or lowering it)",
                    e.altitudeKm(), above.altitudeKm() - e.altitudeKm(), numbers.get(above), e.inclinationDeg()));
        }
        if (below != null) {
            return new TleOutlier(e.satellite(), TleOutlier.Kind.ABOVE_SHELL, numbers.get(below), String.format(Locale.ROOT,
                    "h = %.1f km, %.1f km above shell %d at i = %.2f deg", e.altitudeKm(),
                    e.altitudeKm() - below.altitudeKm(), numbers.get(below), e.inclinationDeg()));
        }
        return new TleOutlier(e.satellite(), TleOutlier.Kind.UNGROUPED, 0, String.format(Locale.ROOT,
                "i = %.2f deg, h = %.1f km: fewer than %d satellites at this inclination and altitude",
                e.inclinationDeg(), e.altitudeKm(), MIN_SHELL_SATELLITES));
    }

    /** Builds the grid of one candidate into {@code shells}; returns null, or why it cannot form one. */
    private static String build(String source, int number, Candidate c, AbsoluteDate epoch, List<TleShell> shells,
                                List<TleOutlier> outliers) {
        List<TleElements> members = c.members();
        // ---- planes: N from the spacing of RAAN clusters
        double[] raan = members.stream().mapToDouble(TleElements::raanDeg).sorted().toArray();
        int n = raan.length;
        double[] gaps = new double[n];
        int maxAt = 0;
        for (int i = 0; i < n; i++) {
            gaps[i] = i + 1 < n ? raan[i + 1] - raan[i] : raan[0] + 360.0 - raan[n - 1];
            if (gaps[i] > gaps[maxAt]) {
                maxAt = i;
            }
        }
        double threshold = gaps[maxAt] / 3.0;
        List<Double> centres = new ArrayList<>();
        double sumSin = 0;
        double sumCos = 0;
        for (int j = 1; j <= n; j++) { // walk from just after the widest gap, once round
            int i = (maxAt + j) % n;
            sumSin += Math.sin(Math.toRadians(raan[i]));
            sumCos += Math.cos(Math.toRadians(raan[i]));
            if (gaps[i] > threshold) {
                centres.add(deg360(Math.toDegrees(Math.atan2(sumSin, sumCos))));
                sumSin = 0;
                sumCos = 0;
            }
        }
        if (centres.size() < 3) {
            return "its RAANs form " + centres.size() + " plane" + (centres.size() == 1 ? "" : "s")
                    + "; a +Grid torus needs at least 3";
        }
        double[] cs = centres.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] cg = new double[cs.length];
        for (int i = 0; i < cs.length; i++) {
            cg[i] = i + 1 < cs.length ? cs[i + 1] - cs[i] : cs[0] + 360.0 - cs[cs.length - 1];
        }
        int planes = (int) Math.round(360.0 / median(cg));
        if (planes < 3) {
            return "its planes are " + fmt(median(cg)) + " deg apart in RAAN, fewer than 3 planes";
        }
        double dRaan = 360.0 / planes;
        double raanRef = phaseDeg(members.stream().mapToDouble(TleElements::raanDeg).toArray(), planes);
        Map<Integer, List<TleElements>> byPlane = new HashMap<>();
        List<TleElements> inPlanes = new ArrayList<>();
        int[] planeOf = new int[members.size()];
        for (int m = 0; m < members.size(); m++) {
            TleElements e = members.get(m);
            double x = (e.raanDeg() - raanRef) / dRaan; // raanRef in [0, dRaan): x in (−1, N)
            long k = Math.round(x);
            double offDeg = (x - k) * dRaan;
            if (Math.abs(offDeg) > dRaan / 4.0) {
                outliers.add(new TleOutlier(e.satellite(), TleOutlier.Kind.OFF_PLANE, number, String.format(Locale.ROOT,
                        "RAAN %.2f deg is %.2f deg off the nearest of %d planes (spacing %.2f deg)", e.raanDeg(), offDeg,
                        planes, dRaan)));
                planeOf[m] = -1;
                continue;
            }
            int plane = (int) Math.floorMod(k, planes);
            planeOf[m] = plane;
            byPlane.computeIfAbsent(plane, p -> new ArrayList<>()).add(e);
            inPlanes.add(e);
        }
        // ---- slots: M from the spacing in argument of latitude, most common over the planes
        Map<Integer, Integer> votes = new HashMap<>();
        for (List<TleElements> plane : byPlane.values()) {
            if (plane.size() < 3) {
                continue;
            }
            double[] u = plane.stream().mapToDouble(TleElements::argLatDeg).sorted().toArray();
            double[] ug = new double[u.length];
            for (int i = 0; i < u.length; i++) {
                ug[i] = i + 1 < u.length ? u[i + 1] - u[i] : u[0] + 360.0 - u[u.length - 1];
            }
            int mp = (int) Math.round(360.0 / median(ug));
            votes.merge(mp, plane.size(), Integer::sum);
        }
        if (votes.isEmpty()) {
            return "no plane holds 3 satellites, so the slot spacing is unknown";
        }
        int slots = votes.entrySet().stream()
                .max(Comparator.<Map.Entry<Integer, Integer>>comparingInt(Map.Entry::getValue)
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .orElseThrow().getKey();
        if (slots < 3) {
            return "its satellites are spaced for " + slots + " per plane; a +Grid torus needs at least 3";
        }
        // ---- phasing F: the one that puts every plane's satellites on one lattice
        int phasing = 0;
        double best = -1;
        for (int f = 0; f < planes; f++) {
            double[] sc = coherence(members, planeOf, slots, planes, f);
            double r = Math.hypot(sc[0], sc[1]);
            if (r > best + 1e-9 * members.size()) {
                best = r;
                phasing = f;
            }
        }
        double[] sc = coherence(members, planeOf, slots, planes, phasing);
        double uRef = Math.atan2(sc[0], sc[1]) / slots; // rad, in (−π/M, π/M]
        double du = 2.0 * Math.PI / slots;
        TleElements[] slotOf = new TleElements[planes * slots];
        double[] slotOff = new double[planes * slots];
        for (int m = 0; m < members.size(); m++) {
            if (planeOf[m] < 0) {
                continue;
            }
            TleElements e = members.get(m);
            int o = planeOf[m];
            double u = Math.toRadians(e.argLatDeg()) - uRef - 2.0 * Math.PI * phasing * o / ((double) planes * slots);
            double x = MathUtils.normalizeAngle(u, Math.PI) / du;
            long s = Math.round(x);
            double offDeg = Math.toDegrees((x - s) * du);
            int slot = (int) Math.floorMod(s, slots);
            SatId id = new SatId(slot + 1, o + 1);
            if (Math.abs(offDeg) > Math.toDegrees(du) / 4.0) {
                outliers.add(new TleOutlier(e.satellite(), TleOutlier.Kind.SPARE, number, String.format(Locale.ROOT,
                        "in plane %d, %.2f deg of argument of latitude off the nearest slot %s (slot spacing %.2f deg)",
                        o + 1, offDeg, id, Math.toDegrees(du))));
                continue;
            }
            int node = id.node(slots) - 1;
            TleElements held = slotOf[node];
            if (held != null) {
                boolean keepHeld = Math.abs(slotOff[node]) <= Math.abs(offDeg);
                TleElements spare = keepHeld ? e : held;
                double spareOff = keepHeld ? offDeg : slotOff[node];
                TleElements kept = keepHeld ? held : e;
                outliers.add(new TleOutlier(spare.satellite(), TleOutlier.Kind.SPARE, number, String.format(Locale.ROOT,
                        "second satellite in slot %s (%.2f deg off it; %s is %.2f deg off)", id, spareOff,
                        kept.satellite().name(), keepHeld ? slotOff[node] : offDeg)));
                if (keepHeld) {
                    continue;
                }
            }
            slotOf[node] = e;
            slotOff[node] = offDeg;
        }
        TleSatellite[] sats = new TleSatellite[slotOf.length];
        List<TleElements> used = new ArrayList<>();
        for (int i = 0; i < sats.length; i++) {
            if (slotOf[i] != null) {
                sats[i] = slotOf[i].satellite();
                used.add(slotOf[i]);
            }
        }
        if (used.size() < MIN_SHELL_SATELLITES) {
            return used.size() + " satellites fit the " + planes + " x " + slots + " lattice";
        }
        shells.add(new TleShell(source, number, new Torus(planes, slots), phasing, mean(used, TleElements::inclinationDeg),
                mean(used, TleElements::altitudeKm), epoch, sats));
        return null;
    }

    /** Σ sin and Σ cos of M·u − 2πF·o/N over the satellites in planes. */
    private static double[] coherence(List<TleElements> members, int[] planeOf, int slots, int planes, int f) {
        double s = 0;
        double c = 0;
        for (int m = 0; m < members.size(); m++) {
            if (planeOf[m] < 0) {
                continue;
            }
            double a = slots * Math.toRadians(members.get(m).argLatDeg()) - 2.0 * Math.PI * f * planeOf[m] / planes;
            s += Math.sin(a);
            c += Math.cos(a);
        }
        return new double[] {s, c};
    }

    /** The lattice phase of angles with spacing 360°/k: in [0, 360/k) (degrees). */
    static double phaseDeg(double[] anglesDeg, int k) {
        double s = 0;
        double c = 0;
        for (double a : anglesDeg) {
            s += Math.sin(k * Math.toRadians(a));
            c += Math.cos(k * Math.toRadians(a));
        }
        double p = Math.toDegrees(Math.atan2(s, c)) / k;
        double spacing = 360.0 / k;
        return ((p % spacing) + spacing) % spacing;
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
    }

    private static double mean(List<TleElements> list, java.util.function.ToDoubleFunction<TleElements> f) {
        return list.stream().mapToDouble(f).average().orElse(Double.NaN);
    }

    static double deg360(double deg) {
        double d = ((deg % 360.0) + 360.0) % 360.0;
        return d == 360.0 ? 0.0 : d;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
