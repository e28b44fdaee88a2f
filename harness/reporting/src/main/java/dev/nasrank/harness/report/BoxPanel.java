package dev.nasrank.harness.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A box plot drawn on an XY chart, so that panels of a faceted figure can share a fixed accuracy
 * axis (XChart's own box chart ignores a fixed y range). Tukey boxes: quartiles, median,
 * whiskers to the most extreme values within 1.5 interquartile ranges of the box, the values beyond
 * drawn as points.
 */
final class BoxPanel {
  private static final Color BOX = new Color(49, 54, 149);
  private static final Color MEDIAN = new Color(200, 30, 30);
  private static final double HALF_WIDTH = 0.25;

  private BoxPanel() {}

  /**
   * One panel: a box per non-empty group, groups in map order at x = 1, 2, ...; y fixed to [yMin,
   * yMax].
   */
  static XYChart chart(
      String title,
      String xTitle,
      String yTitle,
      Map<String, double[]> groups,
      int width,
      int height,
      double yMin,
      double yMax) {
    XYChart chart =
        new XYChartBuilder()
            .width(width)
            .height(height)
            .title(title)
            .xAxisTitle(xTitle)
            .yAxisTitle(yTitle)
            .build();
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setYAxisMin(yMin);
    chart.getStyler().setYAxisMax(yMax);
    chart.getStyler().setYAxisDecimalPattern("0.00");
    chart.getStyler().setXAxisMin(0.4);
    chart.getStyler().setXAxisMax(groups.size() + 0.6);
    chart.getStyler().setPlotGridVerticalLinesVisible(false);
    List<String> labels = new ArrayList<>(groups.keySet());
    // XChart drops tick labels that repeat, so ticks between boxes get distinct blank labels
    chart.setCustomXAxisTickLabelsFormatter(
        x -> {
          long i = Math.round(x);
          return Math.abs(x - i) < 1e-6 && i >= 1 && i <= labels.size()
              ? labels.get((int) i - 1)
              : Charts.blankTickLabel(x);
        });
    int at = 0;
    for (double[] v : groups.values()) {
      at++;
      if (v.length > 0) {
        box(chart, at, v);
      }
    }
    return chart;
  }

  private static void box(XYChart chart, int x, double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    Percentile p = new Percentile().withEstimationType(EstimationType.R_7);
    double q1 = p.evaluate(v, 25);
    double med = p.evaluate(v, 50);
    double q3 = p.evaluate(v, 75);
    double lowFence = q1 - 1.5 * (q3 - q1);
    double highFence = q3 + 1.5 * (q3 - q1);
    double lo = Arrays.stream(v).filter(y -> y >= lowFence).min().orElse(q1);
    double hi = Arrays.stream(v).filter(y -> y <= highFence).max().orElse(q3);
    double l = x - HALF_WIDTH;
    double r = x + HALF_WIDTH;
    line(chart, "box " + x, new double[] {l, r, r, l, l}, new double[] {q1, q1, q3, q3, q1}, BOX);
    line(chart, "median " + x, new double[] {l, r}, new double[] {med, med}, MEDIAN);
    line(
        chart,
        "low whisker " + x,
        new double[] {x, x, Double.NaN, l / 2 + x / 2.0, r / 2 + x / 2.0},
        new double[] {q1, lo, Double.NaN, lo, lo},
        Color.DARK_GRAY);
    line(
        chart,
        "high whisker " + x,
        new double[] {x, x, Double.NaN, l / 2 + x / 2.0, r / 2 + x / 2.0},
        new double[] {q3, hi, Double.NaN, hi, hi},
        Color.DARK_GRAY);
    double[] out = Arrays.stream(v).filter(y -> y < lo || y > hi).toArray();
    if (out.length > 0) {
      double[] xs = new double[out.length];
      Arrays.fill(xs, x);
      XYSeries s = chart.addSeries("outliers " + x, xs, out);
      s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      s.setMarker(SeriesMarkers.CIRCLE).setMarkerColor(MEDIAN);
    }
  }

  private static void line(XYChart chart, String name, double[] x, double[] y, Color c) {
    XYSeries s = chart.addSeries(name, x, y);
    s.setMarker(SeriesMarkers.NONE).setLineColor(c).setLineStyle(new BasicStroke(1.5f));
  }
}
