package dev.nasrank.harness.report;

import static dev.nasrank.harness.report.ReportFormat.f;

import dev.nasrank.harness.candidates.Candidate;
import dev.nasrank.harness.metrics.RankMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every measurement under every {@link Variant}, per seed and summarised over seeds: {@code
 * variants.csv}, {@code summary.csv} and the report's per-seed and variants tables (folded away;
 * degenerate variants marked).
 */
final class VariantSummaries {
  private VariantSummaries() {}

  /** Mean and sample standard deviation over seeds of one setting and variant. */
  record Summary(
      Candidate.Setting setting,
      Variant variant,
      int seeds,
      int n,
      Stat tau,
      Stat spearman,
      Stat sparseTau,
      Map<Integer, Stat> precision,
      Stat ceiling,
      RankingEvaluator.Result single) {}

  /** Mean and sample standard deviation (NaN for one value); NaN inputs make both NaN. */
  record Stat(double mean, double sd) {
    static Stat of(double[] v) {
      double m = 0;
      for (double x : v) {
        m += x;
      }
      m /= v.length;
      if (v.length < 2) {
        return new Stat(m, Double.NaN);
      }
      double ss = 0;
      for (double x : v) {
        ss += (x - m) * (x - m);
      }
      return new Stat(m, Math.sqrt(ss / (v.length - 1)));
    }

    String format() {
      return Double.isNaN(sd) ? f(mean) : f(mean) + " ± " + f(sd);
    }
  }

  static List<Summary> summarize(List<ReportResult.VariantResult> variants) {
    Map<Candidate.Setting, Map<Variant, List<RankingEvaluator.Result>>> by = new TreeMap<>();
    for (ReportResult.VariantResult vr : variants) {
      by.computeIfAbsent(vr.run().setting(), k -> new LinkedHashMap<>())
          .computeIfAbsent(vr.result().variant(), k -> new ArrayList<>())
          .add(vr.result());
    }
    List<Summary> out = new ArrayList<>();
    by.forEach(
        (setting, perVariant) ->
            perVariant.forEach(
                (variant, rs) -> {
                  Map<Integer, Stat> pk = new LinkedHashMap<>();
                  rs.get(0)
                      .precisionAtK()
                      .keySet()
                      .forEach(
                          k ->
                              pk.put(
                                  k,
                                  Stat.of(
                                      rs.stream()
                                          .mapToDouble(r -> r.precisionAtK().get(k))
                                          .toArray())));
                  out.add(
                      new Summary(
                          setting,
                          variant,
                          rs.size(),
                          rs.get(0).n(),
                          Stat.of(rs.stream().mapToDouble(r -> r.tau().estimate()).toArray()),
                          Stat.of(
                              rs.stream().mapToDouble(RankingEvaluator.Result::spearman).toArray()),
                          Stat.of(
                              rs.stream()
                                  .mapToDouble(RankingEvaluator.Result::sparseTau)
                                  .toArray()),
                          pk,
                          Stat.of(
                              rs.stream()
                                  .mapToDouble(RankingEvaluator.Result::noiseCeiling)
                                  .toArray()),
                          rs.size() == 1 ? rs.get(0) : null));
                }));
    return out;
  }

  static void perSeedTable(ReportDocument doc, List<RankingRow> ranking) {
    doc.heading(2, "Rankings per seed (ranking.csv)");
    doc.beginFold(
        ranking.size()
            + " rankings: tau-b with its bootstrap interval over architectures, one seed each");
    List<List<String>> rows = new ArrayList<>();
    for (RankingRow r : ranking) {
      rows.add(
          List.of(
              r.method(),
              r.bnStrategy(),
              String.valueOf(r.calibrated()),
              String.valueOf(r.seed()),
              String.valueOf(r.n()),
              f(r.kendallTau()),
              "[" + f(r.kendallTauLow()) + ", " + f(r.kendallTauHigh()) + "]",
              f(r.spearman()),
              f(r.noiseCeiling())));
    }
    doc.table(
        List.of(
            "method",
            "bn_strategy",
            "calibrated",
            "seed",
            "n",
            "tau-b",
            "bootstrap 95%",
            "spearman",
            "noise ceiling"),
        rows);
    doc.endFold();
  }

