package dev.nasrank.harness.report.claims;

import dev.nasrank.harness.report.stats.Holm;
import dev.nasrank.harness.report.stats.InferenceTarget;
import dev.nasrank.harness.report.stats.PairComparison;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A claim as a stated hypothesis with its own family of tests (docs/report.md, "The paper's
 * claims"). Its parts are tested under one {@link InferenceTarget}:
 *
 * <ul>
 *   <li>an ordering part "A ranks better than B" supports the claim when the difference A - B is
 *       above 0 with a two-sided p-value below alpha;
 *   <li>an equivalence part "A does not profit over B" supports it when the two one-sided tests
 *       (Schuirmann 1987) show |A - B| < margin at alpha.
 * </ul>
 *
 * The claim is <b>reproduced</b> when every part supports it: an intersection-union test (Berger
 * 1982), level alpha with no multiplicity penalty, because it errs only if some single part's test
 * errs. It is <b>contradicted</b> when, after Holm's adjustment over the claim's parts, some part
 * goes the other way: an ordering part's two-sided p-value with the difference below 0, an
 * equivalence part's one-sided p-value of "the gain exceeds the margin". Otherwise
 * <b>undecided</b>. A part whose settings the run lacks is undecided and cannot contradict.
 */
final class ClaimTest {
  /** What a part claims. */
  enum Kind {
    ORDERING,
    EQUIVALENCE
  }

  /**
   * One part.
   *
   * @param label the part in words
   * @param pair the comparison oriented as claimed-better (or, for equivalence, treated) minus the
   *     other; empty when the run lacks a setting
   */
  record Part(String label, Kind kind, Optional<PairComparison> pair) {}

  private final List<Part> parts = new ArrayList<>();
  private final double alpha;
  private final double margin;

  ClaimTest(double alpha, double margin) {
    this.alpha = alpha;
    this.margin = margin;
  }

  ClaimTest add(String label, Kind kind, Optional<PairComparison> pair) {
    parts.add(new Part(label, kind, pair));
    return this;
  }

  List<Part> parts() {
    return parts;
  }

  /** The p-value of the part's claimed direction (below alpha supports it), NaN without data. */
  double supportP(Part p, InferenceTarget t) {
    if (p.pair().isEmpty()) {
      return Double.NaN;
    }
    PairComparison c = p.pair().get();
    if (p.kind() == Kind.EQUIVALENCE) {
      return t == InferenceTarget.SPACE
          ? c.space().pEquivalent(margin)
          : c.resampled().pEquivalent(margin);
    }
    return c.difference(t) > 0 ? c.pValue(t) : 1;
  }

  /** The p-value of the other way (a loss for an ordering, a gain above the margin otherwise). */
  double againstP(Part p, InferenceTarget t) {
    if (p.pair().isEmpty()) {
      return Double.NaN;
    }
    PairComparison c = p.pair().get();
    if (p.kind() == Kind.EQUIVALENCE) {
      return t == InferenceTarget.SPACE ? c.space().pAbove(margin) : c.resampled().pAbove(margin);
    }
    return c.difference(t) < 0 ? c.pValue(t) : 1;
  }

  /** Whether the part, alone at level alpha, supports the claim. */
  boolean supports(Part p, InferenceTarget t) {
    return supportP(p, t) < alpha;
  }

  /** The claim's verdict under a target. */
  ClaimVerdict verdict(InferenceTarget t) {
    if (parts.isEmpty()) {
      return ClaimVerdict.UNDECIDED;
    }
    if (parts.stream().allMatch(p -> supports(p, t))) {
      return ClaimVerdict.REPRODUCED;
    }
    double[] against = parts.stream().mapToDouble(p -> againstP(p, t)).toArray();
    double[] holm = Holm.adjust(against);
    for (double h : holm) {
      if (h < alpha) {
        return ClaimVerdict.CONTRADICTED;
      }
    }
    return ClaimVerdict.UNDECIDED;
  }

  /** The part's verdict alone at alpha (its own test, no family): for the texts. */
  ClaimVerdict partVerdict(Part p, InferenceTarget t) {
    if (supports(p, t)) {
      return ClaimVerdict.REPRODUCED;
    }
    return againstP(p, t) < alpha ? ClaimVerdict.CONTRADICTED : ClaimVerdict.UNDECIDED;
  }
}
