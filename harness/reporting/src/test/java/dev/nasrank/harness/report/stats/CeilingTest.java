package dev.nasrank.harness.report.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The ceiling figures by hand (pair counting; the trigonometry checked with scipy/numpy). */
class CeilingTest {
  @Test
  void twoRepeats() {
    // repeat 0 orders a0 < a1 < a2 < a3, repeat 1 swaps a2/a3: C 5, D 1, tau 4/6 = 2/3. With R = 2
    // the split half is that same pair (1 vs 1). r = sin(pi/3) = 0.8660254; Spearman-Brown to 2:
    // 2r/(1+r) = 0.9282032; bound (2/pi) asin(sqrt(0.9282032)) = 0.8273081
    Ceiling c = Ceiling.of(new double[][] {{0.50, 0.60, 0.70, 0.80}, {0.52, 0.58, 0.80, 0.74}});
    assertEquals(2.0 / 3, c.oneRepeat(), 1e-12);
    assertEquals(2.0 / 3, c.splitHalf(), 1e-12);
    assertEquals(2, c.repeats(), 0);
    assertEquals(0.9282032302755093, c.reliability(), 1e-12);
    assertEquals(0.8273081308513652, c.bound(), 1e-12);
    assertTrue(c.bound() > c.oneRepeat(), "the mean of 2 repeats is more reliable than one");
  }

  @Test
  void fourRepeatsThreeSplits() {
    // 5 items, 4 repeats. One repeat vs another, mean over the 6 pairs: 0.7. The 3 splits 2 vs 2
    // ({0,1}|{2,3}, {0,2}|{1,3}, {0,3}|{1,2}) each leave exactly one discordant pair of the 10,
    // e.g.
    // {0,1}: means 0.515 0.595 0.720 0.800 0.605 vs 0.525 0.600 0.705 0.755 0.560, items 1 and 4
    // swap: tau 0.8 each. r = sin(0.4 pi) = 0.9510565, stepped up 2x: 0.9749144; bound 0.8987429
    double[][] reps = {
      {0.50, 0.61, 0.70, 0.82, 0.55},
      {0.53, 0.58, 0.74, 0.78, 0.66},
      {0.49, 0.63, 0.69, 0.80, 0.60},
      {0.56, 0.57, 0.72, 0.71, 0.52}
    };
    Ceiling c = Ceiling.of(reps);
    assertEquals(0.7, c.oneRepeat(), 1e-12);
    assertEquals(0.8, c.splitHalf(), 1e-12);
    assertEquals(0.9749143690630834, c.reliability(), 1e-12);
    assertEquals(0.8987429356738151, c.bound(), 1e-12);
  }

  @Test
  void normalTheoryRelations() {
    // Greiner: tau 0.726 -> r 0.908800; 6 repeats: 0.983550 (issue 20's "0.983"); bound 0.918
    double r1 = Ceiling.toPearson(0.726);
    assertEquals(Math.sin(Math.PI * 0.363), r1, 1e-15);
    double r6 = Ceiling.stepUp(r1, 6);
    assertEquals(6 * r1 / (1 + 5 * r1), r6, 1e-15);
    assertEquals(0.9835497215420962, r6, 1e-12);
    assertEquals(0.9181224745600911, Ceiling.boundOf(r6), 1e-12);
    assertEquals(0.726, Ceiling.toTau(r1), 1e-12);
    assertEquals(0, Ceiling.boundOf(-0.2), 0);
  }

  @Test
  void oneRepeatHasNoCeiling() {
    Ceiling c = Ceiling.of(new double[][] {{0.5, 0.6, 0.7}});
    assertTrue(Double.isNaN(c.oneRepeat()) && Double.isNaN(c.bound()));
  }
}
