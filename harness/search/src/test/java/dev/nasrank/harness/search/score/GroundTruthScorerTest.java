package dev.nasrank.harness.search.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nasrank.harness.search.SearchProblem;
import dev.nasrank.harness.search.SearchTrace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroundTruthScorerTest {

  /** Five candidates; c1 and c4 are one architecture ("x"). */
  private static final Map<String, Double> TRUTH =
      Map.of("c0", 0.90, "c1", 0.80, "c2", 0.85, "c3", 0.70, "c4", 0.80);

  private static final Map<String, String> ARCH =
      Map.of("c0", "w", "c1", "x", "c2", "y", "c3", "z", "c4", "x");

  private static final Map<String, Double> COST =
      Map.of("c0", 9.0, "c1", 3.0, "c2", 6.0, "c3", 1.0, "c4", 4.0);

  private static SearchProblem<String> problem() {
    return SearchProblem.of(List.of("c0", "c1", "c2", "c3", "c4"), c -> List.of(), COST::get);
  }

  /**
   * Queries c3, c1, c2 with oracle values 0.5, 0.7, 0.6: incumbents c3, c1, c1, so anytime regret
   * is 0.90 - 0.70, 0.90 - 0.80, 0.90 - 0.80 = 0.20, 0.10, 0.10; the returned c1 has regret 0.10
   * and true rank 3 (w 0.90 and y 0.85 above it; x counts once).
   */
  @Test
  void regretRankAndAnytimeRegretByHand() {
    GroundTruthScorer<String> s = new GroundTruthScorer<>(problem(), TRUTH::get, ARCH::get);
    SearchTrace<String> t =
        new SearchTrace<>(List.of("c3", "c1", "c2"), new double[] {0.5, 0.7, 0.6});
    assertEquals(0.90, s.best(), 0.0);
    assertEquals(4, s.architectures());
    assertEquals("c1", t.returned());
    assertEquals(0.10, s.regret(t.returned()), 1e-12);
    assertEquals(3, s.trueRank(t.returned()));
    assertEquals(1, s.trueRank("c0"));
    assertEquals(4, s.trueRank("c3"));
    assertArrayEquals(new double[] {0.20, 0.10, 0.10}, s.anytimeRegret(t), 1e-12);
  }

  /**
   * True front by (truth, cost): c3 (0.70, 1), c1 (0.80, 3), c2 (0.85, 6), c0 (0.90, 9); c4 (0.80,
   * 4) is dominated by c1. Reference: accuracy 0.70 - 0.1 * 0.20 = 0.68, cost 9 + 0.1 * 8 = 9.8.
   * True hypervolume: 0.02 * 8.8 + 0.10 * 6.8 + 0.05 * 3.8 + 0.05 * 0.8 = 0.176 + 0.68 + 0.19 +
   * 0.04 = 1.086. The front {c1, c0}: 0.12 * 6.8 + 0.10 * 0.8 = 0.816 + 0.08 = 0.896, ratio 0.896 /
   * 1.086.
   */
  @Test
  void hypervolumeRatioByHand() {
    GroundTruthScorer<String> s = new GroundTruthScorer<>(problem(), TRUTH::get, ARCH::get);
    assertEquals(List.of("c0", "c1", "c2", "c3"), s.trueFront());
    assertEquals(0.68, s.reference().accuracyRef(), 1e-12);
    assertEquals(9.8, s.reference().costRef(), 1e-12);
    assertEquals(1.086, s.trueHypervolume(), 1e-12);
    assertEquals(0.896 / 1.086, s.hypervolumeRatio(List.of("c1", "c0")), 1e-12);
    assertEquals(1.0, s.hypervolumeRatio(s.trueFront()), 1e-12);
  }

  /** The front a trace returns: non-dominated by (oracle value, cost) among the queries. */
  @Test
  void traceFrontUsesTheOracleValues() {
    SearchTrace<String> t =
        new SearchTrace<>(List.of("c0", "c1", "c2", "c3"), new double[] {0.6, 0.7, 0.5, 0.4});
    // c0 (0.6, 9) is dominated by c1 (0.7, 3); c2 (0.5, 6) too; c3 (0.4, 1) is cheapest.
    assertEquals(List.of("c1", "c3"), t.front(COST::get));
  }
}
