package dev.nasrank.benchbridge;

/** Test access to package-private helpers of {@link SearchSpace}. */
public final class SearchSpaceTestAccess {
  private SearchSpaceTestAccess() {}

  /** See {@code SearchSpace.fullDagBits}. */
  public static long fullDagBits(int v, int mask) {
    return SearchSpace.fullDagBits(v, mask);
  }
}
