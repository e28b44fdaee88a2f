package dev.nasrank.datasets.djl;

/** Derives independent 64-bit seeds from a base seed and indices (SplitMix64 finaliser). */
final class Seeds {

  private Seeds() {}

  /** A well-mixed seed for (seed, a, b); distinct inputs give unrelated outputs. */
  static long derive(long seed, long a, long b) {
    long z = mix(seed + 0x9E3779B97F4A7C15L);
    z = mix(z ^ (a * 0xBF58476D1CE4E5B9L + 0x632BE59BD9B4E019L));
    return mix(z ^ (b * 0x94D049BB133111EBL + 0x2545F4914F6CDD1DL));
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
