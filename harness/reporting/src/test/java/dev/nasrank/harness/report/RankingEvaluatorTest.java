package dev.nasrank.harness.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nasrank.harness.candidates.Candidate;
import dev.nasrank.harness.metrics.BootstrapInterval;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RankingEvaluatorTest {
  private static final String H1 = "00000000000000000000000000000001";
  private static final String H2 = "00000000000000000000000000000002";
  private static final String H3 = "00000000000000000000000000000003";

  private static Candidate row(String choice, String hash, int paths, double acc) {
    return new Candidate("mixpath", "linear_sbn", true, 1, choice, paths, hash, acc, 4, "s4");
  }

  private static GroundTruth threeArchitectures() {
    Map<String, double[]> v = new LinkedHashMap<>();
    v.put(H1, new double[] {0.90, 0.91, 0.92}); // mean 0.91
    v.put(H2, new double[] {0.93, 0.92, 0.94}); // mean 0.93
    v.put(H3, new double[] {0.89, 0.95, 0.86}); // mean 0.90
    return InMemoryGroundTruth.of("hand-made", 108, v);
  }

  private static final RankingEvaluator EVAL =
      RankingEvaluator.defaults()
          .withBootstrap(BootstrapInterval.defaults().withResamples(50))
          .withPrecisionKs(1, 2);

  @Test
  void architecturesAverageTheirChoicesAndUseTheMeanOfRepeats() {
    List<Candidate> rows =
        List.of(
            row("a", H1, 1, 0.50),
            row("b", H1, 1, 0.70),
            row("c", H2, 2, 0.80),
            row("d", H3, 2, 0.40));
    RankingEvaluator.Items items = EVAL.items(rows, threeArchitectures(), Variant.DEFAULT);
    assertEquals(List.of(H1, H2, H3), items.ids());
    assertArrayEquals(new double[] {0.60, 0.80, 0.40}, items.predicted(), 1e-12);
    assertArrayEquals(new double[] {0.91, 0.93, 0.90}, items.truth(), 1e-12);

    RankingEvaluator.Result r = EVAL.evaluate(rows, threeArchitectures(), Variant.DEFAULT);
    // predicted order H2 > H1 > H3 equals the true order: tau = 1, P@1 = P@2 = 1
    assertEquals(3, r.n());
    assertEquals(1.0, r.tau().estimate(), 1e-12);
    assertEquals(1.0, r.precisionAtK().get(1), 0);
    // noise ceiling over repeats r0 = (.90,.93,.89), r1 = (.91,.92,.95), r2 = (.92,.94,.86), pairs
    // (0,1) (0,2) (1,2):
    // r0 vs r1: C, D, D -> -1/3;  r0 vs r2: C, C, C -> 1;  r1 vs r2: C, D, D -> -1/3;  mean = (1/3)
    // / 3 = 1/9
    assertEquals(1.0 / 9, r.noiseCeiling(), 1e-12);
  }

  @Test
  void noiseCeilingOfAGroundTruthStillBeingGeneratedUsesTheItemsEachPairOfRepeatsHolds() {
    String h4 = "00000000000000000000000000000004";
    Map<String, double[]> v = new LinkedHashMap<>();
    v.put(H1, new double[] {0.90, 0.91, 0.92});
    v.put(H2, new double[] {0.93, 0.92, 0.94});
    v.put(H3, new double[] {0.89, 0.95});
    v.put(h4, new double[] {0.88});
    GroundTruth gt = InMemoryGroundTruth.of("partial", 12, v);
    // repeats 0-1 over H1..H3: r0 = (.90,.93,.89), r1 = (.91,.92,.95): C, D, D -> -1/3;
    // repeats 0-2 and 1-2 over H1, H2: concordant -> 1 each; mean = (-1/3 + 1 + 1) / 3 = 5/9
    assertEquals(5.0 / 9, RankingEvaluator.noiseCeiling(List.of(H1, H2, H3, h4), gt), 1e-12);
    // only one item with a second repeat: no pair is defined
    assertTrue(Double.isNaN(RankingEvaluator.noiseCeiling(List.of(H3, h4), gt)));
  }

  @Test
  void choicesAreRankedOneByOne() {
    List<Candidate> rows =
        List.of(
            row("a", H1, 1, 0.50),
            row("b", H1, 1, 0.70),
            row("c", H2, 2, 0.80),
            row("d", H3, 2, 0.40));
    RankingEvaluator.Items items =
        EVAL.items(
            rows,
            threeArchitectures(),
            new Variant(Variant.Unit.CHOICES, Variant.GroundTruthMode.MEAN_OF_REPEATS, false));
    assertEquals(List.of("a", "b", "c", "d"), items.ids());
    assertArrayEquals(new double[] {0.91, 0.91, 0.93, 0.90}, items.truth(), 1e-12);
  }

  @Test
  void oneSeededRepeatPicksARecordedRepeatDeterministically() {
    List<Candidate> rows =
        List.of(row("a", H1, 1, 0.5), row("c", H2, 2, 0.8), row("d", H3, 2, 0.4));
    Variant v =
        new Variant(Variant.Unit.ARCHITECTURES, Variant.GroundTruthMode.ONE_SEEDED_REPEAT, false);
    GroundTruth gt = threeArchitectures();
    RankingEvaluator.Items items = EVAL.items(rows, gt, v);
    List<String> hashes = List.of(H1, H2, H3);
    for (int i = 0; i < 3; i++) {
      int rep = EVAL.seededRepeat(hashes.get(i), 3);
      assertEquals(gt.validationAccuracy(hashes.get(i), rep), items.truth()[i], 0);
    }
    assertArrayEquals(items.truth(), EVAL.items(rows, gt, v).truth(), 0);
    // over many hashes and seeds every repeat gets used
    boolean[] seen = new boolean[3];
    for (long s = 0; s < 30; s++) {
      seen[EVAL.withRepeatSeed(s).seededRepeat(H1, 3)] = true;
    }
    assertTrue(seen[0] && seen[1] && seen[2]);
  }

  @Test
  void dropWorstRemovesThirtyLowestOneShotScores() {
    Map<String, double[]> v = new LinkedHashMap<>();
    List<Candidate> rows = new ArrayList<>();
    for (int i = 0; i < 33; i++) {
      String h = String.format("%032x", i + 1);
      v.put(h, new double[] {0.80 + i * 0.001, 0.80 + i * 0.001});
      rows.add(
          row(
              "c" + i,
              h,
              1,
              0.10 + ((i * 7) % 33) * 0.01)); // scores are a permutation of 0.10..0.42
    }
    GroundTruth gt = InMemoryGroundTruth.of("synthetic", 108, v);
    Variant drop =
        new Variant(Variant.Unit.ARCHITECTURES, Variant.GroundTruthMode.MEAN_OF_REPEATS, true);
    RankingEvaluator.Items items = EVAL.items(rows, gt, drop);
    assertEquals(3, items.size());
    for (double p : items.predicted()) {
      assertTrue(p >= 0.40 - 1e-9, "kept a dropped score " + p);
    }
  }

  @Test
  void rowsOfDifferentSupernetsAreRejected() {
    Candidate other = new Candidate("mixpath", "linear_sbn", true, 2, "b", 1, H2, 0.5, 4, "s4");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                EVAL.evaluate(
                    List.of(row("a", H1, 1, 0.5), other), threeArchitectures(), Variant.DEFAULT));
    assertTrue(e.getMessage().contains("mixes"), e.getMessage());
  }

  @Test
  void missingArchitectureInGroundTruthIsNamed() {
    List<Candidate> rows =
        List.of(row("a", H1, 1, 0.5), row("z", "ffffffffffffffffffffffffffffffff", 1, 0.6));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> EVAL.evaluate(rows, threeArchitectures(), Variant.DEFAULT));
    assertTrue(
        e.getMessage().contains("ffffffffffffffffffffffffffffffff")
            && e.getMessage().contains("'z'"),
        e.getMessage());
  }
}
