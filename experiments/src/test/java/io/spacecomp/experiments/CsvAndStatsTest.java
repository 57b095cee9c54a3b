package io.spacecomp.experiments;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CsvAndStatsTest {

    record R(String name, double x) {
    }

    @Test
    void csvQuotesAndFormatsWithoutLocale() {
        List<Column<R>> cols = List.of(Column.of("name", "a name", R::name), Column.of("x_km", "x (km)", r -> Csv.num(r.x(), 2)));
        String csv = Csv.write(cols, List.of(new R("São Paulo (BR)", 1234.5678), new R("a,\"b\"", -0.001)));
        assertEquals("name,x_km\nSão Paulo (BR),1234.57\n\"a,\"\"b\"\"\",0.00\n", csv);
        assertThrows(IllegalArgumentException.class, () -> Csv.num(Double.NaN, 1));
    }

    @Test
    void confidenceIntervalUsesStudentT() {
        double[] xs = {1, 2, 3, 4};
        assertEquals(2.5, Stats.mean(xs), 1e-12);
        assertEquals(Math.sqrt(5.0 / 3.0), Stats.sd(xs), 1e-12);
        assertEquals(3.182 * Math.sqrt(5.0 / 3.0) / 2.0, Stats.ci95(xs), 1e-12);
        assertEquals(0.0, Stats.ci95(new double[] {5}), 0.0);
        assertEquals(0.0, Stats.cv(new long[] {3, 3, 3}), 0.0);
        assertEquals(75.0, Stats.reductionPct(25, 100), 1e-12);
    }
}
