package io.spacecomp.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * What a figure shows, independent of the plotting library: panels stacked over one shared x axis, each
 * with series drawn as run points and a line through the means, as the paper draws them.
 *
 * @param title  figure title
 * @param xLabel x axis label, with unit
 * @param xLog   logarithmic x axis
 * @param panels the panels, top to bottom
 */
public record ChartSpec(String title, String xLabel, boolean xLog, List<Panel> panels) {

    public ChartSpec {
        panels = List.copyOf(panels);
    }

    /**
     * @param yLabel y axis label, with unit
     * @param yLog   logarithmic y axis
     * @param series the series
     */
    public record Panel(String yLabel, boolean yLog, List<Series> series) {
        public Panel {
            series = List.copyOf(series);
        }
    }

    /**
     * @param name   legend entry
     * @param colour palette index
     * @param dashed dashed mean line (e.g. "with polar protection")
     * @param runs   one (x, y) point per run
     * @param means  one (x, mean y) point per x, in x order
     */
    public record Series(String name, int colour, boolean dashed, List<double[]> runs, List<double[]> means) {
        public Series {
            runs = List.copyOf(runs);
            means = List.copyOf(means);
        }

        /** The series of the rows {@code keep} selects: a point per row, the mean per x. */
        public static <R> Series of(String name, int colour, boolean dashed, List<R> rows, Predicate<R> keep,
                                    ToDoubleFunction<R> x, ToDoubleFunction<R> y) {
            List<double[]> points = new ArrayList<>();
            Map<Double, double[]> sums = new TreeMap<>();
            for (R r : rows) {
                if (!keep.test(r)) {
                    continue;
                }
                double xv = x.applyAsDouble(r);
                double yv = y.applyAsDouble(r);
                points.add(new double[] {xv, yv});
                double[] s = sums.computeIfAbsent(xv, k -> new double[2]);
                s[0] += yv;
                s[1] += 1;
            }
            List<double[]> means = new ArrayList<>();
            sums.forEach((xv, s) -> means.add(new double[] {xv, s[0] / s[1]}));
            return new Series(name, colour, dashed, points, means);
        }
    }
}
