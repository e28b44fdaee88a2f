package dev.nasrank.harness.report;

import dev.nasrank.files.AtomicFiles;
import dev.nasrank.harness.candidates.Candidate;
import dev.nasrank.harness.candidates.CandidatesCsv;
import dev.nasrank.harness.manifest.ManifestIo;
import dev.nasrank.harness.manifest.RunManifest;
import dev.nasrank.harness.metrics.BootstrapInterval;
import dev.nasrank.harness.report.claims.ClaimResult;
import dev.nasrank.harness.report.claims.ClaimsCsv;
import dev.nasrank.harness.report.claims.PaperClaims;
import dev.nasrank.harness.report.diagnostics.DiagnosticsFile;
import dev.nasrank.harness.report.stats.HierarchicalBootstrap;
import dev.nasrank.harness.report.stats.InferenceTarget;
import dev.nasrank.harness.report.stats.StatisticsCsv;
import dev.nasrank.harness.report.stats.StudyData;
import dev.nasrank.harness.report.stats.StudyStatistics;
import dev.nasrank.harness.space.Spaces;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
    Measured m = measure(dir, gt, options, progress);
    writeTables(dir, m, options);

    ReportDocument doc =
        new ReportDocument("nasrank report: " + dir.root().toAbsolutePath().getFileName());
    List<String> headline = Headline.lines(m.statistics(), m.claims(), m.images(), m.space());
    doc.paragraph(String.join(" ", headline));
    TreeSet<Long> seeds =
        m.runs().keySet().stream()
            .map(Candidate.RunKey::seed)
            .collect(Collectors.toCollection(TreeSet::new));
    doc.paragraph(
        String.format(
            Locale.ROOT,
            "%d candidate rows, %d rankings (%d settings x seeds %s), maximum paths m = %d. Ground"
                + " truth: %s; default = mean of the repeats' final validation accuracies."
                + " Accuracies are fractions in [0,1]. Every tau is Kendall tau-b; 'ceiling' is the"
                + " noise ceiling (mean tau-b between ground-truth repeats over the same"
                + " architectures; the bound: what a ranker that knew the true accuracies would"
                + " score against the mean of the repeats). Definitions: docs/report.md.",
            m.all().size(),
            m.runs().size(),
            m.runs().keySet().stream().map(Candidate.RunKey::setting).distinct().count(),
            seeds,
            m.mainM(),
            gt.description()));
    if (m.uniqueCovered() < m.uniqueRead()) {
      doc.paragraph(
          String.format(
              Locale.ROOT,
              "The ground truth holds %d of the %d architectures evaluated; the "
                  + "other %d (%d candidate rows) are left out of every ranking.",
              m.uniqueCovered(),
              m.uniqueRead(),
              m.uniqueRead() - m.uniqueCovered(),
              m.read().size() - m.all().size()));
    }
    if (!m.space().equals(Spaces.S4)) {
      doc.paragraph(
          "The MixPath paper's claims concern its S4 space; this run's space is "
              + m.space()
              + ", so none is audited.");
      doc.paragraph(cellSpaceParagraph(m, gt));
    }
    List<Path> plots = new ArrayList<>();
    StudySections.targets(doc, m.statistics(), m.space(), m.images());
    StudySections.claims(doc, m.claims(), m.statistics(), options.equivalenceMargin());
    StudySections.settings(doc, dir, m.statistics(), m.images(), options.plots(), plots);
    StudySections.pairs(doc, dir, m.statistics(), options.plots(), plots);
    VariantSummaries.perSeedTable(doc, m.ranking());
    VariantSummaries.variantTable(doc, m.summaries(), options.precisionKs(), options.alpha());

    if (options.plots()) {
      Plots.distributionsByActivePaths(doc, dir, m.read(), m.mainM(), plots);
      Plots.distributionsByMaxPaths(doc, dir, m.read(), plots);
      Plots.scatters(doc, dir, m.variants(), plots);
    }
    if (m.diagnostics() != null) {
      DiagnosticsSection.render(
          doc,
          dir,
          m.diagnostics(),
          seeds.isEmpty() ? null : seeds.first(),
          options.plots(),
          plots);
    }

    boolean manifestWritten = writeManifestIfAbsent(dir, gt, options, start);
    DiagnosticsSection.manifest(doc, ManifestIo.read(dir.runJson()), manifestWritten);

    AtomicFiles.writeString(dir.reportMd(), doc.toMarkdown());
    AtomicFiles.writeString(dir.reportHtml(), doc.toHtml());
    List<Path> stale =
        options.plots() ? removeStalePlots(dir.root().resolve("plots"), plots) : List.of();
    return new ReportResult(
        dir,
        List.copyOf(m.ranking()),
        List.copyOf(m.variants()),
        m.statistics(),
        m.claims(),
        List.copyOf(plots),
        stale,
        manifestWritten,
        headline);
  }

  /**
   * What a cell-space report says first: the cells ranked (a sample of the space), the ground
   * truth's label ({@link GroundTruthLabel}) and the trivial predictors.
   */
  static String cellSpaceParagraph(Measured m, GroundTruth gt) {
    List<String> hashes = m.all().stream().map(Candidate::moduleHash).distinct().toList();
    return String.format(
        Locale.ROOT,
        "Space %s: %d cells ranked, a sample of its %,d unique cells (the plan's cells.txt). "
            + "Ground truth: %s, %d epochs. The trivial predictors predictor/params, "
            + "predictor/flops and predictor/conv3x3 (trainable parameters, FLOPs and conv3x3 "
            + "vertices of each cell's NAS-Bench-101 network, C = 128, 3 x 3 cells) rank the same "
            + "cells and are compared like the settings; a predictor has no training seed, so its "
            + "ranking is the same under every seed. A setting that does not beat predictor/params "
            + "ranks nothing.",
        m.space(),
        hashes.size(),
        Spaces.byId(m.space()).candidates().size(),
        GroundTruthLabel.of(gt, hashes),
        gt.epochs());
  }

  /**
   * What {@link #measure} computed from a run's candidates: the rows read and those the ground
   * truth covers, the rankings of the largest m by (setting, seed), every variant's result, the
   * study's statistics and the paper's claims (S4 only).
   */
  record Measured(
      List<Candidate> read,
      List<Candidate> all,
      long uniqueRead,
      long uniqueCovered,
      String space,
      int mainM,
      Map<Candidate.RunKey, List<Candidate>> runs,
      List<RankingRow> ranking,
      List<ReportResult.VariantResult> variants,
      List<VariantSummaries.Summary> summaries,
      StudyStatistics statistics,
      DiagnosticsFile diagnostics,
      List<ClaimResult> claims,
      EvaluationImages images) {}

  /** Reads the candidates and measures every ranking; writes nothing. */
  static Measured measure(
      RunDirectory dir, GroundTruth gt, ReportOptions options, Progress progress) {
    List<Candidate> read = CandidatesCsv.read(dir.candidatesCsv());
    List<String> spaces = read.stream().map(Candidate::space).distinct().toList();
    if (spaces.size() != 1) {
      throw new IllegalArgumentException(
          dir.candidatesCsv() + " mixes the spaces " + spaces + ": one run ranks one space");
    }
    // Rank over the architectures the ground truth holds (a partial ground truth leaves the others
    // out, and the report says how many).
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
    Map<Candidate.RunKey, List<Candidate>> supernets = new TreeMap<>();
    all.stream()
        .filter(c -> c.maxPaths() == mainM)
        .forEach(c -> supernets.computeIfAbsent(c.runKey(), k -> new ArrayList<>()).add(c));
    // a cell space ranks the trivial predictors beside the supernets (S4: unchanged)
    Map<Candidate.RunKey, List<Candidate>> runs = TrivialPredictors.addTo(supernets, spaces.get(0));

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
    List<VariantSummaries.Summary> summaries = VariantSummaries.summarize(variants);
    String space = spaces.get(0);
    InferenceTarget primary =
        options.primaryTarget() != null
            ? options.primaryTarget()
            : InferenceTarget.primaryFor(space, uniqueCovered == uniqueRead);
    EvaluationImages images =
        EvaluationImages.of(
            dir.runJson(), all.stream().filter(c -> c.maxPaths() == mainM).toList());
    StudyStatistics statistics =
        StudyStatistics.of(
            StudyData.of(runs, gt),
            HierarchicalBootstrap.of(options.studyResamples(), options.bootstrapSeed()),
            options.alpha(),
            options.power(),
            primary,
            images.images());
    DiagnosticsFile diagnostics =
        Files.isRegularFile(dir.diagnosticsJson())
            ? DiagnosticsFile.read(dir.diagnosticsJson())
            : null;
    List<ClaimResult> claims =
        space.equals(Spaces.S4)
            ? PaperClaims.audit(
                statistics,
                diagnostics == null ? List.of() : diagnostics.sbn(),
                read,
                options.studyResamples(),
                options.bootstrapSeed(),
                options.equivalenceMargin())
            : List.of();
    return new Measured(
        read,
        all,
        uniqueRead,
        uniqueCovered,
        space,
        mainM,
        runs,
        ranking,
        variants,
        summaries,
        statistics,
        diagnostics,
        claims,
        images);
  }

  /**
   * Writes the measured tables: ranking.csv, variants.csv, summary.csv, settings.csv,
   * comparisons.csv and claims.csv.
   */
  static void writeTables(RunDirectory dir, Measured m, ReportOptions options) {
    List<String> kCols = options.precisionKs().stream().map(k -> "precision_at_" + k).toList();
    RankingCsv.write(dir.rankingCsv(), m.ranking());
    AtomicFiles.writeString(
        dir.variantsCsv(),
        VariantSummaries.variantsCsv(m.variants(), options.precisionKs(), kCols));
    AtomicFiles.writeString(dir.summaryCsv(), VariantSummaries.summaryCsv(m.summaries()));
    StatisticsCsv.write(dir.settingsCsv(), dir.comparisonsCsv(), m.statistics());
    ClaimsCsv.write(dir.claimsCsv(), m.claims());
  }

  /**
   * Removes the PNG files in {@code folder} that this report did not write: an earlier report's
   * plots that the report no longer references (fewer settings, fewer units drawn). Other files are
   * left alone.
   */
  static List<Path> removeStalePlots(Path folder, List<Path> written) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    Set<Path> keep = new HashSet<>();
    written.forEach(p -> keep.add(p.toAbsolutePath().normalize()));
    List<Path> removed = new ArrayList<>();
    try (var files = Files.list(folder)) {
      for (Path p : files.sorted().toList()) {
        if (p.getFileName().toString().endsWith(".png")
            && Files.isRegularFile(p)
            && !keep.contains(p.toAbsolutePath().normalize())) {
          Files.delete(p);
          removed.add(p);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot tidy the plots of " + folder, e);
    }
    return List.copyOf(removed);
  }

  /**
   * Writes a report-only run.json when the directory has none (a suite run brings its own).
   *
   * @return whether it was written
   */
  private static boolean writeManifestIfAbsent(
      RunDirectory dir, GroundTruth gt, ReportOptions options, long start) {
    if (Files.isRegularFile(dir.runJson())) {
      return false;
    }
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
    return true;
  }
}
