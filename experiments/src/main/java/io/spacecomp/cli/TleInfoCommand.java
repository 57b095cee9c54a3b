package io.spacecomp.cli;

import io.spacecomp.orbit.orekit.OrekitData;
import io.spacecomp.orbit.orekit.TleCatalogue;
import io.spacecomp.orbit.orekit.TleOutlier;
import io.spacecomp.orbit.orekit.TleShell;
import io.spacecomp.orbit.shell.SatId;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The shells a TLE catalogue splits into, their grids and fill, and what did not fit. */
@Command(name = "tle-info", mixinStandardHelpOptions = true,
        description = "Shells found in a TLE catalogue: counts, planes x slots grid, phasing, fill, holes and outliers.")
final class TleInfoCommand implements Runnable {

    @Parameters(index = "0", paramLabel = "FILE", description = "A TLE catalogue, 2- or 3-line, any order.")
    Path file;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        Flags.require(Files.isRegularFile(file), "FILE", "a readable TLE file", file);
        TleCatalogue cat;
        try {
            cat = TleCatalogue.read(file);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid value for FILE: " + e.getMessage());
        }
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            w.println(Json.write(toJson(cat)));
        } else {
            print(cat, w);
        }
        w.flush();
    }

    private static long spares(TleCatalogue cat, int shell) {
        return cat.outliers().stream().filter(o -> o.shell() == shell && o.kind() == TleOutlier.Kind.SPARE).count();
    }

    static void print(TleCatalogue cat, PrintWriter w) {
        w.printf(Locale.ROOT, "%s: %d satellites, epoch %s, %d shell%s, %d outlier%s%n", cat.source(), cat.satellites().size(),
                OrekitData.iso(cat.epoch()), cat.shells().size(), cat.shells().size() == 1 ? "" : "s", cat.outliers().size(),
                cat.outliers().size() == 1 ? "" : "s");
        w.printf("%5s  %9s  %8s  %14s  %3s  %11s  %7s  %5s  %6s%n", "shell", "incl deg", "alt km", "planes x slots", "F",
                "satellites", "fill", "holes", "spares");
        for (TleShell s : cat.shells()) {
            w.printf(Locale.ROOT, "%5d  %9.2f  %8.1f  %14s  %3d  %11s  %6.1f%%  %5d  %6d%n", s.number(), s.inclinationDeg(),
                    s.altitudeKm(), s.torus().planes() + " x " + s.torus().satsPerPlane(), s.phasing(),
                    s.filled() + "/" + s.slotCount(), 100.0 * s.filled() / s.slotCount(), s.slotCount() - s.filled(),
                    spares(cat, s.number()));
        }
        for (TleShell s : cat.shells()) {
            List<String> partial = new ArrayList<>();
            for (int o = 1; o <= s.torus().planes(); o++) {
                if (s.filled(o) < s.torus().satsPerPlane()) {
                    partial.add(o + ": " + s.filled(o) + "/" + s.torus().satsPerPlane()
                            + (2 * s.filled(o) <= s.torus().satsPerPlane() ? " (half-filled or less)" : ""));
                }
            }
            if (!partial.isEmpty()) {
                w.printf("shell %d, planes not full (a hole is a satellite that is down): %s%n", s.number(), String.join(", ", partial));
                w.printf("  holes: %s%n", s.holes().stream().map(SatId::toString).reduce((x, y) -> x + " " + y).orElse(""));
            }
        }
        for (String r : cat.rejected()) {
            w.println("not a grid: " + r);
        }
        if (!cat.outliers().isEmpty()) {
            w.println("outliers:");
            for (TleOutlier o : cat.outliers()) {
                w.printf(Locale.ROOT, "  %-11s %-8s %-24s %s%n", o.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                        o.shell() == 0 ? "-" : "shell " + o.shell(), o.satellite().name() + " (" + o.satellite().satelliteNumber() + ")",
                        o.reason());
            }
        }
    }

    static Map<String, Object> toJson(TleCatalogue cat) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", cat.source());
        out.put("satellites", cat.satellites().size());
        out.put("epoch", OrekitData.iso(cat.epoch()));
        List<Map<String, Object>> shells = new ArrayList<>();
        for (TleShell s : cat.shells()) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("shell", s.number());
            j.put("inclination_deg", s.inclinationDeg());
            j.put("altitude_km", s.altitudeKm());
            j.put("planes", s.torus().planes());
            j.put("slots", s.torus().satsPerPlane());
            j.put("phasing", s.phasing());
            j.put("filled", s.filled());
            j.put("fill", (double) s.filled() / s.slotCount());
            j.put("spares", spares(cat, s.number()));
            List<int[]> holes = new ArrayList<>();
            for (SatId h : s.holes()) {
                holes.add(new int[] {h.sat(), h.orb()});
            }
            j.put("holes", holes);
            List<int[]> perPlane = new ArrayList<>();
            for (int o = 1; o <= s.torus().planes(); o++) {
                perPlane.add(new int[] {o, s.filled(o)});
            }
            j.put("plane_fill", perPlane);
            shells.add(j);
        }
        out.put("shells", shells);
        List<Map<String, Object>> outliers = new ArrayList<>();
        for (TleOutlier o : cat.outliers()) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("name", o.satellite().name());
            j.put("catalogue_number", o.satellite().satelliteNumber());
            j.put("kind", o.kind().name().toLowerCase(Locale.ROOT));
            j.put("shell", o.shell());
            j.put("reason", o.reason());
            outliers.add(j);
        }
        out.put("outliers", outliers);
        out.put("rejected", cat.rejected());
        return out;
    }
}
