package io.spacecomp.orbit.orekit;

import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.WalkerShell;
import org.hipparchus.util.MathUtils;
import org.orekit.attitudes.FrameAlignedProvider;
import org.orekit.frames.Frame;
import org.orekit.orbits.PositionAngleType;
import org.orekit.propagation.SpacecraftState;
import org.orekit.propagation.analytical.KeplerianPropagator;
import org.orekit.propagation.analytical.tle.TLE;
import org.orekit.propagation.analytical.tle.TLEPropagator;
import org.orekit.propagation.analytical.tle.generation.FixedPointTleGenerationAlgorithm;
import org.orekit.propagation.conversion.FiniteDifferencePropagatorConverter;
import org.orekit.propagation.conversion.TLEPropagatorBuilder;
import org.orekit.propagation.conversion.osc2mean.FixedPointConverter;
import org.orekit.propagation.conversion.osc2mean.TLETheory;
import org.orekit.time.AbsoluteDate;
import org.orekit.time.TimeScale;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link WalkerShell} as a TLE file (3-line format), plane by plane, so that SGP4 reproduces the
 * Keplerian shell ({@link KeplerianConstellation}) closely, link lengths above all.
 *
 * <p>How: the reference satellite (1, 1) is propagated as a Keplerian orbit in CIRF; Orekit turns its
 * osculating state at the epoch into a first TLE ({@code TLE.stateToTLE} with a fixed-point
 * osculating-to-mean conversion in the TLE theory), then fits the TLE's mean elements by least squares
 * to the osculating Keplerian positions sampled over {@code fitSpanS} (default one orbital period;
 * {@link TLEPropagatorBuilder} + {@link FiniteDifferencePropagatorConverter}). Every other satellite gets
 * the same mean elements, with the Walker offsets added: RAAN + 2π(o−1)/N and mean anomaly
 * + 2π(s−1)/M + 2πF(o−1)/(N·M). B* and the mean-motion derivatives are zero (no drag).
 *
 * <p>Why not convert each satellite's osculating state at the epoch separately? That matches every
 * position at the epoch to about 10 m, but the J2 short-period terms make the mean semi-major axis (so
 * the mean motion) depend on where in its orbit each satellite starts: the satellites of a plane drift
 * apart. Measured on a 12×12 shell at 87°, 530 km, within one orbit: intra-plane links off by 2.4 %,
 * cross-plane links by 21 % (73 km) and positions by 149 km. With shared fitted mean elements the shell
 * keeps its Walker shape: intra-plane links within 0.07 %, cross-plane within 0.3 %, positions within
 * 3.5 km over the first orbit (12×12 and 100×100 at 87°); at 53° positions within 15 km. Later, SGP4's
 * J2 nodal regression (which the two-body model lacks) moves the whole shell: ≈ 3 km per orbit at 87°,
 * ≈ 30 km at 53°, without changing its link lengths much.
 *
 * <p>Entry {@code (orb−1)·M + sat − 1} of the file is satellite (sat, orb), so
 * {@code TleConstellation.asGrid(file, N, M)} reads it back as the same +Grid. Catalogue number = node
 * number {@code (orb−1)·M + sat} (Orekit writes numbers above 99,999 in the Alpha-5 scheme); the
 * international designator is {@code <epoch year> <plane, mod 999> <letters for sat>}; the name line is
 * {@code WALKER-O<orb>-S<sat>}. These identifiers are synthetic. The element sets returned are parsed
 * back from their own text, so they are exactly what the file holds.
 */
public final class TleWriter {

    /** Largest catalogue number a TLE can hold (Alpha-5 scheme). */
    public static final int MAX_SATELLITE_NUMBER = 339_999;
    /** Osculating positions sampled per orbital period for the least-squares fit. */
    public static final int FIT_POINTS_PER_ORBIT = 60;

    private static final SatId REFERENCE = new SatId(1, 1);

    private TleWriter() {
    }

