package dev.nasrank.harness.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nasrank.harness.report.RankingRow;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bands derived from the baseline's sd and both seed counts, checked against hand-computed numbers.
 */
class NoiseBandTest {
  private static Baseline.Entry entry(String bn, double mean, double sd, int seeds) {
    return new Baseline.Entry("mixpath", bn, true, mean, sd, "seeds", seeds, Double.NaN);
  }

  @Test
  void bandByHand() {
    // 2 gated settings, false-alarm 0.01 two-sided: z = z(1 - 0.01/4) = z(0.9975) = 2.807034
    double z = NoiseBand.z(0.01, 2, false);
    assertEquals(2.807034, z, 1e-6);
    // one-sided: z(1 - 0.01/2) = 2.575829
    assertEquals(2.575829, NoiseBand.z(0.01, 2, true), 1e-6);
    // sd 0.1, baseline of 10 seeds, run of 10 seeds: 2.807034 * 0.1 * sqrt(0.2) = 0.125535
    assertEquals(0.125535, NoiseBand.of(entry("vanilla", 0.5, 0.1, 10), 10, z), 1e-6);
    // the same baseline against a run of 1 seed: 2.807034 * 0.1 * sqrt(1.1) = 0.294404
    assertEquals(0.294404, NoiseBand.of(entry("vanilla", 0.5, 0.1, 10), 1, z), 1e-6);
    // sd 0: never narrower than MIN_BAND
    assertEquals(NoiseBand.MIN_BAND, NoiseBand.of(entry("vanilla", 0.5, 0, 10), 10, z), 1e-12);
    // a fixed band is used as it is
    assertEquals(
        0.25,
        NoiseBand.of(
            new Baseline.Entry("mixpath", "none", true, 0.5, Double.NaN, "none", 1, 0.25), 10, z),
        1e-12);
  }

  @Test
  void moreSeedsNarrowTheBand() {
    Baseline b =
        new Baseline(
            Baseline.SCHEMA,
            "mini",
            "t",
            "r",
            "c",
            null,
            List.of(entry("vanilla", 0.50, 0.10, 10), entry("linear_sbn", 0.60, 0.10, 10)));
    // a drop of 0.2 in one seed: band 0.294404, passes; the same mean over 10 seeds: band 0.125535,
    // fails
    List<RankingRow> oneSeed = List.of(row("vanilla", 1, 0.30), row("linear_sbn", 1, 0.60));
    RegressionResult one = RegressionCheck.against(b).check(oneSeed);
    assertTrue(one.passed(), one.table(true));
    assertEquals(0.294404, one.findings().get(0).band(), 1e-6);
    List<RankingRow> tenSeeds = new java.util.ArrayList<>();
    for (int s = 0; s < 10; s++) {
      tenSeeds.add(row("vanilla", s, 0.30));
      tenSeeds.add(row("linear_sbn", s, 0.60));
    }
    RegressionResult ten = RegressionCheck.against(b).check(tenSeeds);
    assertFalse(ten.passed());
    assertEquals(0.125535, ten.regressions().get(0).band(), 1e-6);
    assertEquals(
        "tau 0.300 (10 seeds), band 0.500 ± 0.126: below the band",
        ten.regressions().get(0).describe());
  }

  private static RankingRow row(String bn, long seed, double tau) {
    return new RankingRow("mixpath", bn, true, seed, 34, tau, tau - 0.2, tau + 0.2, tau, 0.7);
  }
}
