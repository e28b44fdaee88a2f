package dev.nasrank.harness.report;

import dev.nasrank.harness.report.stats.InferenceTarget;
import dev.nasrank.harness.report.stats.PairComparison;
import dev.nasrank.harness.report.stats.SettingStats;
import dev.nasrank.harness.report.stats.StudyStatistics;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The study's figures: a forest plot of every setting's mean tau and a matrix of pairwise
 * differences.
 */
final class StudyCharts {
  private static final Color INTERVAL = new Color(49, 54, 149);
  private static final Color CEILING = new Color(165, 0, 38);

  private static final Color SECONDARY = new Color(145, 145, 145);

  private StudyCharts() {}

  /** The first row with an interval under the target (its series carries the legend entry). */
  private static int firstWith(List<SettingStats> rows, InferenceTarget t, double alpha) {
    for (int i = 0; i < rows.size(); i++) {
      if (!Double.isNaN(rows.get(i).low(t, alpha))) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Forest plot: one row per setting (first setting on top), its mean tau-b over seeds as a dot,
   * its interval under the primary target as a thick line and under the other target as a thin grey
   * line below it; the ceiling bound ({@code Ceiling#bound}, mean over settings) as a dashed
   * vertical line.
   */
  static byte[] forest(String title, StudyStatistics st) {
    List<SettingStats> rows = st.settings();
    int n = rows.size();
    XYChart chart =
        new XYChartBuilder()
            .width(900)
            .height(200 + 34 * n)
            .title(title)
            .xAxisTitle("Kendall tau-b (default variant, mean over seeds)")
            .build();
    chart.getStyler().setLegendPosition(LegendPosition.OutsideS);
    chart.getStyler().setXAxisDecimalPattern("0.00");
    chart.getStyler().setYAxisMin(-0.7);
    chart.getStyler().setYAxisMax(n - 0.3);
    chart.getStyler().setYAxisTickMarkSpacingHint(20);
    chart.getStyler().setPlotGridHorizontalLinesVisible(false);
    // XChart drops tick labels that repeat, so ticks between rows get distinct blank labels
    chart.setCustomYAxisTickLabelsFormatter(
        y -> {
          long i = Math.round(y);
          return Math.abs(y - i) < 1e-6 && i >= 0 && i < n
              ? rows.get(n - 1 - (int) i).setting().label()
              : Charts.blankTickLabel(y);
        });
    double[] ys = new double[n];
    double[] means = new double[n];
    InferenceTarget primary = st.primary();
    int pct = (int) Math.round((1 - st.alpha()) * 100);
    for (int i = 0; i < n; i++) {
      SettingStats s = rows.get(i);
      ys[i] = n - 1 - i;
      means[i] = s.meanTau();
      for (InferenceTarget t : new InferenceTarget[] {primary, primary.other()}) {
        boolean main = t == primary;
        double lo = s.low(t, st.alpha());
        double hi = s.high(t, st.alpha());
        if (Double.isNaN(lo)) {
          continue;
        }
        double y = ys[i] + (main ? 0 : -0.22);
        XYSeries iv =
            chart.addSeries(t.key() + " interval " + i, new double[] {lo, hi}, new double[] {y, y});
        // an explicit solid stroke: XChart otherwise cycles dashed styles through the series
        iv.setMarker(SeriesMarkers.NONE)
            .setLineColor(main ? INTERVAL : SECONDARY)
            .setLineStyle(new BasicStroke(main ? 2.5f : 1.2f));
        iv.setShowInLegend(i == firstWith(rows, t, st.alpha()));
        iv.setLabel(
            iv.isShowInLegend()
                ? pct
                    + "% interval, target "
                    + t.key()
                    + (main ? " (primary)" : "")
                    + (t == InferenceTarget.SPACE ? ": t over seeds" : ": hierarchical bootstrap")
                : t.key() + " interval " + i);
      }
    }
    XYSeries dots = chart.addSeries("mean tau-b over seeds", means, ys);
    dots.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    dots.setMarker(SeriesMarkers.DIAMOND).setMarkerColor(Color.BLACK);
    double bound =
        rows.stream()
            .mapToDouble(r -> r.ceiling().bound())
            .filter(x -> !Double.isNaN(x))
            .average()
            .orElse(Double.NaN);
    if (!Double.isNaN(bound)) {
      XYSeries c =
          chart.addSeries(
              "ceiling bound "
                  + ReportFormat.f(bound)
                  + " (tau-b of the true accuracies vs the mean of the repeats)",
              new double[] {bound, bound},
              new double[] {-0.7, n - 0.3});
      c.setMarker(SeriesMarkers.NONE)
          .setLineColor(CEILING)
          .setLineStyle(
              new BasicStroke(
                  1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
    }
    return Charts.png(chart);
  }

  /**
   * Matrix of differences of mean tau, cells coloured on a symmetric scale: the cell in the column
   * of setting A and the row of setting B holds mean tau of A minus mean tau of B; settings in
   * table order, first on top / left.
   */
  static byte[] differenceMatrix(String title, StudyStatistics st, List<String> labels) {
    int n = st.settings().size();
    double[][] m = new double[n][n];
    double most = 0.05;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        m[i][j] =
            i == j
                ? 0
                : st.pair(st.settings().get(i).setting(), st.settings().get(j).setting())
                    .map(PairComparison::difference)
                    .orElse(Double.NaN);
        most = Double.isNaN(m[i][j]) ? most : Math.max(most, Math.abs(m[i][j]));
      }
    }
    double range = Math.ceil(most * 10) / 10;
    return Charts.heatmap(title, labels, m, -range, range, 200 + 64 * n, 200 + 44 * n, true);
  }
}
