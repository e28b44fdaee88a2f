package dev.nasrank.harness.search.stage;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap of a mean over a crossed grid of supernet seeds x search seeds: each of B
 * resamples draws S supernet seeds and K search seeds with replacement (one {@code nextInt(S)},
 * then one {@code nextInt(K)} per draw, from one {@link SplittableRandom}), and the statistic is
 * the mean over the drawn grid cells (with multiplicity). The draws are shared by every grid given
 * to one instance, so a difference of two strategies is paired. Interval: the 2.5th and 97.5th
 * percentiles, Hyndman-Fan type 7, as the reporter's intervals.
 */
final class SeedBootstrap {

  /** Two-sided level of the intervals. */
  static final double CONFIDENCE = 0.95;

  private final int[][] supernet;
  private final int[][] search;

  /** Draws for B resamples of an S x K grid. */
  SeedBootstrap(int resamples, long seed, int supernetSeeds, int searchSeeds) {
    SplittableRandom random = new SplittableRandom(seed);
    supernet = new int[resamples][supernetSeeds];
    search = new int[resamples][searchSeeds];
    for (int b = 0; b < resamples; b++) {
      for (int i = 0; i < supernetSeeds; i++) {
        supernet[b][i] = random.nextInt(supernetSeeds);
      }
      for (int j = 0; j < searchSeeds; j++) {
        search[b][j] = random.nextInt(searchSeeds);
      }
    }
  }

  /** Mean and interval. */
  record Interval(double mean, double low, double high) {}

  /** The mean of {@code grid[i][j]} (supernet seed i, search seed j) with its interval. */
  Interval of(double[][] grid) {
    double[] stats = new double[supernet.length];
    for (int b = 0; b < stats.length; b++) {
      double sum = 0;
      for (int i : supernet[b]) {
        for (int j : search[b]) {
          sum += grid[i][j];
        }
      }
      stats[b] = sum / (supernet[b].length * (double) search[b].length);
    }
    Arrays.sort(stats);
    double alpha = 1 - CONFIDENCE;
    return new Interval(mean(grid), percentile(stats, alpha / 2), percentile(stats, 1 - alpha / 2));
  }

  static double mean(double[][] grid) {
    double sum = 0;
    int n = 0;
    for (double[] row : grid) {
      for (double v : row) {
        sum += v;
        n++;
      }
    }
    return sum / n;
  }

  /** Hyndman-Fan type 7 percentile of sorted values. */
  static double percentile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}
