package dev.nasrank.harness.report;

import dev.nasrank.files.AtomicFiles;
import dev.nasrank.harness.report.claims.ClaimResult;
import dev.nasrank.harness.report.claims.ClaimVerdict;
import dev.nasrank.harness.report.stats.PairComparison;
import dev.nasrank.harness.report.stats.PairVerdict;
import dev.nasrank.harness.report.stats.SettingStats;
import dev.nasrank.harness.report.stats.StudyStatistics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sections that lead the report: the paper's claims, every setting's tau, and the pairwise
 * comparisons.
 */
final class StudySections {
  private StudySections() {}

  static void claims(ReportDocument doc, List<ClaimResult> claims) {
    doc.heading(2, "The paper's claims (claims.csv)");
    long reproduced = claims.stream().filter(c -> c.verdict() == ClaimVerdict.REPRODUCED).count();
    long contradicted =
        claims.stream().filter(c -> c.verdict() == ClaimVerdict.CONTRADICTED).count();
    doc.paragraph(
        String.format(
            Locale.ROOT,
            "At this budget: %d of %d claims reproduced, %d contradicted, %d "
                + "undecided. Orderings are decided by the pairwise comparisons below (Holm-adjusted over all pairs); "
                + "'paper in our interval' says whether the paper's tau lies in our 95%% interval of the same setting (a "
                + "different ground truth and training budget, so a 'no' alone does not contradict a claim). Rules: "
                + "docs/report.md.",
            reproduced,
            claims.size(),
            contradicted,
            claims.size() - reproduced - contradicted));
    List<List<String>> rows = new ArrayList<>();
    for (ClaimResult c : claims) {
      rows.add(
          List.of(
              String.valueOf(c.id()),
              c.claim(),
              c.paper(),
              c.ours(),
              c.verdict().key(),
              c.paperInInterval()));
    }
    doc.table(List.of("#", "claim", "paper", "ours", "verdict", "paper in our interval"), rows);
  }

  static void settings(
      ReportDocument doc, RunDirectory dir, StudyStatistics st, boolean plots, List<Path> written) {
    doc.heading(2, "Kendall tau of every setting (settings.csv)");
    int pct = (int) Math.round((1 - st.alpha()) * 100);
    doc.paragraph(
        String.format(
            Locale.ROOT,
            "Default variant (%s). Mean tau-b over seeds, the sample sd over "
                + "seeds, and a %d%% interval from the hierarchical paired bootstrap (%d resamples of seeds, architectures "
                + "and ground-truth repeats, one draw shared by all settings). Noise ceiling: mean tau-b between ground-truth "
                + "repeats. Ground-truth share: the part of the interval's variance that resampling the ground-truth repeats "
                + "alone produces.",
            Variant.DEFAULT.label(),
            pct,
            st.resamples()));
    if (plots) {
      String rel = "plots/forest.png";
      byte[] png = StudyCharts.forest("Kendall tau-b per setting with " + pct + "% interval", st);
      AtomicFiles.write(dir.root().resolve(rel), png);
      written.add(dir.root().resolve(rel));
      doc.image("Kendall tau-b of every setting with its interval and the noise ceiling", rel, png);
    }
    List<List<String>> rows = new ArrayList<>();
    for (SettingStats s : st.settings()) {
      rows.add(
          List.of(
              s.setting().label(),
              String.valueOf(s.seeds()),
              String.valueOf(s.n()),
              ReportFormat.f(s.meanTau()),
              ReportFormat.f(s.seedSd()),
              "[" + ReportFormat.f(s.low()) + ", " + ReportFormat.f(s.high()) + "]",
              ReportFormat.f(s.noiseCeiling()),
              ReportFormat.f(s.groundTruthShare())));
    }
    doc.table(
        List.of(
            "setting",
            "seeds",
            "n",
            "mean tau-b",
            "seed sd",
            pct + "% interval",
            "noise ceiling",
            "ground-truth share"),
        rows);
  }

  static void pairs(
      ReportDocument doc, RunDirectory dir, StudyStatistics st, boolean plots, List<Path> written) {
    doc.heading(2, "Pairwise differences (comparisons.csv)");
    long a = st.decided();
    doc.paragraph(
        String.format(
            Locale.ROOT,
            "%d pairs of settings; %d decided at a family-wise level of %s "
                + "(Holm-adjusted paired bootstrap p-values), %d undecided. For an undecided pair, 'seeds to decide' is the "
                + "number of seeds per setting that the observed variance says would decide it at power %s ('never': the "
                + "architecture and ground-truth noise alone exceed the difference).",
            st.pairs().size(),
            a,
            ReportFormat.f(st.alpha()),
            st.pairs().size() - a,
            ReportFormat.f(st.power())));
    if (plots && st.settings().size() > 1) {
      String rel = "plots/differences.png";
      List<String> labels = st.settings().stream().map(s -> s.setting().shortLabel()).toList();
      byte[] png =
          StudyCharts.differenceMatrix("Difference of mean tau-b: column minus row", st, labels);
      AtomicFiles.write(dir.root().resolve(rel), png);
      written.add(dir.root().resolve(rel));
      doc.image("Difference of mean tau-b, column setting minus row setting", rel, png);
    }
    List<List<String>> decided = new ArrayList<>();
    List<List<String>> all = new ArrayList<>();
    for (PairComparison c : st.pairs()) {
      PairComparison better = c.verdict() == PairVerdict.B_BETTER ? c.flipped() : c;
      List<String> row =
          List.of(
              better.a().label(),
              better.b().label(),
              String.format(Locale.ROOT, "%+.3f", better.difference()),
              "[" + ReportFormat.f(better.low()) + ", " + ReportFormat.f(better.high()) + "]",
              ReportFormat.f(c.pValue()),
              ReportFormat.f(c.holmP()),
              c.verdictText(),
              c.seedsToDecide().csv(),
              ReportFormat.f(c.groundTruthShare()));
      all.add(row);
      if (c.verdict() != PairVerdict.UNDECIDED) {
        decided.add(row);
      }
    }
    List<String> header =
        List.of(
            "A",
            "B",
            "A - B",
            "interval",
            "p",
            "Holm p",
            "verdict",
            "seeds to decide",
            "ground-truth share");
    if (!decided.isEmpty()) {
      doc.heading(3, "Decided pairs");
      doc.table(header, decided);
    }
    doc.beginFold("All " + all.size() + " pairs");
    doc.table(header, all);
    doc.endFold();
  }
}
