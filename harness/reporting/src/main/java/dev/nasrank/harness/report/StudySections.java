package dev.nasrank.harness.report;

import dev.nasrank.files.AtomicFiles;
import dev.nasrank.harness.report.claims.ClaimResult;
import dev.nasrank.harness.report.claims.ClaimVerdict;
import dev.nasrank.harness.report.stats.InferenceTarget;
import dev.nasrank.harness.report.stats.PairComparison;
import dev.nasrank.harness.report.stats.PairVerdict;
import dev.nasrank.harness.report.stats.SettingStats;
import dev.nasrank.harness.report.stats.StudyStatistics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sections that lead the report: the inference targets, the paper's claims, every setting's
 * tau, and the pairwise comparisons. Every interval, p-value and verdict names its target.
 */
final class StudySections {
  private StudySections() {}

  static void targets(
      ReportDocument doc, StudyStatistics st, String space, EvaluationImages images) {
    doc.heading(2, "Inference targets");
    InferenceTarget p = st.primary();
    doc.paragraph(
        String.format(
            Locale.ROOT,
            "Two questions, each with its own uncertainty (docs/report.md, \"Two inference"
                + " targets\"). `space`: on these architectures, does A rank better than B?"
                + " Architectures fixed; training seeds and the %d ground-truth repeats random; a"
                + " paired t over seeds with the repeats' variance added (Satterthwaite df)."
                + " `architectures`: would A beat B on another draw of architectures like these?"
                + " Seeds, architectures and repeats resampled (hierarchical bootstrap). Primary"
                + " here: `%s` (%s; space %s). Both targets' figures are in settings.csv,"
                + " comparisons.csv and claims.csv. Neither resamples the evaluation images: all"
                + " inference is conditional on the %s.",
            st.repeats(),
            p.key(),
            p == InferenceTarget.SPACE
                ? "the ranked cells are the whole, fully enumerated space"
                : "the ranked cells are a sample of the space, or the ground truth covers only part"
                    + " of it",
            space,
            images.text()));
  }

  static void claims(
      ReportDocument doc, List<ClaimResult> claims, StudyStatistics st, double margin) {
    doc.heading(2, "The paper's claims (claims.csv)");
    InferenceTarget p = st.primary();
    long reproduced = claims.stream().filter(c -> c.verdict() == ClaimVerdict.REPRODUCED).count();
    long contradicted =
        claims.stream().filter(c -> c.verdict() == ClaimVerdict.CONTRADICTED).count();
    doc.paragraph(
        String.format(
            Locale.ROOT,
            "At this budget: %d of %d claims reproduced, %d contradicted, %d undecided (target"
                + " `%s`). Each claim is its own hypothesis: a claim with several parts is"
                + " reproduced when every part is significant at %s (intersection-union test,"
                + " Berger 1982) and contradicted when a part goes the other way after Holm over"
                + " the claim's parts; claim 4's \"does not profit\" is an equivalence test (two"
                + " one-sided tests, margin %s tau). 'ours' gives the `%s` target's numbers; 'paper"
                + " in our interval' says whether the paper's tau lies in our %d%% interval of the"
                + " same setting (a different ground truth and training budget, so a 'no' alone"
                + " does not contradict a claim). Rules: docs/report.md.",
            reproduced,
            claims.size(),
            contradicted,
            claims.size() - reproduced - contradicted,
            p.key(),
            ReportFormat.f(st.alpha()),
            ReportFormat.f(margin),
            p.key(),
            (int) Math.round((1 - st.alpha()) * 100)));
    List<List<String>> rows = new ArrayList<>();
    for (ClaimResult c : claims) {
      rows.add(
          List.of(
              String.valueOf(c.id()),
              c.claim(),
              c.paper(),
              c.ours(),
              c.verdict().key(),
              c.verdictSpace().key(),
              c.verdictArchitectures().key(),
              c.paperInInterval()));
    }
    doc.table(
        List.of(
            "#",
            "claim",
            "paper",
            "ours (" + p.key() + ")",
            "verdict (" + p.key() + ", primary)",
            "verdict, space",
            "verdict, architectures",
            "paper in our interval"),
        rows);
  }

