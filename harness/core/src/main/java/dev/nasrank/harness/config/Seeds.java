package dev.nasrank.harness.config;

/**
 * The seed default and how a seed reaches the engine. Seeds are {@code long} everywhere (the
 * sampler's and the data order's generators take all 64 bits); the engine's random generator takes
 * an {@code int} ({@link #torchSeed}).
 */
public final class Seeds {

  /**
   * The default seed of every seeded default of this project: the MixPath reference code's 2020
   * (supernet training, sampler, data order, bootstraps).
   */
  public static final long DEFAULT = 2020;

  /** {@link #DEFAULT} as text, for command-line defaults. */
  public static final String DEFAULT_TEXT = "" + DEFAULT;

  private Seeds() {}

  /**
   * The engine's {@code int} seed of a {@code long} seed. A seed that fits an {@code int} is itself
   * (so every run seeded so far keeps its bits: the engine was given {@code (int) seed}); any other
   * seed is mixed with the SplitMix64 finaliser (Steele et al., OOPSLA 2014) before its low 32 bits
   * are taken, so seeds that differ only above bit 31 (s and s + 2^32, which truncation sent to one
   * engine seed) get different ones.
   */
  public static int torchSeed(long seed) {
    if (seed >= Integer.MIN_VALUE && seed <= Integer.MAX_VALUE) {
      return (int) seed;
    }
    long z = seed;
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return (int) (z ^ (z >>> 31));
  }
}
