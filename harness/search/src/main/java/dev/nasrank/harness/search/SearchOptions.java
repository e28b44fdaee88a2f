package dev.nasrank.harness.search;

/**
 * The strategies' parameters. Defaults (stated here once): population {@value #DEFAULT_POPULATION}
 * (regularized evolution's P and NSGA-II's N), tournament sample {@value #DEFAULT_SAMPLE}
 * (regularized evolution's S), sized for budgets of tens of queries over S4's 255 choices.
 *
 * @param population P of regularized evolution, N of NSGA-II
 * @param sample S of regularized evolution
 */
public record SearchOptions(int population, int sample) {

  /** Default population. */
  public static final int DEFAULT_POPULATION = 10;

  /** Default tournament sample of regularized evolution. */
  public static final int DEFAULT_SAMPLE = 3;

  /** Validates the ranges, naming the value. */
  public SearchOptions {
    if (population < 2) {
      throw new IllegalArgumentException("the population must be >= 2, got " + population);
    }
    if (sample < 1 || sample > population) {
      throw new IllegalArgumentException(
          "the tournament sample must be in 1.." + population + ", got " + sample);
    }
  }

  /** The defaults. */
  public static SearchOptions defaults() {
    return new SearchOptions(DEFAULT_POPULATION, DEFAULT_SAMPLE);
  }
}
