package io.spacecomp.experiments.study;

import io.spacecomp.experiments.Plots;
import io.spacecomp.scenario.Scenario;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A study metric's figure: each strategy's mean over the sweep axis with 95 % confidence bars, or, when
 * nothing is swept, one bar per strategy with its confidence bar.
 */
final class StudyPlots {

    private static final int HEIGHT = 520;

    private StudyPlots() {
    }

    static void write(Scenario base, StudyMetric m, Map<String, List<StudyOutput.PointStats>> stats, Path png, Path svg) {
        String title = base.name() + ": " + m.description().substring(0, m.description().indexOf(':'));
        String yLabel = m.column().replace('_', ' ') + " (mean, 95 % CI)";
        JFreeChart chart = base.sweep() == null ? bars(stats, yLabel) : lines(base, stats, yLabel);
        chart.setTitle(new TextTitle(title, new Font(Font.SANS_SERIF, Font.BOLD, 16)));
        chart.setBackgroundPaint(Color.WHITE);
        Plots.write(chart, Plots.WIDTH, HEIGHT, png, svg);
    }

    private static JFreeChart lines(Scenario base, Map<String, List<StudyOutput.PointStats>> stats, String yLabel) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDefaultLinesVisible(true);
        renderer.setDrawXError(false);
        renderer.setCapLength(6);
        renderer.setErrorStroke(new BasicStroke(1.2f));
        int i = 0;
        double span = span(stats);
        int n = stats.size();
        for (Map.Entry<String, List<StudyOutput.PointStats>> e : stats.entrySet()) {
            YIntervalSeries s = new YIntervalSeries(e.getKey(), false, true);
            double dodge = (i - (n - 1) / 2.0) * 0.006 * span; // strategies side by side, not on top of each other
            for (StudyOutput.PointStats p : e.getValue()) {
                if (p.n() > 0) {
                    s.add(p.axis() + dodge, p.mean(), p.mean() - p.ci95(), p.mean() + p.ci95());
                }
            }
            data.addSeries(s);
            Color c = Plots.colour(i);
            renderer.setSeriesPaint(i, c);
            renderer.setSeriesStroke(i, new BasicStroke(2.0f));
            renderer.setSeriesShape(i, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
            i++;
        }
        NumberAxis x = new NumberAxis(base.sweep().name());
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        style(plot);
        return new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    }

    private static JFreeChart bars(Map<String, List<StudyOutput.PointStats>> stats, String yLabel) {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        for (Map.Entry<String, List<StudyOutput.PointStats>> e : stats.entrySet()) {
            StudyOutput.PointStats p = e.getValue().get(0);
            // the renderer's "standard deviation" bar is drawn as given: we give it the 95 % half-width
            data.add(p.mean(), p.ci95(), "mean", e.getKey());
        }
        StatisticalBarRenderer renderer = new StatisticalBarRenderer();
        renderer.setSeriesPaint(0, Plots.colour(0));
        renderer.setErrorIndicatorPaint(Color.BLACK);
        renderer.setDrawBarOutline(false);
        renderer.setShadowVisible(false);
        renderer.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        CategoryAxis x = new CategoryAxis("strategy (allocator/reducer/router)");
        x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        CategoryPlot plot = new CategoryPlot(data, x, new NumberAxis(yLabel), renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        return new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    }

    private static void style(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
    }

    private static double span(Map<String, List<StudyOutput.PointStats>> stats) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (List<StudyOutput.PointStats> list : stats.values()) {
            for (StudyOutput.PointStats p : list) {
                lo = Math.min(lo, p.axis());
                hi = Math.max(hi, p.axis());
            }
        }
        return hi > lo ? hi - lo : 1.0;
    }
}
