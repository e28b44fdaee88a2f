package dev.nasrank.harness.report.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Seeds and repeats to decide under the space target by hand: z = z_{1 - 0.05/132} + z_{0.8} =
 * 4.2094684 (scipy.stats.norm.ppf), d = 0.1, T = d^2/z^2 = 5.643461e-4.
 */
class SeedsToDecideTest {
  @Test
  void seedsWhenTheRepeatsLeaveRoom() {
    // g = 2e-4 < T: S = ceil(0.02 / (5.643461e-4 - 2e-4)) = ceil(54.89) = 55
    SeedsToDecide s = SeedsToDecide.space(0.1, 0.02, 2e-4, 10, 6, 0.05, 66, 0.8);
    assertEquals(SeedsToDecide.Kind.SEEDS, s.kind());
    assertEquals("55", s.csv());
    assertEquals("", s.repeatsCsv());
  }

  @Test
  void repeatsWhenTheyLimitThePair() {
    // g = 1e-3 >= T: no number of seeds; R' = ceil(2 x 1e-3 x 6 / T) = ceil(21.26) = 22 repeats
    // bring g to <= T/2, and S = ceil(2 x 0.02 / T) = ceil(70.88) = 71 seeds the rest
    SeedsToDecide s = SeedsToDecide.space(0.1, 0.02, 1e-3, 10, 6, 0.05, 66, 0.8);
    assertEquals(SeedsToDecide.Kind.REPEATS, s.kind());
    assertEquals("71", s.csv());
    assertEquals("22", s.repeatsCsv());
    // with one seed the repeats are still known to limit it; the seeds are not
    SeedsToDecide one = SeedsToDecide.space(0.1, Double.NaN, 1e-3, 1, 6, 0.05, 66, 0.8);
    assertEquals("unknown", one.csv());
    assertEquals("22", one.repeatsCsv());
    assertEquals(
        SeedsToDecide.Kind.UNKNOWN,
        SeedsToDecide.space(0.1, Double.NaN, 2e-4, 1, 6, 0.05, 66, 0.8).kind());
  }

  @Test
  void oneSeedUnderArchitecturesIsUnknown() {
    // the one-seed bootstrap variance mixes what seeds remove with what they do not
    assertEquals("unknown", SeedsToDecide.oneSeed().csv());
    assertEquals("one_seed", SeedsToDecide.oneSeed().varianceSource());
  }
}