  static void variantTable(
      ReportDocument doc, List<Summary> summaries, List<Integer> ks, double alpha) {
    doc.heading(2, "Variants");
    long degenerate = summaries.stream().filter(s -> degenerate(s, alpha)).count();
    doc.paragraph(
        "Each measurement under each labelled variant (mean ± sd over seeds). Unique architectures: "
            + "choices with one NAS-Bench-101 hash are one item scored by their mean one-shot accuracy. Choices: every "
            + "S4 choice is an item (architectures with several choices count several times). One seeded repeat: one "
            + "ground-truth repeat per architecture, picked by the repeat seed. "
            + Variant.DROPPED
            + " worst dropped: "
            + "the reference code's filter (the "
            + Variant.DROPPED
            + " lowest one-shot accuracies removed before tau). "
            + "Degenerate: so few items that even a perfect ranking would not be significant at "
            + f(alpha)
            + " (2/n! >= alpha, e.g. the filter over 34 architectures leaves n = 4), or tau undefined.");
    doc.beginFold(summaries.size() + " settings x variants, " + degenerate + " degenerate");
    List<String> header =
        new ArrayList<>(List.of("setting", "variant", "n", "tau-b", "sparse tau", "spearman"));
    ks.forEach(k -> header.add("P@" + k));
    header.add("noise ceiling");
    List<List<String>> rows = new ArrayList<>();
    for (Summary s : summaries) {
      String n = s.n() + (degenerate(s, alpha) ? " (degenerate)" : "");
      List<String> row =
          new ArrayList<>(
              List.of(
                  s.setting().label(),
                  s.variant().label(),
                  n,
                  s.tau().format(),
                  s.sparseTau().format(),
                  s.spearman().format()));
      s.precision().values().forEach(p -> row.add(p.format()));
      row.add(f(s.ceiling().mean()));
      rows.add(row);
    }
    doc.table(header, rows);
    doc.endFold();
  }

  /**
   * Whether a measurement is degenerate ({@link RankMetrics#perfectRankingPValue}, or an undefined
   * tau).
   */
  static boolean degenerate(Summary s, double alpha) {
    return RankMetrics.perfectRankingPValue(s.n()) >= alpha || Double.isNaN(s.tau().mean());
  }

  static String variantsCsv(
      List<ReportResult.VariantResult> variants, List<Integer> ks, List<String> kCols) {
    StringBuilder sb =
        new StringBuilder(
            "method,bn_strategy,calibrated,seed,unit,ground_truth,filter,n,"
                + "kendall_tau,kendall_tau_low,kendall_tau_high,sparse_kendall_tau,spearman,"
                + String.join(",", kCols)
                + (kCols.isEmpty() ? "" : ",")
                + "noise_ceiling\n");
    for (ReportResult.VariantResult vr : variants) {
      RankingEvaluator.Result r = vr.result();
      Candidate.Setting s = vr.run().setting();
      sb.append(
          String.join(
              ",",
              s.method(),
              s.bnStrategy(),
              String.valueOf(s.calibrated()),
              String.valueOf(vr.run().seed()),
              r.variant().unitKey(),
              r.variant().groundTruthKey(),
              r.variant().filterKey(),
              String.valueOf(r.n()),
              RankingCsv.num(r.tau().estimate()),
              RankingCsv.num(r.tau().low()),
              RankingCsv.num(r.tau().high()),
              RankingCsv.num(r.sparseTau()),
              RankingCsv.num(r.spearman())));
      for (int k : ks) {
        sb.append(',').append(RankingCsv.num(r.precisionAtK().get(k)));
      }
      sb.append(',').append(RankingCsv.num(r.noiseCeiling())).append('\n');
    }
    return sb.toString();
  }

  static String summaryCsv(List<Summary> summaries) {
    StringBuilder sb =
        new StringBuilder(
            "method,bn_strategy,calibrated,unit,ground_truth,filter,seeds,n,"
                + "kendall_tau_mean,kendall_tau_sd,sparse_kendall_tau_mean,sparse_kendall_tau_sd,spearman_mean,spearman_sd,"
                + "noise_ceiling_mean\n");
    for (Summary s : summaries) {
      sb.append(
              String.join(
                  ",",
                  s.setting().method(),
                  s.setting().bnStrategy(),
                  String.valueOf(s.setting().calibrated()),
                  s.variant().unitKey(),
                  s.variant().groundTruthKey(),
                  s.variant().filterKey(),
                  String.valueOf(s.seeds()),
                  String.valueOf(s.n()),
                  RankingCsv.num(s.tau().mean()),
                  RankingCsv.num(s.tau().sd()),
                  RankingCsv.num(s.sparseTau().mean()),
                  RankingCsv.num(s.sparseTau().sd()),
                  RankingCsv.num(s.spearman().mean()),
                  RankingCsv.num(s.spearman().sd()),
                  RankingCsv.num(s.ceiling().mean())))
          .append('\n');
    }
    return sb.toString();
  }
}
