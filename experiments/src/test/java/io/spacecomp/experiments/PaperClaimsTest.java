package io.spacecomp.experiments;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The direction of every paper claim holds in a quick run (small N, few runs), read back from the CSV
 * files: what is guaranteed per run is checked per run, the rest on the means per N.
 */
class PaperClaimsTest {

    private static CsvTable table(String name) throws IOException {
        QuickResults.outcomes();
        return CsvTable.read(QuickResults.dir().resolve(name + ".csv"));
    }

    private static Predicate<List<String>> is(CsvTable t, String column, String value) {
        return r -> t.cell(r, column).equals(value);
    }

    /** Rows of one run (inclination, N, run) and protection. */
    private static String runKey(CsvTable t, List<String> r) {
        return t.cell(r, "inclination_deg") + "/" + t.cell(r, "planes") + "/" + t.cell(r, "run")
                + (t.header().contains("protection") ? "/" + t.cell(r, "protection") : "");
    }

    private static List<String> one(CsvTable t, List<String> like, String column, String value) {
        List<List<String>> m = t.where(r -> runKey(t, r).equals(runKey(t, like)) && t.cell(r, column).equals(value)
                && (!t.header().contains("reducer_output") || t.cell(r, "reducer_output").equals(t.cell(like, "reducer_output"))));
        assertEquals(1, m.size(), () -> "rows like " + like + " with " + column + "=" + value);
        return m.get(0);
    }

    @Test
    void distanceAwareRoutingIsShorterThanManhattanWithEqualHops() throws IOException {
        CsvTable d = table("routing-distance");
        CsvTable h = table("routing-hops");
        for (List<String> r : d.where(is(d, "router", "distance-aware"))) {
            List<String> m = one(d, r, "router", "manhattan");
            List<String> opt = one(d, r, "router", "optimal");
            // Same hop count as Manhattan, path by path (the mean is equal exactly).
            assertEquals(d.cell(m, "mean_hops"), d.cell(r, "mean_hops"), () -> "hops differ in " + r);
            // The optimum among minimal-hop paths bounds the local rule, run by run.
            assertTrue(d.num(opt, "mean_distance_km") <= d.num(r, "mean_distance_km") * (1 + 1e-9), r::toString);
            assertEquals(0.0, h.num(one(h, r, "router", "distance-aware"), "hops_vs_manhattan"), 0.0);
        }
        for (String inc : List.of("53.0", "87.0")) {
            for (String prot : List.of("off", "on")) {
                for (int n : Experiments.byName("routing-distance").quickPlanes()) {
                    Predicate<List<String>> at = r -> d.cell(r, "inclination_deg").equals(inc) && d.cell(r, "protection").equals(prot)
                            && d.cell(r, "planes").equals(Integer.toString(n));
                    double aware = d.mean(at.and(is(d, "router", "distance-aware")), "mean_distance_km");
                    double manhattan = d.mean(at.and(is(d, "router", "manhattan")), "mean_distance_km");
                    assertTrue(aware <= manhattan, inc + " deg, protection " + prot + ", N=" + n + ": " + aware + " > " + manhattan);
                }
            }
        }
        // Higher inclination amplifies the benefit.
        double at87 = d.mean(is(d, "router", "distance-aware").and(is(d, "inclination_deg", "87.0")).and(is(d, "protection", "off")),
                "distance_vs_manhattan_pct");
        double at53 = d.mean(is(d, "router", "distance-aware").and(is(d, "inclination_deg", "53.0")).and(is(d, "protection", "off")),
                "distance_vs_manhattan_pct");
        assertTrue(at87 < at53 && at53 <= 0, at87 + " vs " + at53);
    }

    @Test
    void bipartiteBeatsEagerBeatsRandomOnMapCost() throws IOException {
        for (String name : List.of("map-allocation", "map-cost")) {
            CsvTable t = table(name);
            for (List<String> b : t.where(is(t, "allocator", "bipartite"))) {
                double bip = t.num(b, "total_cost_s");
                assertTrue(bip <= t.num(one(t, b, "allocator", "eager"), "total_cost_s") * (1 + 1e-12), name + " " + b);
                assertTrue(bip <= t.num(one(t, b, "allocator", "random"), "total_cost_s") * (1 + 1e-12), name + " " + b);
            }
            for (int n : Experiments.byName(name).quickPlanes()) {
                Predicate<List<String>> at = is(t, "planes", Integer.toString(n));
                double bip = t.mean(at.and(is(t, "allocator", "bipartite")), "total_cost_s");
                double eager = t.mean(at.and(is(t, "allocator", "eager")), "total_cost_s");
                double random = t.mean(at.and(is(t, "allocator", "random")), "total_cost_s");
                assertTrue(bip < eager && eager < random, name + " N=" + n + ": " + bip + ", " + eager + ", " + random);
            }
        }
        CsvTable t = table("map-allocation");
        for (int n : Experiments.byName("map-allocation").quickPlanes()) {
            Predicate<List<String>> at = is(t, "planes", Integer.toString(n));
            double vsRandom = t.mean(at.and(is(t, "allocator", "random")), "bipartite_improvement_pct");
            double vsEager = t.mean(at.and(is(t, "allocator", "eager")), "bipartite_improvement_pct");
            assertTrue(vsRandom > vsEager && vsEager > 0, "N=" + n + ": " + vsRandom + " / " + vsEager);
        }
    }