    /** The shell's element sets in file order (plane by plane), fitted over one orbital period. */
    public static List<TleSatellite> generate(WalkerShell shell, AbsoluteDate epoch) {
        return generate(shell, epoch, shell == null ? 0.0 : shell.periodS());
    }

    /**
     * The shell's element sets in file order (plane by plane).
     *
     * @param fitSpanS how long after the epoch the mean elements are fitted to the Keplerian orbit (s, &gt; 0):
     *                 one period matches the first orbit best; a longer span trades accuracy near the
     *                 epoch for a slower drift later
     * @throws IllegalArgumentException if the shell has more satellites than TLE catalogue numbers
     */
    public static List<TleSatellite> generate(WalkerShell shell, AbsoluteDate epoch, double fitSpanS) {
        if (shell != null && shell.size() > MAX_SATELLITE_NUMBER) {
            throw new IllegalArgumentException("a TLE file holds at most " + MAX_SATELLITE_NUMBER
                    + " catalogue numbers, the shell has planes × satsPerPlane = " + shell.size());
        }
        TLE reference = referenceTle(shell, epoch, fitSpanS);
        TimeScale utc = OrekitData.utc();
        int year = epoch.getComponents(utc).getDate().getYear();
        List<TleSatellite> out = new ArrayList<>(shell.size());
        for (SatId id : shell.satellites()) {
            double raanOffset = 2.0 * Math.PI * (id.orb() - 1) / shell.planes();
            double phaseOffset = 2.0 * Math.PI * (id.sat() - 1) / shell.satsPerPlane()
                    + 2.0 * Math.PI * shell.phasing() * (id.orb() - 1) / ((double) shell.planes() * shell.satsPerPlane());
            TLE tle = new TLE(shell.node(id), 'U', year, (id.orb() - 1) % 999 + 1, launchPiece(id.sat()),
                    TLE.DEFAULT, 1, reference.getDate(), reference.getMeanMotion(), 0.0, 0.0,
                    reference.getE(), reference.getI(), reference.getPerigeeArgument(),
                    MathUtils.normalizeAngle(reference.getRaan() + raanOffset, Math.PI),
                    MathUtils.normalizeAngle(reference.getMeanAnomaly() + phaseOffset, Math.PI),
                    0, 0.0, utc);
            TLE asWritten = new TLE(tle.getLine1(), tle.getLine2(), utc);
            out.add(new TleSatellite(out.size(), name(id), asWritten));
        }
        return List.copyOf(out);
    }

    /**
     * A copy of {@code sat} under another identity, moved along its orbit and optionally to another altitude:
     * for building catalogues with several shells, spares and satellites on their way up.
     *
     * @param satelliteNumber     catalogue number, 1..{@value #MAX_SATELLITE_NUMBER}
     * @param name                name line
     * @param meanAnomalyOffsetRad added to the mean anomaly (rad)
     * @param raanOffsetRad       added to the right ascension of the ascending node (rad)
     * @param altitudeOffsetKm    added to the mean semi-major axis (km; 0 keeps the mean motion)
     */
    public static TleSatellite variant(TleSatellite sat, int satelliteNumber, String name, double meanAnomalyOffsetRad,
                                       double raanOffsetRad, double altitudeOffsetKm) {
        if (satelliteNumber < 1 || satelliteNumber > MAX_SATELLITE_NUMBER) {
            throw new IllegalArgumentException("satelliteNumber must be in [1, " + MAX_SATELLITE_NUMBER + "], got " + satelliteNumber);
        }
        TLE t = sat.tle();
        TimeScale utc = OrekitData.utc();
        double n = t.getMeanMotion();
        if (altitudeOffsetKm != 0.0) {
            double mu = org.orekit.propagation.analytical.tle.TLEConstants.MU;
            double a = Math.cbrt(mu / (n * n)) + altitudeOffsetKm * 1000.0;
            n = Math.sqrt(mu / (a * a * a));
        }
        TLE tle = new TLE(satelliteNumber, 'U', t.getLaunchYear(), t.getLaunchNumber(), t.getLaunchPiece(), TLE.DEFAULT, 1,
                t.getDate(), n, 0.0, 0.0, t.getE(), t.getI(), t.getPerigeeArgument(),
                MathUtils.normalizeAngle(t.getRaan() + raanOffsetRad, Math.PI),
                MathUtils.normalizeAngle(t.getMeanAnomaly() + meanAnomalyOffsetRad, Math.PI), 0, 0.0, utc);
        return new TleSatellite(sat.index(), name, new TLE(tle.getLine1(), tle.getLine2(), utc));
    }

