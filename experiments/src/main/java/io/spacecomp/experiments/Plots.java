package io.spacecomp.experiments;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Draws a {@link ChartSpec} with JFreeChart: translucent dots for the runs (nudged sideways per series so
 * they do not hide each other), a solid or dashed line through the means; PNG and SVG.
 */
public final class Plots {

    /** Size of the written figures (px). */
    public static final int WIDTH = 900;
    public static final int PANEL_HEIGHT = 380;

    /** A colour-blind-safe palette (Okabe–Ito). */
    private static final Color[] PALETTE = {
            new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
            new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442)};

    private Plots() {
    }

    public static Color colour(int index) {
        return PALETTE[Math.floorMod(index, PALETTE.length)];
    }

    /** Writes {@code spec} to {@code png} and {@code svg}. */
    public static void write(ChartSpec spec, Path png, Path svg) {
        write(chart(spec), WIDTH, 90 + PANEL_HEIGHT * spec.panels().size(), png, svg);
    }

    /** Writes {@code chart} to {@code png} and {@code svg}; the SVG's bytes depend on the chart alone. */
    public static void write(JFreeChart chart, int width, int height, Path png, Path svg) {
        try {
            ChartUtils.saveChartAsPNG(png.toFile(), chart, width, height);
            SVGGraphics2D g = new SVGGraphics2D(width, height);
            g.setDefsKeyPrefix("spacecomp-"); // the default prefix reads the clock: same chart, same bytes
            g.setGeomDoubleConverter(Plots::twoDecimals); // pixels to 0.01: a third of the file size
            chart.draw(g, new Rectangle(0, 0, width, height));
            SVGUtils.writeToSVG(svg.toFile(), g.getSVGElement());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + png + " / " + svg, e);
        }
    }

    private static String twoDecimals(double x) {
        return Double.toString(Math.round(x * 100.0) / 100.0);
    }

    static JFreeChart chart(ChartSpec spec) {
        ValueAxis x = axis(spec.xLabel(), spec.xLog());
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(x);
        combined.setGap(12);
        double span = xSpan(spec);
        for (int i = 0; i < spec.panels().size(); i++) {
            // Panels repeat the same series: only the first one feeds the legend.
            combined.add(panel(spec.panels().get(i), span, spec.xLog(), i == 0), 1);
        }
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, combined, true);
        chart.setTitle(new TextTitle(spec.title(), new Font(Font.SANS_SERIF, Font.BOLD, 16)));
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static XYPlot panel(ChartSpec.Panel p, double span, boolean xLog, boolean inLegend) {
        XYSeriesCollection means = new XYSeriesCollection();
        XYSeriesCollection runs = new XYSeriesCollection();
        XYLineAndShapeRenderer meanRenderer = new XYLineAndShapeRenderer(true, true);
        XYLineAndShapeRenderer runRenderer = new XYLineAndShapeRenderer(false, true);
        int n = p.series().size();
        for (int i = 0; i < n; i++) {
            ChartSpec.Series s = p.series().get(i);
            // Dodge: each series' points sit slightly left or right of the true x.
            double offset = (i - (n - 1) / 2.0) * 0.005;
            XYSeries m = new XYSeries(s.name(), false, true);
            for (double[] pt : s.means()) {
                m.add(dodge(pt[0], offset, span, xLog), pt[1]);
            }
            XYSeries r = new XYSeries(s.name() + " (runs)", false, true);
            for (double[] pt : s.runs()) {
                r.add(dodge(pt[0], offset, span, xLog), pt[1]);
            }
            means.addSeries(m);
            runs.addSeries(r);
            Color c = colour(s.colour());
            meanRenderer.setSeriesPaint(i, c);
            meanRenderer.setSeriesStroke(i, s.dashed()
                    ? new BasicStroke(2.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {7f, 5f}, 0f)
                    : new BasicStroke(2.0f));
            meanRenderer.setSeriesShape(i, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
            runRenderer.setSeriesPaint(i, new Color(c.getRed(), c.getGreen(), c.getBlue(), 90));
            runRenderer.setSeriesShape(i, new Ellipse2D.Double(-2, -2, 4, 4));
            runRenderer.setSeriesVisibleInLegend(i, false);
            runRenderer.setDrawOutlines(false);
            meanRenderer.setSeriesVisibleInLegend(i, inLegend);
        }
        XYPlot plot = new XYPlot();
        plot.setDataset(0, means);
        plot.setRenderer(0, meanRenderer);
        plot.setDataset(1, runs);
        plot.setRenderer(1, runRenderer);
        plot.setRangeAxis(axis(p.yLabel(), p.yLog()));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        return plot;
    }

    private static double dodge(double x, double offset, double span, boolean xLog) {
        return xLog ? x * Math.pow(10, offset * 0.5) : x + offset * span;
    }

    private static double xSpan(ChartSpec spec) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (ChartSpec.Panel p : spec.panels()) {
            for (ChartSpec.Series s : p.series()) {
                for (double[] pt : s.means()) {
                    lo = Math.min(lo, pt[0]);
                    hi = Math.max(hi, pt[0]);
                }
            }
        }
        return hi > lo ? hi - lo : 1.0;
    }

    private static ValueAxis axis(String label, boolean log) {
        if (log) {
            // Plain numbers (1, 10, 100, ...) rather than 10^x labels.
            LogarithmicAxis a = new LogarithmicAxis(label);
            a.setStrictValuesFlag(false);
            a.setAllowNegativesFlag(false);
            a.setExpTickLabelsFlag(false);
            a.setLog10TickLabelsFlag(false);
            a.setNumberFormatOverride(new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.ROOT)));
            return a;
        }
        NumberAxis a = new NumberAxis(label);
        a.setAutoRangeIncludesZero(false);
        return a;
    }
}
