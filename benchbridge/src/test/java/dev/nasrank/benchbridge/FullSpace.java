package dev.nasrank.benchbridge;

/** One enumeration of the whole space shared by the test classes of this JVM (it takes seconds). */
public final class FullSpace {
  private static SearchSpace space;

  private FullSpace() {}

  /** The enumerated space, computed on first use with 2 threads. */
  public static synchronized SearchSpace get() {
    if (space == null) {
      space = SearchSpace.enumerate(2);
    }
    return space;
  }
}
