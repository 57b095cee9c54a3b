package io.spacecomp.cli;

import io.spacecomp.orbit.geometry.CircularOrbitGeometry;
import io.spacecomp.orbit.link.LinkBudget;
import io.spacecomp.orbit.shell.WalkerShell;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** Prints the geometry of a Walker-Delta shell: period, link lengths and their capacities. */
@Command(name = "shell", mixinStandardHelpOptions = true,
        description = "Geometry of a Walker-Delta shell: period, intra-plane and inter-plane link lengths (SPEC §2).")
final class ShellCommand implements Runnable {

    @Mixin
    ShellOptions shellOptions;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        WalkerShell shell = shellOptions.toShell();
        CircularOrbitGeometry g = new CircularOrbitGeometry(shell);
        LinkBudget budget = LinkBudget.PAPER_DEFAULT;
        double[] uDeg = {0, 45, 90};

        Map<String, Object> inter = new LinkedHashMap<>();
        Map<String, Object> interCapacity = new LinkedHashMap<>();
        for (double u : uDeg) {
            double km = g.interPlaneLinkKm(Math.toRadians(u));
            inter.put("u" + (int) u, round(km, 3));
            interCapacity.put("u" + (int) u, round(budget.capacityBitsPerS(km) / 1e9, 4));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("planes", shell.planes());
        out.put("sats_per_plane", shell.satsPerPlane());
        out.put("satellites", shell.size());
        out.put("phasing", shell.phasing());
        out.put("inclination_deg", shell.inclinationDeg());
        out.put("altitude_km", shell.altitudeKm());
        out.put("earth_radius_km", shell.earthRadiusKm());
        out.put("period_s", round(g.periodS(), 3));
        out.put("intra_plane_km", round(g.intraPlaneLinkKm(), 3));
        out.put("inter_plane_km", inter);
        out.put("intra_plane_capacity_gbps", round(budget.capacityBitsPerS(g.intraPlaneLinkKm()) / 1e9, 4));
        out.put("inter_plane_capacity_gbps", interCapacity);

        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            w.println(Json.write(out));
        } else {
            w.printf("Walker-Delta shell %d x %d (F = %d), i = %.2f deg, h = %.1f km, rE = %.1f km: %d satellites%n",
                    shell.planes(), shell.satsPerPlane(), shell.phasing(), shell.inclinationDeg(), shell.altitudeKm(),
                    shell.earthRadiusKm(), shell.size());
            w.printf("  %-34s %12.3f s (%.2f min)%n", "orbital period", g.periodS(), g.periodS() / 60.0);
            w.printf("  %-34s %12.3f km  %8.3f Gbit/s%n", "intra-plane link", g.intraPlaneLinkKm(),
                    budget.capacityBitsPerS(g.intraPlaneLinkKm()) / 1e9);
            for (double u : uDeg) {
                double km = g.interPlaneLinkKm(Math.toRadians(u));
                w.printf("  %-34s %12.3f km  %8.3f Gbit/s%n", String.format("inter-plane link at u = %.0f deg", u), km,
                        budget.capacityBitsPerS(km) / 1e9);
            }
        }
        w.flush();
    }

    private static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}
