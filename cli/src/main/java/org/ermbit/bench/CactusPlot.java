package org.ermbit.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The cactus plot of a bench CSV: per solver, its solved runs' times sorted ascending, the k-th
 * point at (k, time of the k-th fastest solved run). Written as PNG and SVG with XChart. The
 * floating-point values here only draw the picture; the tables carry the exact numbers.
 */
public final class CactusPlot {
    private CactusPlot() {
    }

    /** Writes {@code base.png} and {@code base.svg}; returns false (writing nothing) when no run was solved. */
    public static boolean write(List<RunResult> rows, List<String> solvers, String title, Path base) {
        XYChart chart = new XYChartBuilder().width(800).height(500).title(title)
                .xAxisTitle("instances solved").yAxisTitle("wall time per instance (s)").build();
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        Map<String, List<Long>> series = solvedTimes(rows, solvers);
        if (series.isEmpty()) return false;
        chart.getStyler().setYAxisLogarithmic(spansADecade(series));
        for (var e : series.entrySet()) {
            List<Long> times = e.getValue();
            double[] x = new double[times.size()];
            double[] y = new double[times.size()];
            for (int k = 0; k < times.size(); k++) {
                x[k] = k + 1;
                y[k] = Math.max(times.get(k), 1) / 1000.0;
            }
            XYSeries line = chart.addSeries(e.getKey(), x, y);
            line.setMarker(SeriesMarkers.CIRCLE);
        }
        try {
            BitmapEncoder.saveBitmap(chart, base.toString() + ".png", BitmapEncoder.BitmapFormat.PNG);
            VectorGraphicsEncoder.saveVectorGraphic(chart, base.toString() + ".svg", VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the cactus plot " + base, e);
        }
        return true;
    }

    /**
     * Whether the plotted times span a factor of 10 or more, so that a logarithmic time axis shows at
     * least one labelled power of ten (XChart labels only those); otherwise the axis is linear.
     */
    static boolean spansADecade(Map<String, List<Long>> series) {
        long min = Long.MAX_VALUE;
        long max = 1;
        for (List<Long> times : series.values()) {
            for (long t : times) {
                min = Math.min(min, Math.max(t, 1));
                max = Math.max(max, Math.max(t, 1));
            }
        }
        return max / 10 >= min;
    }

    /**
     * The plotted data: per solver with a solved run (listed solvers first, then others in row order),
     * the times of its solved runs in ascending order, exact in milliseconds.
     */
    static Map<String, List<Long>> solvedTimes(List<RunResult> rows, List<String> solvers) {
        List<String> order = new ArrayList<>(solvers);
        for (RunResult r : rows) if (!order.contains(r.solver())) order.add(r.solver());
        Map<String, List<Long>> out = new LinkedHashMap<>();
        for (String s : order) {
            List<Long> times = rows.stream().filter(r -> r.solver().equals(s) && r.solved()).map(RunResult::timeMs).sorted().toList();
            if (!times.isEmpty()) out.put(s, times);
        }
        return out;
    }
}
