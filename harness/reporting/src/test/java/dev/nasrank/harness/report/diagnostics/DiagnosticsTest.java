package dev.nasrank.harness.report.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiagnosticsTest {
  @TempDir Path tmp;

  @Test
  void cosineOfKnownVectors() {
    float[] v = {1, 2, 3};
    float[] twoV = {2, 4, 6};
    float[] orth = {3, 0, -1}; // v . orth = 3 - 3 = 0
    float[] neg = {-1, -2, -3};
    FeatureSimilarity s =
        FeatureSimilarity.of(List.of("v", "2v", "orth", "-v"), List.of(v, twoV, orth, neg));
    assertEquals(1.0, s.cosine()[0][1], 1e-12);
    assertEquals(0.0, s.cosine()[0][2], 1e-12);
    assertEquals(-1.0, s.cosine()[0][3], 1e-12);
    assertEquals(1.0, s.cosine()[2][2], 1e-12);
    assertEquals(s.cosine()[2][1], s.cosine()[1][2], 0);
    assertEquals(Math.sqrt(14), s.magnitudes()[0], 1e-12);
    assertEquals(2 * Math.sqrt(14), s.magnitudes()[1], 1e-12);
    // a sum of k parallel features has k times the magnitude
    float[] sum = FeatureSimilarity.sum(List.of(v, v, v));
    assertEquals(
        3 * Math.sqrt(14), FeatureSimilarity.of(List.of("s"), List.of(sum)).magnitudes()[0], 1e-6);
    assertThrows(
        IllegalArgumentException.class,
        () -> FeatureSimilarity.of(List.of("a", "b"), List.of(v, new float[] {1, 2})));
  }

  private static SbnStatistics.Bn bn(
      String label, int k, double[] mean1, double[] var1, double[] gamma, double[] beta) {
    double[] mean = new double[mean1.length];
    double[] var = new double[var1.length];
    for (int i = 0; i < mean.length; i++) {
      mean[i] = k * mean1[i];
      var[i] = k * k * var1[i];
    }
    return new SbnStatistics.Bn(label, k, mean, var, gamma, beta);
  }

  @Test
  void exactScalingGivesRatiosOfOne() {
    double[] mean1 = {0.5, -0.2, 1.0, 0.3};
    double[] var1 = {0.1, 0.4, 0.2, 0.05};
    double[] gamma = {1, 1.1, 0.9, 1};
    double[] beta = {0.1, 0, -0.1, 0.2};
    List<SbnStatistics.Bn> bns =
        List.of(
            bn("k=1", 1, mean1, var1, gamma, beta),
            bn("k=2", 2, mean1, var1, gamma, beta),
            bn("k=3", 3, mean1, var1, gamma, beta),
            bn("k=4", 4, mean1, var1, gamma, beta));
    for (SbnStatistics.ScalingRow r : SbnStatistics.scaling("cell0", bns)) {
      assertEquals(1.0, r.meanRatio(), 1e-12, r.toString());
      assertEquals(1.0, r.varRatio(), 1e-12, r.toString());
    }
    List<SbnStatistics.AffineRow> affine = SbnStatistics.affine("cell0", bns);
    assertEquals(6, affine.size());
    affine.forEach(
        r -> {
          assertEquals(1.0, r.gammaCosine(), 1e-12);
          assertEquals(0.0, r.gammaRelativeDistance(), 0);
        });
  }

  @Test
  void unscaledStatisticsAndDistinctAffinesAreDetected() {
    double[] m = {1, 2};
    double[] v = {1, 1};
    // SBN_2 with the statistics of SBN_1 (no scaling): mean ratio 1/2, var ratio 1/4
    List<SbnStatistics.Bn> bns =
        List.of(
            new SbnStatistics.Bn("k=1", 1, m, v, new double[] {1, 0}, new double[] {0, 0}),
            new SbnStatistics.Bn("k=2", 2, m, v, new double[] {0, 1}, new double[] {0, 0}));
    SbnStatistics.ScalingRow r2 = SbnStatistics.scaling("c", bns).get(1);
    assertEquals(0.5, r2.meanRatio(), 1e-12);
    assertEquals(0.25, r2.varRatio(), 1e-12);
    SbnStatistics.AffineRow a = SbnStatistics.affine("c", bns).get(0);
    assertEquals(0.0, a.gammaCosine(), 1e-12); // orthogonal gammas
    assertEquals(Math.sqrt(2), a.gammaRelativeDistance(), 1e-12); // |(1,-1)| / ((1 + 1) / 2)
    assertTrue(Double.isNaN(a.betaCosine()));
    assertEquals(0.0, a.betaRelativeDistance(), 0);
    assertThrows(
        IllegalArgumentException.class, () -> SbnStatistics.scaling("c", List.of(bns.get(1))));
  }

  @Test
  void diagnosticsFileRoundTrips() {
    FeatureSimilarity s =
        FeatureSimilarity.of(List.of("a", "b"), List.of(new float[] {1, 0}, new float[] {1, 1}));
    DiagnosticsFile d =
        new DiagnosticsFile(
            List.of(new DiagnosticsFile.NamedSimilarity("node 1", s)),
            List.of(
                new DiagnosticsFile.SbnLayer(
                    "cell0",
                    List.of(
                        new SbnStatistics.Bn(
                            "k=1",
                            1,
                            new double[] {1},
                            new double[] {2},
                            new double[] {3},
                            new double[] {4})))));
    Path f = tmp.resolve("diagnostics.json");
    d.write(f);
    DiagnosticsFile back = DiagnosticsFile.read(f);
    assertEquals(Math.sqrt(0.5), back.features().get(0).similarity().cosine()[0][1], 1e-12);
    assertEquals(4.0, back.sbn().get(0).bns().get(0).beta()[0], 0);
  }
}
