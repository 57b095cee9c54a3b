package io.spacecomp.bench;

import io.spacecomp.routing.RttTiming;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * The {@link GroundRttBenchmark} series timed by hand, wall clock and this thread's CPU time, so the figure
 * holds on a shared machine too: {@code scripts/bench-rtt.sh [ROUNDS]} runs it. Prints a Markdown table and
 * the command that made it. Each case is run {@code ROUNDS} times after two warm-up series; the table gives
 * the median and the best.
 */
public final class GroundRttSeries {

    private GroundRttSeries() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        if (rounds < 1 || rounds > 100) {
            throw new IllegalArgumentException("ROUNDS must be in [1, 100], got " + rounds);
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        System.out.println("command: scripts/bench-rtt.sh " + rounds + "  (" + Runtime.getRuntime().availableProcessors()
                + " cores, Java " + System.getProperty("java.version") + ")");
        System.out.println("New York -> London, 25 deg mask, 2,001 steps of 100 ms (200 s), 34 x 34 shell (1,156 satellites)");
        System.out.println();
        System.out.println("| shell | timing | wall s (median / best) | CPU s (median / best) |");
        System.out.println("|---|---|---|---|");
        for (String shell : new String[] {"walker", "tle"}) {
            for (RttTiming timing : RttTiming.values()) {
                GroundRttBenchmark b = new GroundRttBenchmark();
                b.shell = shell;
                b.timing = timing;
                double[] wall = new double[rounds];
                double[] cpu = new double[rounds];
                for (int r = -2; r < rounds; r++) {
                    long w0 = System.nanoTime();
                    long c0 = mx.getCurrentThreadCpuTime();
                    b.setUp();
                    b.rttSeries();
                    if (r >= 0) {
                        wall[r] = (System.nanoTime() - w0) / 1e9;
                        cpu[r] = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
                    }
                }
                java.util.Arrays.sort(wall);
                java.util.Arrays.sort(cpu);
                System.out.printf(Locale.ROOT, "| %s | %s | %.2f / %.2f | %.2f / %.2f |%n", shell.equals("tle")
                                ? "TLE shell 1 of example-multishell.tle (SGP4)" : "Walker 34 x 34, 53 deg, 550 km (analytic)",
                        timing.name().toLowerCase(Locale.ROOT).replace('_', '-'), wall[rounds / 2], wall[0], cpu[rounds / 2], cpu[0]);
            }
        }
    }
}
