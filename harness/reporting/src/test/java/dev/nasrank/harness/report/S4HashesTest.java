package dev.nasrank.harness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Checks the synthetic S4 enumeration the report tests rely on against the sizes in
 * docs/mixpath.md.
 */
class S4HashesTest {
  @Test
  void choiceAndUniqueArchitectureCountsMatchThePaper() {
    int[] choices = {3, 15, 63, 255};
    int[] unique = {3, 9, 19, 34};
    for (int m = 1; m <= 4; m++) {
      var cs = SyntheticRun.choices(m);
      assertEquals(choices[m - 1], cs.size(), "choices for m=" + m);
      assertEquals(
          unique[m - 1],
          cs.stream().map(SyntheticRun.Choice::hash).distinct().count(),
          "unique for m=" + m);
    }
  }
}
