package dev.nasrank.harness.report;

import dev.nasrank.harness.report.claims.ClaimResult;
import dev.nasrank.harness.report.claims.ClaimVerdict;
import dev.nasrank.harness.report.stats.InferenceTarget;
import dev.nasrank.harness.report.stats.PairVerdict;
import dev.nasrank.harness.report.stats.SettingStats;
import dev.nasrank.harness.report.stats.StudyStatistics;
import dev.nasrank.harness.space.Spaces;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The report's first paragraph, which the report and suite commands also print last: the best
 * setting with its interval under both targets, how many settings it beats under each, the pairs
 * decided, the claims' verdicts, the ceiling, and the evaluation images the inference is
 * conditional on.
 */
final class Headline {
  private Headline() {}

  static List<String> lines(
      StudyStatistics st, List<ClaimResult> claims, EvaluationImages images, String space) {
    List<String> out = new ArrayList<>();
    InferenceTarget p = st.primary();
    InferenceTarget q = st.secondary();
    int pct = (int) Math.round((1 - st.alpha()) * 100);
    SettingStats best =
        st.settings().stream()
            .filter(s -> !Double.isNaN(s.meanTau()))
            .max(Comparator.comparingDouble(SettingStats::meanTau))
            .orElse(null);
    if (best == null) {
      out.add("No setting has a defined tau.");
      return out;
    }
    out.add(
        String.format(
            Locale.ROOT,
            "Best setting: %s, mean tau-b %s over %d seed%s; %d%% interval %s under the primary"
                + " target `%s` (%s) and %s under `%s`.",
            best.setting().label(),
            ReportFormat.f(best.meanTau()),
            best.seeds(),
            best.seeds() == 1 ? "" : "s",
            pct,
            interval(best, p, st.alpha()),
            p.key(),
            meaning(p, space),
            interval(best, q, st.alpha()),
            q.key()));
    out.add(
        String.format(
            Locale.ROOT,
            "It ranks better than %d of the %d other settings under `%s` and %d under `%s`; %d of"
                + " %d pairs are decided under `%s`, %d under `%s` (exploratory: Holm over all"
                + " pairs, family-wise %s).",
            beats(st, best, p),
            st.settings().size() - 1,
            p.key(),
            beats(st, best, q),
            q.key(),
            st.decided(p),
            st.pairs().size(),
            p.key(),
            st.decided(q),
            q.key(),
            ReportFormat.f(st.alpha())));
    if (!claims.isEmpty()) {
      out.add(
          String.format(
              Locale.ROOT,
              "The paper's %d claims, each tested as its own hypothesis: under `%s` %s; under `%s`"
                  + " %s.",
              claims.size(),
              p.key(),
              counts(claims, p),
              q.key(),
              counts(claims, q)));
    }
    out.add(
        String.format(
            Locale.ROOT,
            "Ceiling: against the mean of %s ground-truth repeats a ranker that knew the true"
                + " accuracies would score tau-b about %s (normal theory); one repeat against"
                + " another: %s. All inference is conditional on the %s (binomial SE of one"
                + " one-shot accuracy about %s).",
            count(best.ceiling().repeats()),
            ReportFormat.f(best.ceiling().bound()),
            ReportFormat.f(best.ceiling().oneRepeat()),
            images.text(),
            ReportFormat.f(best.evaluationSe())));
    return out;
  }

  /** A count that may be a mean: {@code 6}, or {@code 5.5}. */
  static String count(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }

  static String interval(SettingStats s, InferenceTarget t, double alpha) {
    double lo = s.low(t, alpha);
    if (Double.isNaN(lo)) {
      return t == InferenceTarget.SPACE && s.seeds() < 2
          ? "none (one seed: the seed-to-seed variance is unknown)"
          : "none";
    }
    return "[" + ReportFormat.f(lo) + ", " + ReportFormat.f(s.high(t, alpha)) + "]";
  }

  /** What a target treats as random, in words. */
  static String meaning(InferenceTarget t, String space) {
    return t == InferenceTarget.SPACE
        ? "architectures fixed, "
            + (Spaces.isEnumeratedInFull(space)
                ? "as " + space + "'s ranked cells are the whole space"
                : "the ranked cells only")
            + "; seeds and ground-truth repeats random"
        : "architectures as a sample of a larger space; seeds, architectures and repeats random";
  }

  private static long beats(StudyStatistics st, SettingStats best, InferenceTarget t) {
    return st.settings().stream()
        .filter(s -> !s.setting().equals(best.setting()))
        .map(s -> st.pair(best.setting(), s.setting()))
        .filter(c -> c.map(x -> x.verdict(t) == PairVerdict.A_BETTER).orElse(false))
        .count();
  }

  private static String counts(List<ClaimResult> claims, InferenceTarget t) {
    long r = claims.stream().filter(c -> verdict(c, t) == ClaimVerdict.REPRODUCED).count();
    long x = claims.stream().filter(c -> verdict(c, t) == ClaimVerdict.CONTRADICTED).count();
    return String.format(
        Locale.ROOT, "%d reproduced, %d contradicted, %d undecided", r, x, claims.size() - r - x);
  }

  static ClaimVerdict verdict(ClaimResult c, InferenceTarget t) {
    return t == InferenceTarget.SPACE ? c.verdictSpace() : c.verdictArchitectures();
  }
}
