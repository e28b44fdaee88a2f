package dev.nasrank.harness.report.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Holm's step-down adjustment of p-values (Holm 1979, "A simple sequentially rejective multiple
 * test procedure", Scand. J. Statist. 6): with the m p-values sorted ascending, p_(i) becomes max
 * over j <= i of min(1, (m - j + 1) p_(j)). Rejecting where the adjusted p-value is below alpha
 * controls the family-wise error rate at alpha. NaN p-values stay NaN and do not count in m.
 */
public final class Holm {
  private Holm() {}

  /** The adjusted p-values, in the input order. */
  public static double[] adjust(double[] p) {
    int[] order =
        IntStream.range(0, p.length)
            .filter(i -> !Double.isNaN(p[i]))
            .boxed()
            .sorted(Comparator.comparingDouble(i -> p[i]))
            .mapToInt(Integer::intValue)
            .toArray();
    double[] out = new double[p.length];
    Arrays.fill(out, Double.NaN);
    int m = order.length;
    double running = 0;
    for (int i = 0; i < m; i++) {
      running = Math.max(running, Math.min(1, (m - i) * p[order[i]]));
      out[order[i]] = running;
    }
    return out;
  }
}
