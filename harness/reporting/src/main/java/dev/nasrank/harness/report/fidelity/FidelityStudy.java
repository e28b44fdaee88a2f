package dev.nasrank.harness.report.fidelity;

import dev.nasrank.benchbridge.GroundTruthSource;
import dev.nasrank.benchbridge.ModelSpec;
import dev.nasrank.harness.metrics.BootstrapInterval;
import dev.nasrank.harness.metrics.RankMetrics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Compares a ground truth we trained with NAS-Bench-101 on the same cells: Kendall tau-b and
 * Spearman (with bootstrap 95% intervals over cells) of our accuracies against NAS-Bench-101's
 * short-budget and final accuracies and against the parameter count, with NAS-Bench-101's own
 * short-vs-final and parameters-vs-final agreement as the reference a cheap proxy has to beat.
 */
public final class FidelityStudy {

  /**
   * One correlation.
   *
   * @param x what ranks
   * @param y what it is measured against
   * @param n cells
   * @param kendall Kendall tau-b with its interval
   * @param spearman Spearman's rho with its interval
   */
  public record Correlation(
      String x,
      String y,
      int n,
      BootstrapInterval.Interval kendall,
      BootstrapInterval.Interval spearman) {}

  /**
   * The study.
   *
   * @param rows one per cell, ascending by NAS-Bench-101's final accuracy
   * @param correlations every pair compared
   * @param missing cells of our ground truth that the NAS-Bench-101 source lacks (left out)
   */
  public record Result(
      List<FidelityRow> rows, List<Correlation> correlations, List<String> missing) {
    /** Cells whose parameter counts agree. */
    public long parameterMatches() {
      return rows.stream().filter(FidelityRow::parametersMatch).count();
    }
  }

  private FidelityStudy() {}

  /**
   * Runs the comparison.
   *
   * @param ours our ground truth (with cells), read at {@code oursEpochs}
   * @param nb101 NAS-Bench-101 (full file, cache or dump), read at {@code shortEpochs} and {@code
   *     finalEpochs}
   * @param parameterCount our count of a cell's NAS-Bench-101 network
   * @param bootstrap resampling of the intervals (cells resampled with replacement)
   */
  public static Result compute(
      GroundTruthSource ours,
      int oursEpochs,
      GroundTruthSource nb101,
      int shortEpochs,
      int finalEpochs,
      ToLongFunction<ModelSpec> parameterCount,
      BootstrapInterval bootstrap) {
    for (int e : new int[] {shortEpochs, finalEpochs}) {
      if (Arrays.stream(nb101.epochBudgets()).noneMatch(b -> b == e)) {
        throw new IllegalArgumentException(
            nb101.name()
                + " has no "
                + e
                + "-epoch budget (it has "
                + Arrays.toString(nb101.epochBudgets())
                + ")");
      }
    }
    List<FidelityRow> rows = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    ours.hashes()
        .forEach(
            h -> {
              if (ours.repeats(h, oursEpochs) == 0) {
                return;
              }
              if (!nb101.contains(h)) {
                missing.add(h);
                return;
              }
              rows.add(
                  new FidelityRow(
                      h,
                      ours.meanFinalValidationAccuracy(h, oursEpochs),
                      ours.repeats(h, oursEpochs),
                      nb101.meanFinalValidationAccuracy(h, shortEpochs),
                      nb101.meanFinalValidationAccuracy(h, finalEpochs),
                      parameterCount.applyAsLong(ours.spec(h)),
                      nb101.trainableParameters(h)));
            });
    if (rows.size() < 3) {
      throw new IllegalArgumentException(
          "only "
              + rows.size()
              + " cells of "
              + ours.name()
              + " are in "
              + nb101.name()
              + ": at least 3 are needed to rank");
    }
    rows.sort((a, b) -> Double.compare(a.nb101Final(), b.nb101Final()));
    double[] o = rows.stream().mapToDouble(FidelityRow::ours).toArray();
    double[] s = rows.stream().mapToDouble(FidelityRow::nb101Short).toArray();
    double[] f = rows.stream().mapToDouble(FidelityRow::nb101Final).toArray();
    double[] p = rows.stream().mapToDouble(r -> (double) r.nb101Parameters()).toArray();
    String our = "ours (" + oursEpochs + " ep)";
    String sh = "NB101 " + shortEpochs + " ep";
    String fi = "NB101 " + finalEpochs + " ep";
    List<Correlation> c =
        List.of(
            correlation(our, fi, o, f, bootstrap),
            correlation(our, sh, o, s, bootstrap),
            correlation(sh, fi, s, f, bootstrap),
            correlation("parameters", fi, p, f, bootstrap),
            correlation(our, "parameters", o, p, bootstrap));
    return new Result(List.copyOf(rows), c, List.copyOf(missing));
  }

  private static Correlation correlation(
      String x, String y, double[] a, double[] b, BootstrapInterval boot) {
    return new Correlation(
        x, y, a.length, boot.kendallTau(a, b), boot.of(a, b, RankMetrics::spearman));
  }
}
