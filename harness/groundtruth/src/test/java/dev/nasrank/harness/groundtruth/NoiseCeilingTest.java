package dev.nasrank.harness.groundtruth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nasrank.benchbridge.Evaluation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoiseCeilingTest {

  static UnitResult unit(String hash, int repeat, double val, double test) {
    List<Evaluation> evals =
        List.of(
            new Evaluation(0, 0, 0.1, 0.1, 0.1),
            new Evaluation(1, 1, 0.3, 0.3, 0.3),
            new Evaluation(2, 2, 0.5, val, test));
    return new UnitResult(hash, "0100", "input,output", repeat, 7, 2, 100, 3.0, evals);
  }

  /** Tau-a by counting pairs (equal to tau-b without ties). */
  static double bruteTau(double[] x, double[] y) {
    int c = 0;
    int d = 0;
    for (int i = 0; i < x.length; i++) {
      for (int j = i + 1; j < x.length; j++) {
        double s = Math.signum(x[i] - x[j]) * Math.signum(y[i] - y[j]);
        c += s > 0 ? 1 : 0;
        d += s < 0 ? 1 : 0;
      }
    }
    return (c - d) / (x.length * (x.length - 1) / 2.0);
  }

  @Test
  void pairwiseTauMatchesPairCountingAndIsAveraged() {
    double[] r0 = {0.50, 0.61, 0.40, 0.72, 0.55, 0.30};
    double[] r1 = {0.52, 0.58, 0.45, 0.70, 0.49, 0.33};
    double[] r2 = {0.60, 0.50, 0.41, 0.69, 0.56, 0.20};
    List<UnitResult> units = new ArrayList<>();
    for (int a = 0; a < r0.length; a++) {
      units.add(unit("h" + a, 0, r0[a], r0[a]));
      units.add(unit("h" + a, 1, r1[a], r1[a]));
      units.add(unit("h" + a, 2, r2[a], 1.0 - r2[a]));
    }
    NoiseCeiling v = NoiseCeiling.validation(units);
    assertEquals(bruteTau(r0, r1), v.pairs().get("0-1"), 1e-12);
    assertEquals(bruteTau(r0, r2), v.pairs().get("0-2"), 1e-12);
    assertEquals(bruteTau(r1, r2), v.pairs().get("1-2"), 1e-12);
    assertEquals((bruteTau(r0, r1) + bruteTau(r0, r2) + bruteTau(r1, r2)) / 3, v.meanTau(), 1e-12);
    assertEquals(6, v.architectures().get("0-1"));
    // test accuracy of repeat 2 is reversed: its taus flip sign against the validation ones
    NoiseCeiling t = NoiseCeiling.test(units);
    assertEquals(-bruteTau(r0, r2), t.pairs().get("0-2"), 1e-12);
  }

  @Test
  void comparesOnlyArchitecturesPresentInBothRepeatsAndNeedsTwo() {
    List<UnitResult> units =
        List.of(
            unit("a", 0, 0.1, 0.1),
            unit("b", 0, 0.2, 0.2),
            unit("c", 0, 0.3, 0.3),
            unit("a", 1, 0.15, 0.1),
            unit("c", 1, 0.35, 0.3));
    NoiseCeiling v = NoiseCeiling.validation(units);
    assertEquals(2, v.architectures().get("0-1"));
    assertEquals(1.0, v.meanTau(), 1e-12);
    assertTrue(Double.isNaN(NoiseCeiling.validation(units.subList(0, 3)).meanTau()));
  }
}
