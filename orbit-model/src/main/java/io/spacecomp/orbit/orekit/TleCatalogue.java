package io.spacecomp.orbit.orekit;

import org.orekit.time.AbsoluteDate;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * A TLE catalogue as it comes (CelesTrak or Space-Track style, 2-line or 3-line, any order, several shells,
 * spares and satellites on their way up), split into +Grid shells.
 *
 * <p>How ({@link TleGrouping} has the numbers):
 * <ol>
 *   <li>Every satellite is read at one epoch, the latest TLE epoch in the file (so the answer does not
 *   depend on the order of the file): mean inclination and altitude from its TLE, RAAN and argument of
 *   latitude from SGP4.</li>
 *   <li>Shells: satellites are grouped by inclination (a new group after a gap of more than
 *   {@value TleGrouping#INCLINATION_GAP_DEG}°), then, within a group, the densest altitude band of
 *   {@value TleGrouping#ALTITUDE_WINDOW_KM} km is a shell when it holds at least
 *   {@value TleGrouping#MIN_SHELL_SATELLITES} satellites, again and again. Satellites below a shell at its
 *   inclination are {@link TleOutlier.Kind#RAISING raising}; others are reported too.</li>
 *   <li>Planes: the number of planes N comes from the spacing of RAAN clusters; each satellite goes to the
 *   nearest of N evenly spaced planes (more than a quarter spacing off: {@link TleOutlier.Kind#OFF_PLANE}).</li>
 *   <li>Slots: the number of slots M is the most common spacing in argument of latitude over the planes;
 *   the phasing F is the one that lines all planes up best; each satellite goes to the nearest slot of the
 *   lattice {@code u₀ + 360°(s−1)/M + 360°F(o−1)/(N·M)}. Off the lattice by more than a quarter slot, or
 *   second in a slot: {@link TleOutlier.Kind#SPARE}. Empty slots stay empty: satellites that are down.</li>
 * </ol>
 * A file listed plane by plane, such as {@link TleWriter}'s, gives the grid it was written from.
 * Shells are numbered from 1 by inclination, then altitude.
 */
public final class TleCatalogue {

    private final String source;
    private final List<TleSatellite> satellites;
    private final AbsoluteDate epoch;
    private final List<TleShell> shells;
    private final List<TleOutlier> outliers;
    private final List<String> rejected;

    private TleCatalogue(String source, List<TleSatellite> satellites, AbsoluteDate epoch, TleGrouping.Result r) {
        this.source = source;
        this.satellites = satellites;
        this.epoch = epoch;
        this.shells = r.shells();
        this.outliers = r.outliers();
        this.rejected = r.rejected();
    }

    /**
     * Reads and groups a TLE file.
     *
     * @throws IllegalArgumentException naming the file and line of a malformed entry
     */
    public static TleCatalogue read(Path file) {
        return of(String.valueOf(file), TleReader.read(file));
    }

    /** Groups satellites already parsed; {@code source} names them in messages (e.g. the file name). */
    public static TleCatalogue of(String source, List<TleSatellite> satellites) {
        if (satellites == null || satellites.isEmpty()) {
            throw new IllegalArgumentException(source + ": no TLE found");
        }
        OrekitData.init();
        AbsoluteDate epoch = satellites.stream().map(TleSatellite::epoch).max(Comparator.naturalOrder()).orElseThrow();
        return new TleCatalogue(source, List.copyOf(satellites), epoch, TleGrouping.group(source, satellites, epoch));
    }

    /** The file's name. */
    public String source() {
        return source;
    }

    /** Every satellite, in file order. */
    public List<TleSatellite> satellites() {
        return satellites;
    }

    /** t = 0 of every shell: the latest TLE epoch of the catalogue. */
    public AbsoluteDate epoch() {
        return epoch;
    }

    /** The shells found, numbered from 1 (index k − 1), by inclination then altitude. */
    public List<TleShell> shells() {
        return shells;
    }

    /** Every satellite in no slot: spares, off-plane, raising, above a shell, ungrouped. */
    public List<TleOutlier> outliers() {
        return outliers;
    }

    /** Groups of satellites that looked like a shell but could not form a +Grid, with the reason. */
    public List<String> rejected() {
        return rejected;
    }

    /**
     * Shell {@code k} (1-based).
     *
     * @throws IllegalArgumentException naming the file and the reason when there is no such shell
     */
    public TleShell shell(int k) {
        if (shells.isEmpty()) {
            throw new IllegalArgumentException(noShell());
        }
        if (k < 1 || k > shells.size()) {
            throw new IllegalArgumentException("shell must be in [1, " + shells.size() + "] for " + source
                    + " (" + shells.size() + " shell" + (shells.size() == 1 ? "" : "s") + " found), got " + k);
        }
        return shells.get(k - 1);
    }

    /**
     * The only shell.
     *
     * @throws IllegalArgumentException naming the file when it holds no shell or several
     */
    public TleShell onlyShell() {
        if (shells.size() == 1) {
            return shells.get(0);
        }
        if (shells.isEmpty()) {
            throw new IllegalArgumentException(noShell());
        }
        throw new IllegalArgumentException(source + " holds " + shells.size() + " shells: pick one (1.." + shells.size()
                + "); `spacecomp tle-info " + source + "` lists them");
    }

    private String noShell() {
        StringBuilder b = new StringBuilder(source).append(": cannot form a +Grid shell from its ")
                .append(satellites.size()).append(" satellite").append(satellites.size() == 1 ? "" : "s");
        if (rejected.isEmpty()) {
            b.append(": no ").append(TleGrouping.MIN_SHELL_SATELLITES).append(" satellites share an inclination (within ")
                    .append(TleGrouping.INCLINATION_GAP_DEG).append(" deg) and an altitude (within ")
                    .append(TleGrouping.ALTITUDE_WINDOW_KM).append(" km)");
        } else {
            b.append(": ").append(String.join("; ", rejected));
        }
        return b.toString();
    }
}
