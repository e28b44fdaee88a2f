package dev.nasrank.harness.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nasrank.harness.manifest.ManifestDiff;
import dev.nasrank.harness.manifest.ManifestIo;
import dev.nasrank.harness.manifest.RunManifest;
import dev.nasrank.harness.report.diagnostics.DiagnosticsFile;
import dev.nasrank.harness.report.diagnostics.SbnStatistics;
import dev.nasrank.harness.report.metrics.BootstrapInterval;
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
 * Renders the report of a run directory: reads {@code candidates.csv}, measures every ranking (one per method,
 * BN strategy, calibration and seed) against the ground truth in every {@link Variant}, and writes
 * {@code ranking.csv} (default variant), {@code variants.csv}, {@code summary.csv}, PNG plots, {@code report.md}
 * and a self-contained {@code report.html}; all writes are atomic. Rankings use the candidates of the largest
 * maximum-path count m in the file; smaller m only feed the "by m" distribution plots.
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
    return render(dir, gt, options, (done, total) -> { });
  }

  /** As {@link #render(RunDirectory, GroundTruth, ReportOptions)}, reporting progress over the measurements. */
  public static ReportResult render(RunDirectory dir, GroundTruth gt, ReportOptions options, Progress progress) {
    long start = System.nanoTime();
    List<Candidate> read = CandidatesCsv.read(dir.candidatesCsv());
    // Rank over the architectures the ground truth holds (a partial ground truth leaves the others out, and the
    // report says how many).
    List<Candidate> all = read.stream().filter(c -> gt.contains(c.moduleHash())).toList();
    long uniqueRead = read.stream().map(Candidate::moduleHash).distinct().count();
    long uniqueCovered = all.stream().map(Candidate::moduleHash).distinct().count();
    if (all.isEmpty()) {
      throw new IllegalArgumentException("ground truth (" + gt.description() + ") holds none of the "
          + uniqueRead + " architectures in " + dir.candidatesCsv());
    }
    int mainM = read.stream().mapToInt(Candidate::maxPaths).max().orElseThrow();
    Map<Candidate.RunKey, List<Candidate>> runs = new TreeMap<>();
    all.stream().filter(c -> c.maxPaths() == mainM)
        .forEach(c -> runs.computeIfAbsent(c.runKey(), k -> new ArrayList<>()).add(c));

    RankingEvaluator evaluator = RankingEvaluator.defaults()
        .withBootstrap(BootstrapInterval.defaults().withResamples(options.bootstrapResamples())
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
          ranking.add(new RankingRow(s.method(), s.bnStrategy(), s.calibrated(), run.getKey().seed(), r.n(),
              r.tau().estimate(), r.tau().low(), r.tau().high(), r.spearman(), r.noiseCeiling()));
        }
      }
    }
    List<String> kCols = options.precisionKs().stream().map(k -> "precision_at_" + k).toList();
    RankingCsv.write(dir.rankingCsv(), ranking);
    AtomicFiles.writeString(dir.variantsCsv(), variantsCsv(variants, options.precisionKs(), kCols));
    List<Summary> summaries = summarize(variants);
    AtomicFiles.writeString(dir.summaryCsv(), summaryCsv(summaries));

    ReportDocument doc = new ReportDocument("nasrank report: " + dir.root().toAbsolutePath().getFileName());
    TreeSet<Long> seeds = runs.keySet().stream().map(Candidate.RunKey::seed)
        .collect(Collectors.toCollection(TreeSet::new));
    doc.paragraph(String.format(Locale.ROOT, "%d candidate rows, %d rankings (%d settings x seeds %s), maximum "
        + "paths m = %d. Ground truth: %s; default = mean of the repeats' final validation accuracies. Accuracies "
        + "are fractions in [0,1]. Every tau is Kendall tau-b; 'ceiling' is the noise ceiling (mean tau-b between "
        + "ground-truth repeats over the same architectures). Definitions: docs/report.md.",
        all.size(), runs.size(), runs.keySet().stream().map(Candidate.RunKey::setting).distinct().count(), seeds,
        mainM, gt.description()));
    if (uniqueCovered < uniqueRead) {
      doc.paragraph(String.format(Locale.ROOT, "The ground truth holds %d of the %d architectures evaluated; the "
          + "other %d (%d candidate rows) are left out of every ranking.", uniqueCovered, uniqueRead,
          uniqueRead - uniqueCovered, read.size() - all.size()));
    }
    tauTable(doc, summaries);
    perSeedTable(doc, ranking);
    variantTable(doc, summaries, options.precisionKs());

    List<Path> plots = new ArrayList<>();
    if (options.plots()) {
      Plots.distributionsByActivePaths(doc, dir, read, mainM, plots);
      Plots.distributionsByMaxPaths(doc, dir, read, plots);
      Plots.scatters(doc, dir, variants, plots);
    }
    if (Files.isRegularFile(dir.diagnosticsJson())) {
      diagnostics(doc, dir, DiagnosticsFile.read(dir.diagnosticsJson()), options.plots(), plots);
    }

    boolean manifestWritten = false;
    if (!Files.isRegularFile(dir.runJson())) {
      Map<String, Object> config = new LinkedHashMap<>();
      config.put("report", options);
      config.put("groundTruth", gt.description());
      RunManifest m = RunManifest.builder().profile("report-only").configuration(config)
          .seed("bootstrap", options.bootstrapSeed()).seed("repeat", options.repeatSeed())
          .dataset("candidates.csv", dir.candidatesCsv()).device("none (report only)")
          .timing("report", (System.nanoTime() - start) / 1e9).build();
      ManifestIo.write(dir.runJson(), m);
      manifestWritten = true;
    }
    manifestSection(doc, ManifestIo.read(dir.runJson()), manifestWritten);

    AtomicFiles.writeString(dir.reportMd(), doc.toMarkdown());
    AtomicFiles.writeString(dir.reportHtml(), doc.toHtml());
    return new ReportResult(dir, List.copyOf(ranking), List.copyOf(variants), List.copyOf(plots), manifestWritten);
  }

  /** Mean and sample standard deviation over seeds of one setting and variant. */
  record Summary(Candidate.Setting setting, Variant variant, int seeds, int n, Stat tau, Stat spearman,
      Stat sparseTau, Map<Integer, Stat> precision, Stat ceiling, RankingEvaluator.Result single) {}

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
          .computeIfAbsent(vr.result().variant(), k -> new ArrayList<>()).add(vr.result());
    }
    List<Summary> out = new ArrayList<>();
    by.forEach((setting, perVariant) -> perVariant.forEach((variant, rs) -> {
      Map<Integer, Stat> pk = new LinkedHashMap<>();
      rs.get(0).precisionAtK().keySet().forEach(k ->
          pk.put(k, Stat.of(rs.stream().mapToDouble(r -> r.precisionAtK().get(k)).toArray())));
      out.add(new Summary(setting, variant, rs.size(), rs.get(0).n(),
          Stat.of(rs.stream().mapToDouble(r -> r.tau().estimate()).toArray()),
          Stat.of(rs.stream().mapToDouble(RankingEvaluator.Result::spearman).toArray()),
          Stat.of(rs.stream().mapToDouble(RankingEvaluator.Result::sparseTau).toArray()), pk,
          Stat.of(rs.stream().mapToDouble(RankingEvaluator.Result::noiseCeiling).toArray()),
          rs.size() == 1 ? rs.get(0) : null));
    }));
    return out;
  }

  private static void tauTable(ReportDocument doc, List<Summary> summaries) {
    doc.heading(2, "Kendall tau: method x BN strategy x calibration");
    doc.paragraph("Default variant: " + Variant.DEFAULT.label() + ". A cell is tau-b (mean ± sd over seeds, or "
        + "with its bootstrap 95% interval for a single seed) and the noise ceiling.");
    Map<String, String[]> rows = new LinkedHashMap<>();
    for (Summary s : summaries) {
      if (!s.variant().equals(Variant.DEFAULT)) {
        continue;
      }
      String[] cells = rows.computeIfAbsent(s.setting().method() + "|" + s.setting().bnStrategy(),
          k -> new String[] {"-", "-"});
      cells[s.setting().calibrated() ? 1 : 0] = tauCell(s);
    }
    List<List<String>> table = new ArrayList<>();
    rows.forEach((k, cells) -> {
      String[] mk = k.split("\\|");
      table.add(List.of(mk[0], mk[1], cells[0], cells[1]));
    });
    doc.table(List.of("method", "bn_strategy", "uncalibrated", "BN post-calibrated"), table);
  }

  private static String tauCell(Summary s) {
    String tau = s.single() != null
        ? f(s.tau().mean()) + " [" + f(s.single().tau().low()) + ", " + f(s.single().tau().high()) + "]"
        : s.tau().format() + " (" + s.seeds() + " seeds)";
    return tau + "; ceiling " + f(s.ceiling().mean());
  }

  private static void perSeedTable(ReportDocument doc, List<RankingRow> ranking) {
    doc.heading(2, "Rankings per seed (ranking.csv)");
    List<List<String>> rows = new ArrayList<>();
    for (RankingRow r : ranking) {
      rows.add(List.of(r.method(), r.bnStrategy(), String.valueOf(r.calibrated()), String.valueOf(r.seed()),
          String.valueOf(r.n()), f(r.kendallTau()), "[" + f(r.kendallTauLow()) + ", " + f(r.kendallTauHigh()) + "]",
          f(r.spearman()), f(r.noiseCeiling())));
    }
    doc.table(List.of("method", "bn_strategy", "calibrated", "seed", "n", "tau-b", "bootstrap 95%", "spearman",
        "noise ceiling"), rows);
  }

  private static void variantTable(ReportDocument doc, List<Summary> summaries, List<Integer> ks) {
    doc.heading(2, "Variants");
    doc.paragraph("Each measurement under each labelled variant (mean ± sd over seeds). Unique architectures: "
        + "choices with one NAS-Bench-101 hash are one item scored by their mean one-shot accuracy. Choices: every "
        + "S4 choice is an item (architectures with several choices count several times). One seeded repeat: one "
        + "ground-truth repeat per architecture, picked by the repeat seed. " + Variant.DROPPED + " worst dropped: "
        + "the reference code's filter (the " + Variant.DROPPED + " lowest one-shot accuracies removed before tau).");
    List<String> header = new ArrayList<>(List.of("setting", "variant", "n", "tau-b", "sparse tau", "spearman"));
    ks.forEach(k -> header.add("P@" + k));
    header.add("noise ceiling");
    List<List<String>> rows = new ArrayList<>();
    for (Summary s : summaries) {
      List<String> row = new ArrayList<>(List.of(s.setting().label(), s.variant().label(), String.valueOf(s.n()),
          s.tau().format(), s.sparseTau().format(), s.spearman().format()));
      s.precision().values().forEach(p -> row.add(p.format()));
      row.add(f(s.ceiling().mean()));
      rows.add(row);
    }
    doc.table(header, rows);
  }

  private static void diagnostics(ReportDocument doc, RunDirectory dir, DiagnosticsFile d, boolean plots,
      List<Path> written) {
    doc.heading(2, "Feature and Shadow-BN diagnostics");
    for (DiagnosticsFile.NamedSimilarity ns : d.features()) {
      doc.heading(3, "Cosine similarity: " + ns.name());
      List<List<String>> rows = new ArrayList<>();
      for (int i = 0; i < ns.similarity().labels().size(); i++) {
        List<String> row = new ArrayList<>(List.of(ns.similarity().labels().get(i),
            f(ns.similarity().magnitudes()[i])));
        for (double c : ns.similarity().cosine()[i]) {
          row.add(f(c));
        }
        rows.add(row);
      }
      List<String> header = new ArrayList<>(List.of("feature", "L2 magnitude"));
      header.addAll(ns.similarity().labels());
      doc.table(header, rows);
      if (plots) {
        String rel = "plots/cosine-" + slug(ns.name()) + ".png";
        byte[] png = Charts.heatmap("Cosine similarity: " + ns.name(), ns.similarity().labels(),
            ns.similarity().cosine(), -1, 1);
        AtomicFiles.write(dir.root().resolve(rel), png);
        written.add(dir.root().resolve(rel));
        doc.image("Cosine similarity: " + ns.name(), rel, png);
      }
    }
    if (!d.sbn().isEmpty()) {
      doc.paragraph("Shadow BN: ratio 1 means mean_k = k * mean_1 (var_k = k^2 * var_1) holds exactly "
          + "(least-squares slope over channels divided by k or k^2); close gamma/beta (cosine near 1, relative "
          + "distance near 0) is the Lemma 3.1 picture.");
      List<List<String>> scale = new ArrayList<>();
      List<List<String>> affine = new ArrayList<>();
      StringBuilder csvScale = new StringBuilder("layer,bn,active_paths,mean_ratio,var_ratio\n");
      StringBuilder csvAffine = new StringBuilder(
          "layer,bn_a,bn_b,gamma_cosine,gamma_relative_distance,beta_cosine,beta_relative_distance\n");
      for (DiagnosticsFile.SbnLayer layer : d.sbn()) {
        for (SbnStatistics.ScalingRow r : SbnStatistics.scaling(layer.layer(), layer.bns())) {
          scale.add(List.of(r.layer(), r.bn(), String.valueOf(r.activePaths()), f(r.meanRatio()), f(r.varRatio())));
          csvScale.append(String.join(",", r.layer(), r.bn(), String.valueOf(r.activePaths()),
              RankingCsv.num(r.meanRatio()), RankingCsv.num(r.varRatio()))).append('\n');
        }
        for (SbnStatistics.AffineRow r : SbnStatistics.affine(layer.layer(), layer.bns())) {
          affine.add(List.of(r.layer(), r.bnA() + " vs " + r.bnB(), f(r.gammaCosine()), f(r.gammaRelativeDistance()),
              f(r.betaCosine()), f(r.betaRelativeDistance())));
          csvAffine.append(String.join(",", r.layer(), r.bnA(), r.bnB(), RankingCsv.num(r.gammaCosine()),
              RankingCsv.num(r.gammaRelativeDistance()), RankingCsv.num(r.betaCosine()),
              RankingCsv.num(r.betaRelativeDistance()))).append('\n');
        }
      }
      doc.heading(3, "SBN statistics against k x and k^2 x SBN_1 (sbn_scaling.csv)");
      doc.table(List.of("layer", "BN", "active paths", "mean_k / (k mean_1)", "var_k / (k^2 var_1)"), scale);
      doc.heading(3, "SBN affine parameters, pairwise (sbn_affine.csv)");
      doc.table(List.of("layer", "pair", "gamma cosine", "gamma rel. distance", "beta cosine", "beta rel. distance"),
          affine);
      AtomicFiles.writeString(dir.root().resolve("sbn_scaling.csv"), csvScale.toString());
      AtomicFiles.writeString(dir.root().resolve("sbn_affine.csv"), csvAffine.toString());
    }
  }

  private static void manifestSection(ReportDocument doc, JsonNode manifest, boolean written) {
    doc.heading(2, "Run manifest (run.json)");
    doc.paragraph(written ? "No run.json was present; this one was written at report time (profile report-only)."
        : "As written by the suite.");
    List<List<String>> rows = new ArrayList<>();
    ManifestDiff.flatten(manifest).forEach((k, v) -> rows.add(List.of(k, v)));
    doc.table(List.of("field", "value"), rows);
  }

  static String variantsCsv(List<ReportResult.VariantResult> variants, List<Integer> ks, List<String> kCols) {
    StringBuilder sb = new StringBuilder("method,bn_strategy,calibrated,seed,unit,ground_truth,filter,n,"
        + "kendall_tau,kendall_tau_low,kendall_tau_high,sparse_kendall_tau,spearman,"
        + String.join(",", kCols) + (kCols.isEmpty() ? "" : ",") + "noise_ceiling\n");
    for (ReportResult.VariantResult vr : variants) {
      RankingEvaluator.Result r = vr.result();
      Candidate.Setting s = vr.run().setting();
      sb.append(String.join(",", s.method(), s.bnStrategy(), String.valueOf(s.calibrated()),
          String.valueOf(vr.run().seed()), r.variant().unitKey(), r.variant().groundTruthKey(),
          r.variant().filterKey(), String.valueOf(r.n()), RankingCsv.num(r.tau().estimate()),
          RankingCsv.num(r.tau().low()), RankingCsv.num(r.tau().high()), RankingCsv.num(r.sparseTau()),
          RankingCsv.num(r.spearman())));
      for (int k : ks) {
        sb.append(',').append(RankingCsv.num(r.precisionAtK().get(k)));
      }
      sb.append(',').append(RankingCsv.num(r.noiseCeiling())).append('\n');
    }
    return sb.toString();
  }

  static String summaryCsv(List<Summary> summaries) {
    StringBuilder sb = new StringBuilder("method,bn_strategy,calibrated,unit,ground_truth,filter,seeds,n,"
        + "kendall_tau_mean,kendall_tau_sd,sparse_kendall_tau_mean,sparse_kendall_tau_sd,spearman_mean,spearman_sd,"
        + "noise_ceiling_mean\n");
    for (Summary s : summaries) {
      sb.append(String.join(",", s.setting().method(), s.setting().bnStrategy(),
          String.valueOf(s.setting().calibrated()), s.variant().unitKey(), s.variant().groundTruthKey(),
          s.variant().filterKey(), String.valueOf(s.seeds()), String.valueOf(s.n()), RankingCsv.num(s.tau().mean()),
          RankingCsv.num(s.tau().sd()), RankingCsv.num(s.sparseTau().mean()), RankingCsv.num(s.sparseTau().sd()),
          RankingCsv.num(s.spearman().mean()), RankingCsv.num(s.spearman().sd()),
          RankingCsv.num(s.ceiling().mean()))).append('\n');
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
