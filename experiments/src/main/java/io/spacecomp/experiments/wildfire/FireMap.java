package io.spacecomp.experiments.wildfire;

import io.spacecomp.experiments.Plots;
import io.spacecomp.tasks.builtin.wildfire.FireAlertsReducer;
import io.spacecomp.tasks.builtin.wildfire.WildfireJob;
import io.spacecomp.tasks.builtin.wildfire.WildfireScene;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Polygon;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The picture of a wildfire job: the AOI with its clouds and hot non-fire surfaces, the planted fires
 * (filled when detectable, hollow when below the detection size) and the alerts the job raised.
 */
public final class FireMap {

    private FireMap() {
    }

    /**
     * @param scene  the ground truth
     * @param alerts the job's alerts (alerts.geojson)
     * @param title  the chart's title
     */
    public static JFreeChart chart(WildfireScene scene, List<FireAlertsReducer.Alert> alerts, String title) {
        WildfireJob job = scene.job();
        XYSeries detectable = new XYSeries("planted fire, detectable (peak MWIR >= 330 K)");
        XYSeries small = new XYSeries("planted fire, below detection size");
        XYSeries raised = new XYSeries("alert raised in orbit");
        for (WildfireScene.Fire f : scene.fires()) {
            (f.detectable() ? detectable : small).add(f.lonDeg(), f.latDeg());
        }
        for (FireAlertsReducer.Alert a : alerts) {
            raised.add(a.lonDeg(), a.latDeg());
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(detectable);
        data.addSeries(small);
        data.addSeries(raised);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        Polygon triangle = new Polygon(new int[] {0, 6, -6}, new int[] {-7, 5, 5}, 3);
        r.setSeriesShape(0, triangle);
        r.setSeriesPaint(0, new Color(0xD55E00));
        r.setSeriesShape(1, triangle);
        r.setSeriesPaint(1, new Color(0xD55E00));
        r.setSeriesShapesFilled(1, false);
        r.setSeriesShape(2, new Ellipse2D.Double(-11, -11, 22, 22));
        r.setSeriesPaint(2, new Color(0x0072B2));
        r.setSeriesShapesFilled(2, false);
        r.setSeriesOutlineStroke(2, new BasicStroke(2f));
        r.setUseOutlinePaint(false);
        r.setDrawOutlines(true);
        NumberAxis x = new NumberAxis("longitude (deg)");
        NumberAxis y = new NumberAxis("latitude (deg)");
        x.setRange(job.lonMinDeg(), job.lonMaxDeg());
        y.setRange(job.latMinDeg(), job.latMaxDeg());
        x.setAutoRangeIncludesZero(false);
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.setBackgroundPaint(new Color(0xF4F1E8));
        for (WildfireScene.Disk c : scene.clouds()) {
            plot.addAnnotation(new XYShapeAnnotation(ellipse(c), new BasicStroke(0.5f), new Color(0x999999), new Color(200, 200, 210, 200)));
        }
        for (WildfireScene.Disk h : scene.hotSurfaces()) {
            plot.addAnnotation(new XYShapeAnnotation(ellipse(h), new BasicStroke(1f), new Color(0x8B5A00), new Color(0xE69F00)));
        }
        plot.addAnnotation(new XYShapeAnnotation(new Rectangle2D.Double(job.lonMinDeg(), job.latMinDeg(),
                job.lonMaxDeg() - job.lonMinDeg(), job.latMaxDeg() - job.latMinDeg()), new BasicStroke(2f), Color.DARK_GRAY));
        JFreeChart chart = new JFreeChart(title, new Font("SansSerif", Font.BOLD, 13), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** A caption of clouds and hot surfaces, the two kinds of area the legend does not name. */
    public static String subtitle() {
        return "grey: clouds (masked, T11 < 265 K); orange: hot surfaces that are not fires (sun-heated, small MWIR-LWIR difference)";
    }

    private static Ellipse2D ellipse(WildfireScene.Disk d) {
        double h = d.radiusM() / WildfireScene.M_PER_DEG;
        double w = h / Math.cos(Math.toRadians(d.latDeg()));
        return new Ellipse2D.Double(d.lonDeg() - w, d.latDeg() - h, 2 * w, 2 * h);
    }

    /** Writes the chart to {@code png} and an SVG beside it. */
    public static void write(JFreeChart chart, Path png) {
        String name = png.getFileName().toString();
        Path svg = png.resolveSibling(name.toLowerCase(Locale.ROOT).endsWith(".png") ? name.substring(0, name.length() - 4) + ".svg"
                : name + ".svg");
        chart.addSubtitle(new TextTitle(subtitle(), new Font("SansSerif", Font.PLAIN, 11)));
        Plots.write(chart, 900, 860, png, svg);
    }
}
