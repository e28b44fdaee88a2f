package dev.nasrank.harness.report.claims;

import dev.nasrank.harness.report.diagnostics.DiagnosticsFile;
import dev.nasrank.harness.report.diagnostics.SbnStatistics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * Claim 7, Lemma 3.1's statistics, from the Shadow-BN diagnostics of the linear-SBN layers (layers
 * whose BNs serve distinct numbers of active paths; exponential SBN layers have several BNs per
 * count). These are point values of trained supernets (no interval), so each part is decided by
 * which model they sit closer to, on a log scale:
 *
 * <ul>
 *   <li>mean and variance scaling, per k >= 2: the median over layers of {@code mean_k / (k
 *       mean_1)} (resp. {@code var_k / (k^2 var_1)}) is 1 under the Lemma and 1/k under the model
 *       one power of k lower (means that do not grow, variances that grow like independent paths');
 *       at least 1/sqrt(k) supports the Lemma. A statistic is reproduced when every k supports it,
 *       contradicted when none does, undecided otherwise;
 *   <li>gamma and beta closeness: the median relative distance ||a - b|| / mean(||a||, ||b||) over
 *       all pairs of BNs is 0 for identical and sqrt(2) for unrelated (orthogonal) vectors of equal
 *       norm; below sqrt(2)/2 is close.
 * </ul>
 */
final class SbnLemmaClaim {
  private SbnLemmaClaim() {}

  static ClaimResult audit(List<DiagnosticsFile.SbnLayer> layers) {
    List<DiagnosticsFile.SbnLayer> linear =
        layers.stream().filter(SbnLemmaClaim::isLinear).toList();
    String claim =
        "Lemma 3.1: mean of SBN_k about k times SBN_1's, variance about k^2 times; learned beta/gamma "
            + "of the SBNs close to each other";
    String paper = "mean_k ~ k mean_1, var_k ~ k^2 var_1, close beta/gamma";
    String test =
        "medians over linear-SBN layers: ratio to the Lemma >= 1/sqrt(k) for every k (mean, variance); "
            + "relative distance of gamma and of beta < sqrt(2)/2; all parts: reproduced, any part against: "
            + "contradicted";
    if (linear.isEmpty()) {
      return new ClaimResult(
          7,
          claim,
          paper,
          "no linear Shadow-BN diagnostics in this run",
          ClaimVerdict.UNDECIDED,
          "-",
          test);
    }
    Map<Integer, List<Double>> meanRatio = new TreeMap<>();
    Map<Integer, List<Double>> varRatio = new TreeMap<>();
    List<Double> gamma = new ArrayList<>();
    List<Double> beta = new ArrayList<>();
    for (DiagnosticsFile.SbnLayer l : linear) {
      for (SbnStatistics.ScalingRow r : SbnStatistics.scaling(l.layer(), l.bns())) {
        if (r.activePaths() >= 2) {
          meanRatio.computeIfAbsent(r.activePaths(), k -> new ArrayList<>()).add(r.meanRatio());
          varRatio.computeIfAbsent(r.activePaths(), k -> new ArrayList<>()).add(r.varRatio());
        }
      }
      for (SbnStatistics.AffineRow r : SbnStatistics.affine(l.layer(), l.bns())) {
        gamma.add(r.gammaRelativeDistance());
        beta.add(r.betaRelativeDistance());
      }
    }
    List<ClaimVerdict> parts = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    parts.add(scaling("mean_k/(k mean_1)", meanRatio, texts));
    parts.add(scaling("var_k/(k^2 var_1)", varRatio, texts));
    parts.add(closeness("gamma", gamma, texts));
    parts.add(closeness("beta", beta, texts));
    return new ClaimResult(
        7,
        claim,
        paper,
        linear.size() + " linear-SBN layers: " + String.join("; ", texts),
        ClaimVerdict.all(parts),
        "-",
        test);
  }

  static boolean isLinear(DiagnosticsFile.SbnLayer l) {
    long distinct = l.bns().stream().mapToInt(SbnStatistics.Bn::activePaths).distinct().count();
    return l.bns().size() >= 2 && distinct == l.bns().size();
  }

  private static ClaimVerdict scaling(
      String name, Map<Integer, List<Double>> byK, List<String> texts) {
    List<String> ks = new ArrayList<>();
    int support = 0;
    for (Map.Entry<Integer, List<Double>> e : byK.entrySet()) {
      double m = median(e.getValue());
      support += m >= 1 / Math.sqrt(e.getKey()) ? 1 : 0;
      ks.add("k=" + e.getKey() + " " + Texts.f(m));
    }
    texts.add(name + " " + String.join(", ", ks));
    return byK.isEmpty()
        ? ClaimVerdict.UNDECIDED
        : support == byK.size()
            ? ClaimVerdict.REPRODUCED
            : support == 0 ? ClaimVerdict.CONTRADICTED : ClaimVerdict.UNDECIDED;
  }

  private static ClaimVerdict closeness(String name, List<Double> distances, List<String> texts) {
    double m = median(distances);
    texts.add(name + " relative distance " + Texts.f(m));
    return Double.isNaN(m)
        ? ClaimVerdict.UNDECIDED
        : m < Math.sqrt(2) / 2 ? ClaimVerdict.REPRODUCED : ClaimVerdict.CONTRADICTED;
  }

  private static double median(List<Double> v) {
    double[] a =
        v.stream().mapToDouble(Double::doubleValue).filter(x -> !Double.isNaN(x)).toArray();
    return a.length == 0 ? Double.NaN : new Median().evaluate(a);
  }
}
