package dev.nasrank.harness.report;

import dev.nasrank.files.AtomicFiles;
import dev.nasrank.harness.candidates.Candidate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** The report's figures: which data goes into which chart, and where the PNG is written. */
final class Plots {
  private Plots() {}

  /** Panel size (pixels) and columns of the faceted box-plot figures. */
  private static final int PANEL_WIDTH = 420;

  private static final int PANEL_HEIGHT = 300;
  private static final int COLUMNS = 3;

  /**
   * One faceted figure: per setting (a panel each, shared accuracy axis), the one-shot accuracies
   * of the choices grouped by number of active paths (all seeds pooled).
   */
  static void distributionsByActivePaths(
      ReportDocument doc, RunDirectory dir, List<Candidate> all, int mainM, List<Path> written) {
    doc.heading(2, "One-shot accuracy by number of active paths (m = " + mainM + ")");
    doc.paragraph(
        "One panel per setting, same accuracy axis. Each box: the one-shot accuracies of all choices with "
            + "that many active paths, pooled over seeds. Without SBN, sums of several paths shift the BN statistics and "
            + "multi-path candidates score low.");
    Map<Candidate.Setting, Map<String, double[]>> panels = new LinkedHashMap<>();
    group(all, mainM)
        .forEach(
            (s, rows) -> {
              Map<String, double[]> groups = new LinkedHashMap<>();
              for (int k = 1; k <= mainM; k++) {
                final int kk = k;
                double[] v =
                    rows.stream()
                        .filter(c -> c.activePaths() == kk)
                        .mapToDouble(Candidate::oneShotAccuracy)
                        .toArray();
                groups.put(k + " (n=" + v.length + ")", v);
              }
              panels.put(s, groups);
            });
    emit(
        doc,
        dir,
        "plots/paths.png",
        "One-shot accuracy by number of active paths, one panel per setting",
        faceted(panels, "active paths", all),
        written);
  }

  /**
   * Settings with several m in the file: one faceted figure of the accuracies of each supernet of
   * max m.
   */
  static void distributionsByMaxPaths(
      ReportDocument doc, RunDirectory dir, List<Candidate> all, List<Path> written) {
    Map<Candidate.Setting, TreeMap<Integer, List<Double>>> by = new TreeMap<>();
    for (Candidate c : all) {
      by.computeIfAbsent(c.setting(), k -> new TreeMap<>())
          .computeIfAbsent(c.maxPaths(), k -> new ArrayList<>())
          .add(c.oneShotAccuracy());
    }
    if (by.values().stream().noneMatch(m -> m.size() > 1)) {
      return;
    }
    doc.heading(2, "One-shot accuracy by maximum number of paths m");
    doc.paragraph(
        "One panel per setting with several m, same accuracy axis. Each box: the one-shot accuracies of "
            + "all choices of a supernet trained with at most m active paths (seeds pooled).");
    Map<Candidate.Setting, Map<String, double[]>> panels = new LinkedHashMap<>();
    by.forEach(
        (s, perM) -> {
          if (perM.size() > 1) {
            Map<String, double[]> groups = new LinkedHashMap<>();
            perM.forEach(
                (m, v) ->
                    groups.put(
                        "m=" + m + " (n=" + v.size() + ")",
                        v.stream().mapToDouble(Double::doubleValue).toArray()));
            panels.put(s, groups);
          }
        });
    emit(
        doc,
        dir,
        "plots/maxpaths.png",
        "One-shot accuracy by maximum paths m, one panel per setting",
        faceted(panels, "maximum paths m", all),
        written);
  }

  private static byte[] faceted(
      Map<Candidate.Setting, Map<String, double[]>> panels, String xTitle, List<Candidate> all) {
    double lo = all.stream().mapToDouble(Candidate::oneShotAccuracy).min().orElse(0);
    double hi = all.stream().mapToDouble(Candidate::oneShotAccuracy).max().orElse(1);
    double pad = Math.max(0.005, (hi - lo) * 0.05);
    List<org.knowm.xchart.XYChart> charts = new ArrayList<>();
    panels.forEach(
        (s, groups) ->
            charts.add(
                BoxPanel.chart(
                    s.label(),
                    xTitle,
                    "one-shot accuracy",
                    groups,
                    PANEL_WIDTH,
                    PANEL_HEIGHT,
                    lo - pad,
                    hi + pad)));
    return FacetGrid.png(charts, COLUMNS);
  }

  /**
   * Per setting, lowest seed: one-shot vs ground-truth accuracy of the unique architectures
   * (default variant).
   */
  static void scatters(
      ReportDocument doc,
      RunDirectory dir,
      List<ReportResult.VariantResult> variants,
      List<Path> written) {
    doc.heading(2, "One-shot vs ground-truth accuracy");
    doc.paragraph(
        "Unique architectures (default variant), lowest seed of each setting; one series per number of "
            + "active paths of the architecture.");
    Map<Candidate.Setting, ReportResult.VariantResult> first = new TreeMap<>();
    for (ReportResult.VariantResult vr : variants) {
      if (vr.result().variant().equals(Variant.DEFAULT)) {
        first.merge(vr.run().setting(), vr, (a, b) -> a.run().seed() <= b.run().seed() ? a : b);
      }
    }
    first.forEach(
        (s, vr) -> {
          RankingEvaluator.Items items = vr.result().items();
          TreeSet<Integer> ks = new TreeSet<>();
          for (int k : items.activePaths()) {
            ks.add(k);
          }
          List<Charts.Series> series = new ArrayList<>();
          for (int k : ks) {
            List<double[]> pts = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
              if (items.activePaths()[i] == k) {
                pts.add(new double[] {items.truth()[i], items.predicted()[i]});
              }
            }
            series.add(
                new Charts.Series(
                    k + (k == 1 ? " path" : " paths"),
                    pts.stream().mapToDouble(p -> p[0]).toArray(),
                    pts.stream().mapToDouble(p -> p[1]).toArray()));
          }
          String title =
              String.format(
                  java.util.Locale.ROOT,
                  "%s seed %d: tau-b %s (ceiling %s)",
                  s.label(),
                  vr.run().seed(),
                  ReportFormat.f(vr.result().tau().estimate()),
                  ReportFormat.f(vr.result().noiseCeiling()));
          emit(
              doc,
              dir,
              "plots/scatter-" + s.slug() + ".png",
              title,
              Charts.scatter(
                  title,
                  "ground truth: mean validation accuracy (fraction)",
                  "one-shot accuracy (fraction)",
                  series),
              written);
        });
  }

  private static Map<Candidate.Setting, List<Candidate>> group(List<Candidate> all, int m) {
    Map<Candidate.Setting, List<Candidate>> by = new TreeMap<>();
    all.stream()
        .filter(c -> c.maxPaths() == m)
        .forEach(c -> by.computeIfAbsent(c.setting(), k -> new ArrayList<>()).add(c));
    return by;
  }

  private static void emit(
      ReportDocument doc,
      RunDirectory dir,
      String rel,
      String caption,
      byte[] png,
      List<Path> written) {
    Path p = dir.root().resolve(rel);
    AtomicFiles.write(p, png);
    written.add(p);
    doc.image(caption, rel, png);
  }
}
