package dev.nasrank.harness.bench;

import dev.nasrank.harness.supernet.S4SupernetConfig;

/**
 * A timed report of the supernet training step.
 *
 * @param supernet supernet shape (the target is C = 16, one cell per stack)
 * @param batchSize images per step
 * @param steps timed steps (after warm-up)
 * @param warmup untimed steps first (for a soak: steps before the RSS baseline)
 * @param soak if above 0, run this many steps and sample the resident set instead of timing
 * @param rssEvery soak: sample VmRSS every this many steps
 * @param seed seed of weights, sampler and synthetic data
 */
public record BenchConfig(
    S4SupernetConfig supernet,
    int batchSize,
    int steps,
    int warmup,
    int soak,
    int rssEvery,
    long seed) {

  /** Validates the values. */
  public BenchConfig {
    if (batchSize < 2 || steps < 1 || warmup < 0 || soak < 0 || rssEvery < 1) {
      throw new IllegalArgumentException(
          "bad benchmark settings: batch "
              + batchSize
              + ", steps "
              + steps
              + ", warmup "
              + warmup
              + ", soak "
              + soak
              + ", rss every "
              + rssEvery);
    }
    if (soak > 0 && warmup >= soak) {
      throw new IllegalArgumentException(
          "soak of " + soak + " steps must exceed its warm-up of " + warmup);
    }
  }
}
