package dev.nasrank.harness.report;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.BoxChart;
import org.knowm.xchart.BoxChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** PNG charts of the report (XChart, rendered headless); each method returns the PNG bytes. */
public final class Charts {
  static {
    System.setProperty("java.awt.headless", "true");
  }

  private static final int WIDTH = 720;
  private static final int HEIGHT = 480;

  private Charts() {}

  /**
   * Box plots of accuracies (fractions), one box per named group, groups in map order; empty groups
   * skipped.
   */
  public static byte[] boxPlot(
      String title, String xTitle, String yTitle, Map<String, double[]> groups) {
    BoxChart chart =
        new BoxChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title(title)
            .xAxisTitle(xTitle)
            .yAxisTitle(yTitle)
            .build();
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setYAxisDecimalPattern("0.00");
    int added = 0;
    for (Map.Entry<String, double[]> e : groups.entrySet()) {
      if (e.getValue().length > 0) {
        chart.addSeries(e.getKey(), e.getValue());
        added++;
      }
    }
    if (added == 0) {
      throw new IllegalArgumentException("box plot '" + title + "' has no data");
    }
    return png(chart);
  }

  /** One series of a scatter plot. */
  public record Series(String name, double[] x, double[] y) {}

  /** Scatter plot with a legend; empty series skipped. */
  public static byte[] scatter(String title, String xTitle, String yTitle, List<Series> series) {
    XYChart chart =
        new XYChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title(title)
            .xAxisTitle(xTitle)
            .yAxisTitle(yTitle)
            .build();
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setLegendPosition(LegendPosition.InsideNW);
    chart.getStyler().setMarkerSize(7);
    chart.getStyler().setXAxisDecimalPattern("0.000");
    chart.getStyler().setYAxisDecimalPattern("0.00");
    for (Series s : series) {
      if (s.x().length > 0) {
        chart.addSeries(s.name(), s.x(), s.y()).setMarker(SeriesMarkers.CIRCLE);
      }
    }
    return png(chart);
  }

  /**
   * Heat map of a square matrix (e.g. cosine similarities) with values printed in the cells; values
   * are clamped to [min, max] and NaN is drawn as min (the table beside the plot keeps the exact
   * values).
   */
  public static byte[] heatmap(
      String title, List<String> labels, double[][] matrix, double min, double max) {
    return heatmap(title, labels, matrix, min, max, WIDTH, HEIGHT, false);
  }

  /**
   * As {@link #heatmap(String, List, double[][], double, double)} at a given size in pixels; {@code
   * matrix[i][j]} is drawn in column i and row j. With {@code topDown} row 0 is the top row (else
   * the bottom row, XChart's default) and the column labels are turned vertical.
   */
  public static byte[] heatmap(
      String title,
      List<String> labels,
      double[][] matrix,
      double min,
      double max,
      int width,
      int height,
      boolean topDown) {
    HeatMapChart chart = new HeatMapChartBuilder().width(width).height(height).title(title).build();
    if (topDown) {
      chart.getStyler().setXAxisLabelRotation(90);
    }
    chart.getStyler().setShowValue(true);
    chart.getStyler().setHeatMapValueDecimalPattern("0.00");
    chart.getStyler().setMin(min);
    chart.getStyler().setMax(max);
    // XChart 3.8.8 indexes past its colour array for a value exactly at max: keep cells a hair
    // below it
    double top = max - 1e-9 * Math.max(1, max - min);
    chart
        .getStyler()
        .setRangeColors(new Color[] {new Color(49, 54, 149), Color.WHITE, new Color(165, 0, 38)});
    chart.getStyler().setLegendPosition(LegendPosition.OutsideE);
    List<Number[]> cells = new ArrayList<>();
    for (int i = 0; i < matrix.length; i++) {
      for (int j = 0; j < matrix.length; j++) {
        double v = Double.isNaN(matrix[i][j]) ? min : Math.max(min, Math.min(top, matrix[i][j]));
        cells.add(new Number[] {i, topDown ? matrix.length - 1 - j : j, v});
      }
    }
    List<String> rows = new ArrayList<>(labels);
    if (topDown) {
      java.util.Collections.reverse(rows);
    }
    chart.addSeries(title, labels, rows, cells);
    return png(chart);
  }

  /**
   * A label that shows nothing, distinct for every tick value {@code v} to 1/1000 over -16 < v <
   * 1000: XChart drops a tick whose label repeats and, when labels keep repeating, never finishes
   * laying out the axis, so blank ticks between labelled rows or boxes each need their own label.
   * It is a no-break space, then 20 characters that spell round((v + 16) * 1000) in binary with
   * space and no-break space, so every blank is as wide.
   */
  static String blankTickLabel(double v) {
    long k = Math.round((v + 16) * 1000);
    StringBuilder sb = new StringBuilder(21).append('\u00A0');
    for (int bit = 0; bit < 20; bit++) {
      sb.append(((k >> bit) & 1) == 1 ? '\u00A0' : ' ');
    }
    return sb.toString();
  }

  static byte[] png(Chart<?, ?> chart) {
    try {
      return BitmapEncoder.getBitmapBytes(chart, BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render chart: " + e.getMessage(), e);
    }
  }
}
