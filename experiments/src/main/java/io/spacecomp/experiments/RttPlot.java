package io.spacecomp.experiments;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** A ground-to-ground RTT over time as a PNG: one line, gaps where no path exists. */
public final class RttPlot {

    private RttPlot() {
    }

    /**
     * @param png      where to write
     * @param title    first title line (the shell)
     * @param subtitle second line (stations, link model)
     * @param points   {t (s), RTT (ms) or NaN when unreachable}
     */
    public static void write(Path png, String title, String subtitle, List<double[]> points) {
        XYSeries series = new XYSeries("RTT", false, true);
        for (double[] p : points) {
            series.add(p[0], Double.isNaN(p[1]) ? null : p[1]);
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, Plots.colour(0));
        renderer.setSeriesStroke(0, new BasicStroke(1.6f));
        NumberAxis x = new NumberAxis("time (s)");
        NumberAxis y = new NumberAxis("round-trip time (ms)");
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(new XYSeriesCollection(series), x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setTitle(new TextTitle(title, new Font(Font.SANS_SERIF, Font.BOLD, 15)));
        chart.addSubtitle(new TextTitle(subtitle, new Font(Font.SANS_SERIF, Font.PLAIN, 13)));
        chart.setBackgroundPaint(Color.WHITE);
        try {
            Path parent = png.toAbsolutePath().getParent();
            if (parent != null) {
                java.nio.file.Files.createDirectories(parent);
            }
            ChartUtils.saveChartAsPNG(png.toFile(), chart, Plots.WIDTH, 420);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + png, e);
        }
    }
}