  static void settings(
      ReportDocument doc,
      RunDirectory dir,
      StudyStatistics st,
      EvaluationImages images,
      boolean plots,
      List<Path> written) {
    doc.heading(2, "Kendall tau of every setting (settings.csv)");
    int pct = (int) Math.round((1 - st.alpha()) * 100);
    InferenceTarget p = st.primary();
    doc.paragraph(
        String.format(
            Locale.ROOT,
            "Default variant (%s). Mean tau-b over seeds and the sample sd over seeds. %d%%"
                + " intervals: `space` = mean +- t_df x sqrt(seed variance / seeds + ground-truth"
                + " variance), Satterthwaite df; `architectures` = percentiles of the hierarchical"
                + " paired bootstrap (%d resamples of seeds, architectures and ground-truth"
                + " repeats, one draw shared by all settings). Ceilings: 'one repeat' is tau-b"
                + " between one ground-truth repeat and another (the reliability of one repeat);"
                + " 'split half' is tau-b between the means of two halves of the repeats; 'bound'"
                + " is the normal-theory tau-b between the true accuracy and the mean of all %d"
                + " repeats (split half stepped up by Spearman-Brown), what a ranker that knew the"
                + " true accuracies would score: the forest plot's line. Evaluation noise: the"
                + " binomial standard error of one one-shot accuracy on the %s next to the spread"
                + " (sd) of the architectures' scores; where the first is not small against the"
                + " second, the ranking is largely evaluation noise, and no interval here includes"
                + " it.",
            Variant.DEFAULT.label(),
            pct,
            st.resamples(),
            st.repeats(),
            images.text()));
    if (plots) {
      String rel = "plots/forest.png";
      byte[] png =
          StudyCharts.forest(
              "Kendall tau-b per setting with " + pct + "% interval (target " + p.key() + ")", st);
      AtomicFiles.write(dir.root().resolve(rel), png);
      written.add(dir.root().resolve(rel));
      doc.image(
          "Kendall tau-b of every setting with its interval under both targets and the ceiling"
              + " bound",
          rel,
          png);
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
              Headline.interval(s, InferenceTarget.SPACE, st.alpha()),
              Headline.interval(s, InferenceTarget.ARCHITECTURES, st.alpha()),
              ReportFormat.f(s.noiseCeiling()),
              ReportFormat.f(s.ceiling().splitHalf()),
              ReportFormat.f(s.ceiling().bound()),
              ReportFormat.f(s.groundTruthShare()),
              ReportFormat.f(s.evaluationSe()),
              ReportFormat.f(s.scoreSd())));
    }
    doc.table(
        List.of(
            "setting",
            "seeds",
            "n",
            "mean tau-b",
            "seed sd",
            pct + "% interval, space" + (p == InferenceTarget.SPACE ? " (primary)" : ""),
            pct
                + "% interval, architectures"
                + (p == InferenceTarget.ARCHITECTURES ? " (primary)" : ""),
            "ceiling: one repeat",
            "ceiling: split half",
            "ceiling: bound",
            "ground-truth share (architectures)",
            "evaluation SE of one accuracy",
            "sd of architecture scores"),
        rows);
  }

  static void pairs(
      ReportDocument doc, RunDirectory dir, StudyStatistics st, boolean plots, List<Path> written) {
    doc.heading(2, "Pairwise differences (comparisons.csv), exploratory");
    InferenceTarget p = st.primary();
    InferenceTarget q = st.secondary();
    doc.paragraph(
        String.format(
            Locale.ROOT,
            "Exploratory: %d pairs of settings, Holm-adjusted over all of them at a family-wise"
                + " level of %s (most pairs belong to no claim; the claims are tested above, each"
                + " as its own family). Decided: %d under `%s` (primary), %d under `%s`. For an"
                + " undecided pair, 'seeds to decide' is the number of seeds per setting that the"
                + " observed variance says would decide it at power %s. Under `architectures`,"
                + " 'never': the architectures' and repeats' variance alone exceeds what the"
                + " difference allows; under `space`, 'repeats to decide': the ground-truth"
                + " repeats' variance alone does, and that many repeats (with the seeds given)"
                + " would decide it.",
            st.pairs().size(),
            ReportFormat.f(st.alpha()),
            st.decided(p),
            p.key(),
            st.decided(q),
            q.key(),
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
      PairComparison better = c.verdict(p) == PairVerdict.B_BETTER ? c.flipped() : c;
      List<String> row =
          List.of(
              better.a().label(),
              better.b().label(),
              String.format(Locale.ROOT, "%+.3f", better.difference()),
              "["
                  + ReportFormat.f(better.low(InferenceTarget.SPACE, st.alpha()))
                  + ", "
                  + ReportFormat.f(better.high(InferenceTarget.SPACE, st.alpha()))
                  + "]",
              ReportFormat.p(c.pValue(InferenceTarget.SPACE)),
              ReportFormat.p(c.spaceHolmP()),
              c.verdictText(InferenceTarget.SPACE),
              c.spaceSeedsToDecide().csv(),
              c.spaceSeedsToDecide().repeatsCsv(),
              "[" + ReportFormat.f(better.low()) + ", " + ReportFormat.f(better.high()) + "]",
              ReportFormat.p(c.pValue()),
              ReportFormat.p(c.holmP()),
              c.verdictText(InferenceTarget.ARCHITECTURES),
              c.seedsToDecide().csv());
      all.add(row);
      if (c.verdict(p) != PairVerdict.UNDECIDED) {
        decided.add(row);
      }
    }
    List<String> header =
        List.of(
            "A",
            "B",
            "A - B",
            "interval, space",
            "p, space",
            "Holm p, space",
            "verdict, space",
            "seeds to decide, space",
            "repeats to decide, space",
            "interval, architectures",
            "p, architectures",
            "Holm p, architectures",
            "verdict, architectures",
            "seeds to decide, architectures");
    if (!decided.isEmpty()) {
      doc.heading(3, "Decided pairs (target " + p.key() + ", exploratory Holm over all pairs)");
      doc.table(header, decided);
    }
    doc.beginFold("All " + all.size() + " pairs (exploratory, both targets)");
    doc.table(header, all);
    doc.endFold();
  }
}