    /**
     * The fitted mean elements of the reference satellite (1, 1) (RAAN 0, u₀ = 0 in CIRF), before the
     * Walker offsets are added. Its satellite number and designator are placeholders.
     *
     * @param fitSpanS fit span after the epoch (s, &gt; 0)
     */
    public static TLE referenceTle(WalkerShell shell, AbsoluteDate epoch, double fitSpanS) {
        if (shell == null) {
            throw new IllegalArgumentException("shell must not be null");
        }
        if (epoch == null) {
            throw new IllegalArgumentException("epoch must not be null");
        }
        if (!(fitSpanS > 0.0) || Double.isInfinite(fitSpanS)) {
            throw new IllegalArgumentException("fitSpanS must be > 0 and finite, got " + fitSpanS);
        }
        TimeScale utc = OrekitData.utc();
        Frame inertial = OrekitFrames.inertial();
        KeplerianPropagator reference = new KeplerianPropagator(
                KeplerianConstellation.initialOrbit(shell, REFERENCE, inertial, epoch),
                new FrameAlignedProvider(inertial), WalkerShell.MU_M3_PER_S2);
        SpacecraftState state = reference.getInitialState();
        TLE guessTemplate = new TLE(1, 'U', 2000, 1, "A", TLE.DEFAULT, 1, epoch,
                state.getOrbit().getKeplerianMeanMotion(), 0.0, 0.0, 0.0, shell.inclinationRad(), 0.0, 0.0, 0.0,
                0, 0.0, utc);
        TLE guess = TLE.stateToTLE(state, guessTemplate, new FixedPointConverter(new TLETheory(guessTemplate)));
        TLEPropagatorBuilder builder = new TLEPropagatorBuilder(guess, PositionAngleType.MEAN, 1.0,
                new FixedPointTleGenerationAlgorithm());
        FiniteDifferencePropagatorConverter fitter = new FiniteDifferencePropagatorConverter(builder, 1e-3, 1000);
        int points = (int) Math.max(20, Math.min(5000, Math.ceil(fitSpanS / shell.periodS() * FIT_POINTS_PER_ORBIT)));
        TLEPropagator fitted = (TLEPropagator) fitter.convert(reference, fitSpanS, points);
        return fitted.getTLE();
    }

    /**
     * Generates the shell's TLE file at {@code file} (parent folders are created), replacing any.
     *
     * @return the element sets written, in file order
     */
    public static List<TleSatellite> write(WalkerShell shell, AbsoluteDate epoch, Path file) {
        List<TleSatellite> sats = generate(shell, epoch);
        write(sats, file);
        return sats;
    }

    /** Writes element sets in the 3-line format (name, line 1, line 2), in list order. */
    public static void write(List<TleSatellite> satellites, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
                for (TleSatellite s : satellites) {
                    w.write(s.toThreeLines());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write TLE file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The name line of satellite (sat, orb): {@code WALKER-O<orb>-S<sat>}. */
    public static String name(SatId id) {
        return "WALKER-O" + id.orb() + "-S" + id.sat();
    }

    /** Launch piece letters for 1-based {@code n}: A..Z, AA..ZZ, AAA..ZZZ (capped at ZZZ). */
    static String launchPiece(int n) {
        int k = Math.min(n, 26 + 26 * 26 + 26 * 26 * 26);
        StringBuilder b = new StringBuilder();
        while (k > 0) {
            k--;
            b.insert(0, (char) ('A' + k % 26));
            k /= 26;
        }
        return b.toString();
    }
}
