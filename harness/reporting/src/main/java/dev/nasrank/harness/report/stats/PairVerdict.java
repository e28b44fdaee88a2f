package dev.nasrank.harness.report.stats;

/**
 * Which setting of a pair ranks better, decided by the Holm-adjusted p-value at the family-wise
 * level alpha.
 */
public enum PairVerdict {
  A_BETTER("a_better"),
  B_BETTER("b_better"),
  UNDECIDED("undecided");

  private final String key;

  PairVerdict(String key) {
    this.key = key;
  }

  /** The CSV form: {@code a_better}, {@code b_better}, {@code undecided}. */
  public String key() {
    return key;
  }

  /** The verdict with A and B swapped. */
  public PairVerdict flipped() {
    return this == A_BETTER ? B_BETTER : this == B_BETTER ? A_BETTER : UNDECIDED;
  }
}
