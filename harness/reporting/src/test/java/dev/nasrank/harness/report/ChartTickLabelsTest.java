package dev.nasrank.harness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Blank tick labels: XChart never finished laying out an axis whose blank labels repeated (a forest
 * plot of two settings hung the report), so every tick value gets its own blank.
 */
class ChartTickLabelsTest {

  @Test
  void blankLabelsAreDistinctWhitespaceOfOneLengthForEveryThousandth() {
    Set<String> seen = new HashSet<>();
    for (int k = -15_999; k <= 999_999; k++) {
      String label = Charts.blankTickLabel(k / 1000.0);
      assertEquals(21, label.length());
      assertTrue(label.chars().allMatch(c -> c == ' ' || c == '\u00A0'), label);
      assertTrue(seen.add(label), "label of " + k / 1000.0 + " repeats");
    }
    // the labels the old rule gave -0.5 and 0.5 alike now differ
    assertTrue(!Charts.blankTickLabel(-0.5).equals(Charts.blankTickLabel(0.5)));
  }

  @Test
  void boxPanelsOfOneAndTwoGroupsRender() {
    for (int groups = 1; groups <= 2; groups++) {
      Map<String, double[]> data = new LinkedHashMap<>();
      for (int g = 0; g < groups; g++) {
        data.put("k=" + (g + 1), new double[] {0.10 + g * 0.01, 0.12, 0.15, 0.11, 0.13});
      }
      int n = groups;
      byte[] png =
          assertTimeoutPreemptively(
              Duration.ofSeconds(30),
              () -> Charts.png(BoxPanel.chart("t", "paths", "acc", data, 300, 240, 0.0, 0.3)),
              n + " group(s)");
      assertTrue(png.length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G');
    }
  }
}
