package dev.nasrank.harness.report.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nasrank.harness.candidates.Candidate;
import dev.nasrank.harness.report.stats.InferenceTarget;
import dev.nasrank.harness.report.stats.PairComparison;
import dev.nasrank.harness.report.stats.PairVerdict;
import dev.nasrank.harness.report.stats.Resampled;
import dev.nasrank.harness.report.stats.SeedsToDecide;
import dev.nasrank.harness.report.stats.TEstimate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The claims' rules by hand, under the space target. Per-seed differences {0.1, 0.3, 0.2, 0.4} (and
 * the same halved) give t = 3.8729833 with 3 df, two-sided p = 0.0304663 (closed form of the t
 * distribution with 3 df; TEstimateTest); the negated ones the same p the other way.
 */
class ClaimTestTest {
  private static final double P = 0.030466291662170963;

  private static Optional<PairComparison> pair(double... perSeed) {
    Candidate.Setting a = new Candidate.Setting("mixpath", "a", true);
    Candidate.Setting b = new Candidate.Setting("mixpath", "b", true);
    SeedsToDecide none = SeedsToDecide.decided();
    return Optional.of(
        new PairComparison(
            a,
            b,
            perSeed.length,
            Double.NaN,
            Double.NaN,
            Double.NaN,
            Double.NaN,
            Double.NaN,
            0,
            Double.NaN,
            Double.NaN,
            PairVerdict.UNDECIDED,
            none,
            Double.NaN,
            TEstimate.of(perSeed, 0, 5),
            Double.NaN,
            PairVerdict.UNDECIDED,
            none,
            new Resampled(new double[0])));
  }

  private static final double[] UP = {0.1, 0.3, 0.2, 0.4};
  private static final double[] HALF = {0.05, 0.15, 0.10, 0.20};
  private static final double[] DOWN = {-0.1, -0.3, -0.2, -0.4};

  private static ClaimVerdict verdict(ClaimTest t) {
    return t.verdict(InferenceTarget.SPACE);
  }

  @Test
  void intersectionUnionNeedsEveryPartAtAlphaWithoutPenalty() {
    ClaimTest t = new ClaimTest(0.05, 0.05);
    t.add("a", ClaimTest.Kind.ORDERING, pair(UP)).add("b", ClaimTest.Kind.ORDERING, pair(HALF));
    assertEquals(P, t.supportP(t.parts().get(0), InferenceTarget.SPACE), 1e-10);
    assertEquals(P, t.supportP(t.parts().get(1), InferenceTarget.SPACE), 1e-10);
    // both at 0.0305 < 0.05: reproduced, although Bonferroni over 2 parts would need 0.025
    assertEquals(ClaimVerdict.REPRODUCED, verdict(t));
    // at alpha 0.03 neither part is significant: undecided
    ClaimTest strict = new ClaimTest(0.03, 0.05);
    strict.add("a", ClaimTest.Kind.ORDERING, pair(UP));
    assertEquals(ClaimVerdict.UNDECIDED, verdict(strict));
    // a part the run lacks is undecided and keeps the claim from being reproduced
    t.add("missing", ClaimTest.Kind.ORDERING, Optional.empty());
    assertEquals(ClaimVerdict.UNDECIDED, verdict(t));
  }

  @Test
  void contradictionIsHolmOverTheClaimsParts() {
    // alone, a part going the other way at p 0.0305 contradicts
    ClaimTest one = new ClaimTest(0.05, 0.05);
    one.add("c", ClaimTest.Kind.ORDERING, pair(DOWN));
    assertEquals(ClaimVerdict.CONTRADICTED, verdict(one));
    // with a second part (for the claim, against-p 1) Holm needs 2 x 0.0305 = 0.061: not < 0.05
    ClaimTest two = new ClaimTest(0.05, 0.05);
    two.add("a", ClaimTest.Kind.ORDERING, pair(UP)).add("c", ClaimTest.Kind.ORDERING, pair(DOWN));
    assertEquals(ClaimVerdict.UNDECIDED, verdict(two));
    assertEquals(
        ClaimVerdict.CONTRADICTED, two.partVerdict(two.parts().get(1), InferenceTarget.SPACE));
  }

  @Test
  void doesNotProfitIsAnEquivalenceTest() {
    // differences 0.01, 0.03, -0.02, 0.02 with g = 0 (3 df): mean 0.01, se 0.0108012;
    // H0 d >= 0.05: t = -3.7033, H0 d <= -0.05: t = 5.5549; TOST p = P(T3 <= -3.7033) = 0.017100
    // (scipy)
    ClaimTest t = new ClaimTest(0.05, 0.05);
    Optional<PairComparison> flat = pair(0.01, 0.03, -0.02, 0.02);
    t.add("no profit", ClaimTest.Kind.EQUIVALENCE, flat);
    assertEquals(
        flat.get().space().pEquivalent(0.05),
        t.supportP(t.parts().get(0), InferenceTarget.SPACE),
        0);
    assertEquals(0.01710009019806427, t.supportP(t.parts().get(0), InferenceTarget.SPACE), 1e-6);
    assertEquals(ClaimVerdict.REPRODUCED, verdict(t));
    // an undecided difference is not evidence of no difference: a noisy one is not equivalent
    ClaimTest noisy = new ClaimTest(0.05, 0.05);
    noisy.add("no profit", ClaimTest.Kind.EQUIVALENCE, pair(0.2, -0.25, 0.1, -0.1));
    assertEquals(ClaimVerdict.UNDECIDED, verdict(noisy));
    // a gain shown above the margin contradicts: UP's mean 0.25, P(T3 >= (0.25 - 0.05)/0.06455) =
    // 0.0267
    ClaimTest gain = new ClaimTest(0.05, 0.05);
    gain.add("no profit", ClaimTest.Kind.EQUIVALENCE, pair(UP));
    assertEquals(ClaimVerdict.CONTRADICTED, verdict(gain));
  }
}