    @Test
    void centrePlacementCutsTheReduceCost() throws IOException {
        CsvTable t = table("reduce-placement");
        for (int n : Experiments.byName("reduce-placement").quickPlanes()) {
            Predicate<List<String>> at = is(t, "planes", Integer.toString(n));
            double los = t.mean(at.and(is(t, "placement", "los")), "total_cost_s");
            double center = t.mean(at.and(is(t, "placement", "center")), "total_cost_s");
            double median = t.mean(at.and(is(t, "placement", "median")), "total_cost_s");
            assertTrue(center < los && median < los, "N=" + n + ": " + center + ", " + median + " vs " + los);
            assertTrue(t.mean(at.and(is(t, "placement", "center")), "reduction_vs_los_pct") > 0);
        }
        for (List<String> r : t.where(is(t, "placement", "los"))) {
            assertEquals(0.0, t.num(r, "reduction_vs_los_pct"), 0.0);
            assertEquals(0.0, t.num(r, "reducer_los_hops"), 0.0);
        }
    }

    @Test
    void theBenefitGrowsWithTheReductionFactorAndSaturates() throws IOException {
        CsvTable t = table("reduction-factor");
        List<String> factors = List.of("1", "2", "5", "10", "20", "50", "100", "200");
        for (List<String> r : t.where(is(t, "reduction_factor", "1"))) {
            double previous = Double.NEGATIVE_INFINITY;
            for (String fr : factors) {
                double pct = t.num(one(t, r, "reduction_factor", fr), "center_reduction_pct");
                assertTrue(pct >= previous - 1e-9, "not monotone in F_R: " + r);
                previous = pct;
            }
        }
        for (String volume : List.of("partition", "total")) {
            Predicate<List<String>> v = is(t, "reducer_output", volume);
            double at1 = t.mean(v.and(is(t, "reduction_factor", "1")), "center_reduction_pct");
            double at50 = t.mean(v.and(is(t, "reduction_factor", "50")), "center_reduction_pct");
            double at200 = t.mean(v.and(is(t, "reduction_factor", "200")), "center_reduction_pct");
            assertTrue(at1 < at50 && at50 <= at200, volume + ": " + at1 + " " + at50 + " " + at200);
            // Saturation: from F_R = 50 to 200 the gain is small next to the gain from 1 to 50.
            assertTrue(at200 - at50 < 0.25 * (at50 - at1), volume + ": " + at1 + " " + at50 + " " + at200);
        }
        for (String fr : factors) {
            assertTrue(t.mean(is(t, "reducer_output", "partition").and(is(t, "reduction_factor", fr)), "center_reduction_pct") > 0);
        }
    }

    @Test
    void bipartiteAllocationSpreadsTheMapLoad() throws IOException {
        CsvTable t = table("map-contention");
        for (int n : Experiments.byName("map-contention").quickPlanes()) {
            Predicate<List<String>> at = is(t, "planes", Integer.toString(n));
            for (String column : List.of("map_visits", "map_max_relay_visits", "map_max_visits")) {
                double bip = t.mean(at.and(is(t, "allocator", "bipartite")), column);
                double random = t.mean(at.and(is(t, "allocator", "random")), column);
                assertTrue(bip <= random, "N=" + n + " " + column + ": " + bip + " > " + random);
            }
        }
        assertWordCountsExact(t);
    }

    @Test
    void centrePlacementAvoidsTheReduceHotSpot() throws IOException {
        CsvTable t = table("reduce-contention");
        for (int n : Experiments.byName("reduce-contention").quickPlanes()) {
            Predicate<List<String>> at = is(t, "planes", Integer.toString(n));
            for (String column : List.of("reduce_visits", "reduce_max_relay_visits")) {
                double center = t.mean(at.and(is(t, "reducer_placement", "center")), column);
                double los = t.mean(at.and(is(t, "reducer_placement", "los")), column);
                assertTrue(center < los, "N=" + n + " " + column + ": " + center + " >= " + los);
            }
        }
        assertWordCountsExact(t);
    }

    /** Every simulated job counted every word of the corpus exactly once. */
    private static void assertWordCountsExact(CsvTable t) throws IOException {
        String text = Files.readString(ProjectPaths.dataDir().resolve(ProjectPaths.CORPUS), StandardCharsets.UTF_8);
        long words = 0;
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        for (String line : body.split("\n", -1)) {
            words += line.chars().filter(c -> c == ' ').count() + 1;
        }
        for (List<String> r : t.rows()) {
            assertEquals(words, Long.parseLong(t.cell(r, "result_words")), r::toString);
        }
    }
}
