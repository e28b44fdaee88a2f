package dev.nasrank.harness.report;

import dev.nasrank.benchbridge.io.AtomicFiles;
import dev.nasrank.harness.manifest.ManifestIo;
import dev.nasrank.harness.manifest.RunManifest;
import dev.nasrank.harness.report.claims.ClaimResult;
import dev.nasrank.harness.report.claims.ClaimsCsv;
import dev.nasrank.harness.report.claims.PaperClaims;
import dev.nasrank.harness.report.diagnostics.DiagnosticsFile;
import dev.nasrank.harness.report.metrics.BootstrapInterval;
import dev.nasrank.harness.report.metrics.RankMetrics;
import dev.nasrank.harness.report.stats.HierarchicalBootstrap;
import dev.nasrank.harness.report.stats.StatisticsCsv;
import dev.nasrank.harness.report.stats.StudyData;
import dev.nasrank.harness.report.stats.StudyStatistics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Renders the report of a run directory: reads {@code candidates.csv}, measures every ranking (one
 * per method, BN strategy, calibration and seed) against the ground truth in every {@link Variant},
 * computes the study's statistics over seeds and audits the paper's claims, and writes {@code
 * ranking.csv} (default variant), {@code variants.csv}, {@code summary.csv}, {@code settings.csv},
 * {@code comparisons.csv}, {@code claims.csv}, PNG plots, {@code report.md} and a self-contained
 * {@code report.html}; all writes are atomic. The report leads with the answer: claims, every
 * setting's tau, pairwise differences. Rankings use the candidates of the largest maximum-path
 * count m in the file; smaller m only feed the "by m" distribution plots.
 */
public final class Reporter {
  private Reporter() {}

  /** Receives progress: measurements done out of the total. */
  @FunctionalInterface
  public interface Progress {
    void update(int done, int total);
  }

  /** The library entry point the suite calls after writing candidates.csv (and run.json). */
  public static ReportResult render(RunDirectory dir, GroundTruth gt, ReportOptions options) {
    return render(dir, gt, options, (done, total) -> {});
  }

