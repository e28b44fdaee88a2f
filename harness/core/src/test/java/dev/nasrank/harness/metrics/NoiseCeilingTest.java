package dev.nasrank.harness.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NoiseCeilingTest {
  @Test
  void meanPairwiseTauOverThreeRepeats() {
    double[] r0 = {1, 2, 3, 4};
    double[] r1 = {1, 2, 4, 3}; // vs r0: 5 concordant, 1 discordant pair -> 4/6
    double[] r2 = {
      4, 3, 2, 1
    }; // vs r0: all 6 discordant -> -1; vs r1: 1 concordant, 5 discordant -> -4/6
    // ceiling = (4/6 - 1 - 4/6) / 3 = -1/3
    assertEquals(-1.0 / 3, NoiseCeiling.kendallTau(new double[][] {r0, r1, r2}), 1e-12);
  }

  @Test
  void identicalRepeatsGiveOneAndASingleRepeatGivesNaN() {
    double[] r = {0.91, 0.93, 0.92};
    assertEquals(1.0, NoiseCeiling.kendallTau(new double[][] {r, r, r}), 1e-12);
    assertTrue(Double.isNaN(NoiseCeiling.kendallTau(new double[][] {r})));
  }

  @Test
  void missingRepeatsLeaveTheirItemsOutOfThatPair() {
    double nan = Double.NaN;
    double[] r0 = {1, 2, 3, 4};
    double[] r1 = {1, 2, 4, nan}; // vs r0 over items 0-2: all concordant -> 1
    double[] r2 = {2, 1, nan, nan}; // vs r0 and r1 over items 0-1: discordant -> -1 each
    assertEquals(-1.0 / 3, NoiseCeiling.kendallTau(new double[][] {r0, r1, r2}), 1e-12);
    // no pair shares two items
    assertTrue(Double.isNaN(NoiseCeiling.kendallTau(new double[][] {{1, nan}, {nan, 2}})));
  }
}
