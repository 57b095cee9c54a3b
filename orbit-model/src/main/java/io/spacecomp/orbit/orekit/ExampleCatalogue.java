package io.spacecomp.orbit.orekit;

import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.WalkerShell;
import org.orekit.time.AbsoluteDate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Generates {@code data/tle/example-multishell.tle}: a synthetic catalogue shaped like a real one, to show
 * and test {@link TleCatalogue}. Three shells (53.0° at 550 km, 34×34, F = 5; 70.0° at 570 km, 12×15, F = 3;
 * 97.6° at 560 km, 10×12, F = 0; altitudes over the equatorial radius), with 7 single empty slots in the
 * first shell, the last 8 slots of plane 7 of the second empty (a half-filled plane), 2 empty slots in the
 * third, 3 in-plane spares half a slot off, 12 satellites raising their orbit at 53° (350–500 km) and 4 at
 * 70°, and 3 lone satellites at 43°. Names {@code SYNTH-<number>}, catalogue numbers from 70001, one epoch
 * (2025-01-01T00:00:00Z), shuffled with a fixed seed. Nothing in it is a real satellite.
 */
public final class ExampleCatalogue {

    /** The epoch of every element set. */
    public static final String EPOCH = "2025-01-01T00:00:00Z";

    private ExampleCatalogue() {
    }

    /** Over the WGS84 equatorial radius, as TLE catalogues state altitudes, on the 6371 km sphere of {@link WalkerShell}. */
    private static WalkerShell shell(int planes, int slots, int phasing, double inclinationDeg, double altitudeKm) {
        return new WalkerShell(planes, slots, phasing, inclinationDeg, altitudeKm + 6378.137 - 6371.0, 6371.0);
    }

    /** The element sets, in file order. */
    public static List<TleSatellite> generate() {
        AbsoluteDate epoch = OrekitData.date(EPOCH);
        Random random = new Random(2025);
        List<WalkerShell> shells = List.of(shell(34, 34, 5, 53.0, 550.0), shell(12, 15, 3, 70.0, 570.0),
                shell(10, 12, 0, 97.6, 560.0));
        int[] singleHoles = {7, 0, 2};
        int[] spares = {2, 1, 0};
        int[] raising = {12, 4, 0};
        List<TleSatellite> out = new ArrayList<>();
        int[] number = {70_000};
        for (int k = 0; k < shells.size(); k++) {
            WalkerShell shell = shells.get(k);
            List<TleSatellite> gen = TleWriter.generate(shell, epoch);
            Set<Integer> holes = new TreeSet<>();
            while (holes.size() < singleHoles[k]) {
                holes.add(1 + random.nextInt(shell.size()));
            }
            if (k == 1) {
                for (int s = 8; s <= 15; s++) {
                    holes.add(shell.node(new SatId(s, 7)));
                }
            }
            for (SatId id : shell.satellites()) {
                if (!holes.contains(shell.node(id))) {
                    out.add(TleWriter.variant(gen.get(shell.node(id) - 1), ++number[0], "SYNTH-" + number[0], 0, 0, 0));
                }
            }
            double du = 2 * Math.PI / shell.satsPerPlane();
            for (int j = 0; j < spares[k]; j++) {
                TleSatellite base = gen.get(random.nextInt(shell.size()));
                out.add(TleWriter.variant(base, ++number[0], "SYNTH-" + number[0], du / 2, 0, 0));
            }
            for (int j = 0; j < raising[k]; j++) {
                TleSatellite base = gen.get(random.nextInt(shell.size()));
                double down = -(shell.altitudeKm() - 350.0 - 150.0 * random.nextDouble());
                out.add(TleWriter.variant(base, ++number[0], "SYNTH-" + number[0], 2 * Math.PI * random.nextDouble(), 0, down));
            }
        }
        List<TleSatellite> lone = TleWriter.generate(shell(3, 3, 0, 43.0, 480.0), epoch);
        for (int j = 0; j < 3; j++) {
            out.add(TleWriter.variant(lone.get(j * 4), ++number[0], "SYNTH-" + number[0], 0, 0, 0));
        }
        Collections.shuffle(out, random);
        List<TleSatellite> indexed = new ArrayList<>(out.size());
        for (TleSatellite s : out) {
            indexed.add(new TleSatellite(indexed.size(), s.name(), s.tle()));
        }
        return indexed;
    }

    /** Writes the catalogue: {@code java ... io.spacecomp.orbit.orekit.ExampleCatalogue data/tle/example-multishell.tle}. */
    public static void main(String[] args) {
        TleWriter.write(generate(), Path.of(args.length > 0 ? args[0] : "data/tle/example-multishell.tle"));
    }
}