  /**
   * As {@link #render(RunDirectory, GroundTruth, ReportOptions)}, reporting progress over the
   * measurements.
   */
  public static ReportResult render(
      RunDirectory dir, GroundTruth gt, ReportOptions options, Progress progress) {
    long start = System.nanoTime();
    List<Candidate> read = CandidatesCsv.read(dir.candidatesCsv());
    // Rank over the architectures the ground truth holds (a partial ground truth leaves the others
    // out, and the
    // report says how many).
    List<Candidate> all = read.stream().filter(c -> gt.contains(c.moduleHash())).toList();
    long uniqueRead = read.stream().map(Candidate::moduleHash).distinct().count();
    long uniqueCovered = all.stream().map(Candidate::moduleHash).distinct().count();
    if (all.isEmpty()) {
      throw new IllegalArgumentException(
          "ground truth ("
              + gt.description()
              + ") holds none of the "
              + uniqueRead
              + " architectures in "
              + dir.candidatesCsv());
    }
    int mainM = read.stream().mapToInt(Candidate::maxPaths).max().orElseThrow();
    Map<Candidate.RunKey, List<Candidate>> runs = new TreeMap<>();
    all.stream()
        .filter(c -> c.maxPaths() == mainM)
        .forEach(c -> runs.computeIfAbsent(c.runKey(), k -> new ArrayList<>()).add(c));

    RankingEvaluator evaluator =
        RankingEvaluator.defaults()
            .withBootstrap(
                BootstrapInterval.defaults()
                    .withResamples(options.bootstrapResamples())
                    .withSeed(options.bootstrapSeed()))
            .withRepeatSeed(options.repeatSeed())
            .withPrecisionKs(options.precisionKs().stream().mapToInt(Integer::intValue).toArray());

    List<RankingRow> ranking = new ArrayList<>();
    List<ReportResult.VariantResult> variants = new ArrayList<>();
    int total = runs.size() * options.variants().size();
    for (Map.Entry<Candidate.RunKey, List<Candidate>> run : runs.entrySet()) {
      for (Variant v : options.variants()) {
        RankingEvaluator.Result r = evaluator.evaluate(run.getValue(), gt, v);
        progress.update(variants.size() + 1, total);
        variants.add(new ReportResult.VariantResult(run.getKey(), r));
        if (v.equals(Variant.DEFAULT)) {
          Candidate.Setting s = run.getKey().setting();
          ranking.add(
              new RankingRow(
                  s.method(),
                  s.bnStrategy(),
                  s.calibrated(),
                  run.getKey().seed(),
                  r.n(),
                  r.tau().estimate(),
                  r.tau().low(),
                  r.tau().high(),
                  r.spearman(),
                  r.noiseCeiling()));
        }
      }
    }
    List<String> kCols = options.precisionKs().stream().map(k -> "precision_at_" + k).toList();
    RankingCsv.write(dir.rankingCsv(), ranking);
    AtomicFiles.writeString(dir.variantsCsv(), variantsCsv(variants, options.precisionKs(), kCols));
    List<Summary> summaries = summarize(variants);
    AtomicFiles.writeString(dir.summaryCsv(), summaryCsv(summaries));

    StudyStatistics statistics =
        StudyStatistics.of(
            StudyData.of(runs, gt),
            HierarchicalBootstrap.of(options.studyResamples(), options.bootstrapSeed()),
            options.alpha(),
            options.power());
    StatisticsCsv.write(dir.settingsCsv(), dir.comparisonsCsv(), statistics);
    DiagnosticsFile diagnostics =
        Files.isRegularFile(dir.diagnosticsJson())
            ? DiagnosticsFile.read(dir.diagnosticsJson())
            : null;
    List<ClaimResult> claims =
        PaperClaims.audit(
            statistics,
            diagnostics == null ? List.of() : diagnostics.sbn(),
            read,
            options.studyResamples(),
            options.bootstrapSeed());
    ClaimsCsv.write(dir.claimsCsv(), claims);

    ReportDocument doc =
        new ReportDocument("nasrank report: " + dir.root().toAbsolutePath().getFileName());
    TreeSet<Long> seeds =
        runs.keySet().stream()
            .map(Candidate.RunKey::seed)
            .collect(Collectors.toCollection(TreeSet::new));
    doc.paragraph(
        String.format(
            Locale.ROOT,
            "%d candidate rows, %d rankings (%d settings x seeds %s), maximum "
                + "paths m = %d. Ground truth: %s; default = mean of the repeats' final validation accuracies. Accuracies "
                + "are fractions in [0,1]. Every tau is Kendall tau-b; 'ceiling' is the noise ceiling (mean tau-b between "
                + "ground-truth repeats over the same architectures). Definitions: docs/report.md.",
            all.size(),
            runs.size(),
            runs.keySet().stream().map(Candidate.RunKey::setting).distinct().count(),
            seeds,
            mainM,
            gt.description()));
    if (uniqueCovered < uniqueRead) {
      doc.paragraph(
          String.format(
              Locale.ROOT,
              "The ground truth holds %d of the %d architectures evaluated; the "
                  + "other %d (%d candidate rows) are left out of every ranking.",
              uniqueCovered,
              uniqueRead,
              uniqueRead - uniqueCovered,
              read.size() - all.size()));
    }
    List<Path> plots = new ArrayList<>();
    StudySections.claims(doc, claims);
    StudySections.settings(doc, dir, statistics, options.plots(), plots);
    StudySections.pairs(doc, dir, statistics, options.plots(), plots);
    perSeedTable(doc, ranking);
    variantTable(doc, summaries, options.precisionKs(), options.alpha());

    if (options.plots()) {
      Plots.distributionsByActivePaths(doc, dir, read, mainM, plots);
      Plots.distributionsByMaxPaths(doc, dir, read, plots);
      Plots.scatters(doc, dir, variants, plots);
    }
    if (diagnostics != null) {
      DiagnosticsSection.render(doc, dir, diagnostics, options.plots(), plots);
    }

    boolean manifestWritten = false;
    if (!Files.isRegularFile(dir.runJson())) {
      Map<String, Object> config = new LinkedHashMap<>();
      config.put("report", options);
      config.put("groundTruth", gt.description());
      RunManifest m =
          RunManifest.builder()
              .profile("report-only")
              .configuration(config)
              .seed("bootstrap", options.bootstrapSeed())
              .seed("repeat", options.repeatSeed())
              .dataset("candidates.csv", dir.candidatesCsv())
              .device("none (report only)")
              .timing("report", (System.nanoTime() - start) / 1e9)
              .build();
      ManifestIo.write(dir.runJson(), m);
      manifestWritten = true;
    }
    DiagnosticsSection.manifest(doc, ManifestIo.read(dir.runJson()), manifestWritten);

    AtomicFiles.writeString(dir.reportMd(), doc.toMarkdown());
    AtomicFiles.writeString(dir.reportHtml(), doc.toHtml());
    return new ReportResult(
        dir,
        List.copyOf(ranking),
        List.copyOf(variants),
        statistics,
        claims,
        List.copyOf(plots),
        manifestWritten);
  }

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

  private static void perSeedTable(ReportDocument doc, List<RankingRow> ranking) {
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

  private static void variantTable(
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

  static String f(double v) {
    return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%.3f", v);
  }

  static String slug(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
  }
}
