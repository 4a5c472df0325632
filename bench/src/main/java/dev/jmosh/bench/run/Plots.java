package dev.jmosh.bench.run;

import com.google.common.math.Quantiles;
import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * PNG plots of a measurement's samples ({@code group,series,value} CSV, one chart per group):
 * the cumulative distribution of each series (latencies), or the median of each series as bars
 * (start-up and memory).
 */
final class Plots {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 500;

    /** How a measurement's samples are drawn. */
    enum Kind {
        /** Not drawn. */
        NONE,
        /** The cumulative distribution of each series, on a logarithmic axis. */
        CDF,
        /** The median of each series, as bars. */
        BARS
    }

    private Plots() {
    }

    /** Reads the samples: group, then series, then values, in file order. */
    static Map<String, Map<String, List<Double>>> read(Path csv) throws IOException {
        Map<String, Map<String, List<Double>>> groups = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            List<String> cells = Report.cells(line);
            if (cells.size() != 3) {
                throw new IOException(csv + ": not group,series,value: " + line);
            }
            groups.computeIfAbsent(cells.get(0), g -> new LinkedHashMap<>())
                    .computeIfAbsent(cells.get(1), s -> new ArrayList<>()).add(Double.parseDouble(cells.get(2)));
        }
        return groups;
    }

    /** Draws every group of {@code csv} as {@code prefix-N.png} in {@code dir}; the files, with their titles. */
    static Map<String, String> draw(Kind kind, Path csv, Path dir, String prefix) throws IOException {
        Map<String, String> pngs = new LinkedHashMap<>();
        if (kind == Kind.NONE) {
            return pngs;
        }
        int n = 0;
        for (Map.Entry<String, Map<String, List<Double>>> g : read(csv).entrySet()) {
            JFreeChart chart = kind == Kind.CDF ? cdf(g.getKey(), g.getValue()) : bars(g.getKey(), g.getValue());
            chart.setBackgroundPaint(Color.WHITE);
            chart.getPlot().setBackgroundPaint(Color.WHITE);
            String file = prefix + "-" + (++n) + ".png";
            ChartUtils.saveChartAsPNG(dir.resolve(file).toFile(), chart, WIDTH, HEIGHT);
            pngs.put(file, g.getKey());
        }
        return pngs;
    }

    private static JFreeChart cdf(String title, Map<String, List<Double>> series) {
        XYSeriesCollection data = new XYSeriesCollection();
        double least = Double.MAX_VALUE;
        for (Map.Entry<String, List<Double>> s : series.entrySet()) {
            double[] v = s.getValue().stream().mapToDouble(Double::doubleValue).sorted().toArray();
            XYSeries xy = new XYSeries(s.getKey() + " (" + v.length + ")", true, true);
            for (int i = 0; i < v.length; i++) {
                xy.add(v[i], (i + 1.0) / v.length);
            }
            if (v.length > 0) {
                least = Math.min(least, v[0]);
            }
            data.addSeries(xy);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, title, "share of samples at most x", data,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setRenderer(new XYStepRenderer());
        if (least > 0 && least < Double.MAX_VALUE) {
            LogAxis x = new LogAxis(title + ", logarithmic");
            x.setSmallestValue(least / 2);
            x.setNumberFormatOverride(new DecimalFormat("0.##")); // 250, not 10^2.40
            plot.setDomainAxis(x);
        }
        return chart;
    }

    private static JFreeChart bars(String title, Map<String, List<Double>> series) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Map.Entry<String, List<Double>> s : series.entrySet()) {
            if (!s.getValue().isEmpty()) {
                data.addValue(Quantiles.median().compute(s.getValue()), "median", s.getKey());
            }
        }
        return ChartFactory.createBarChart(title + ", median", "", title, data, PlotOrientation.VERTICAL, false,
                false, false);
    }
}
