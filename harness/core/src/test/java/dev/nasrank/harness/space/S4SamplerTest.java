package dev.nasrank.harness.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class S4SamplerTest {

  private static final int DRAWS = 40_000;

  @Test
  void pathCountsAreUniformOverOneToM() {
    for (SamplerMode mode : SamplerMode.values()) {
      S4Sampler s = new S4Sampler(4, mode, 2020);
      int[] counts = new int[5];
      for (int i = 0; i < DRAWS; i++) {
        counts[s.next().activePaths()]++;
      }
      assertEquals(0, counts[0]);
      for (int k = 1; k <= 4; k++) {
        // expected 10,000; binomial sd ~87: 5 sd
        assertEquals(DRAWS / 4.0, counts[k], 450, "m'=" + k + " in " + mode);
      }
    }
  }

  @Test
  void correctedSamplerUsesEveryNodeAndOpEvenly() {
    S4Sampler s = new S4Sampler(3, SamplerMode.CORRECTED, 7);
    int[] nodeUse = new int[4];
    int[] opUse = new int[3];
    Set<S4Choice> seen = new HashSet<>();
    for (int i = 0; i < DRAWS; i++) {
      S4Choice c = s.next();
      assertTrue(c.activePaths() <= 3);
      seen.add(c);
      for (int n : c.activeNodes()) {
        nodeUse[n]++;
        opUse[c.opIndex(n)]++;
      }
    }
    // E[m'] = 2, each node is active with probability E[m']/4 = 1/2.
    for (int n = 0; n < 4; n++) {
      assertEquals(DRAWS / 2.0, nodeUse[n], 600, "node " + n);
    }
    int total = opUse[0] + opUse[1] + opUse[2];
    for (int o = 0; o < 3; o++) {
      assertEquals(total / 3.0, opUse[o], 600, "op " + o);
    }
    assertEquals(S4Space.choices(3).size(), seen.size(), "every reachable choice drawn");
  }

  @Test
  void referenceSamplerNeverUsesTheLastNodesWhenMIsBelowFour() {
    S4Sampler s = new S4Sampler(3, SamplerMode.REFERENCE, 2020);
    Set<S4Choice> seen = new HashSet<>();
    for (int i = 0; i < DRAWS; i++) {
      S4Choice c = s.next();
      assertFalse(c.isActive(3), "reference sampler used node 4: " + c);
      seen.add(c);
    }
    assertEquals(new HashSet<>(S4Space.referenceChoices(3)), seen);
    S4Sampler one = new S4Sampler(1, SamplerMode.REFERENCE, 1);
    for (int i = 0; i < 1000; i++) {
      assertEquals(0b1, one.next().activeMask());
    }
  }

  @Test
  void seededAndResumable() {
    S4Sampler a = new S4Sampler(4, SamplerMode.CORRECTED, 99);
    S4Sampler b = new S4Sampler(4, SamplerMode.CORRECTED, 99);
    for (int i = 0; i < 100; i++) {
      assertEquals(a.next(), b.next());
    }
    byte[] state = a.saveState();
    Map<Integer, S4Choice> expected = new HashMap<>();
    for (int i = 0; i < 50; i++) {
      expected.put(i, a.next());
    }
    S4Sampler c = new S4Sampler(4, SamplerMode.CORRECTED, 12345);
    c.restoreState(state);
    for (int i = 0; i < 50; i++) {
      assertEquals(expected.get(i), c.next());
    }
    assertThrows(IllegalArgumentException.class, () -> c.restoreState(new byte[] {1, 2, 3}));
  }
}
