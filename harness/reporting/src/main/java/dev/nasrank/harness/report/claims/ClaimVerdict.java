package dev.nasrank.harness.report.claims;

import dev.nasrank.harness.report.stats.PairVerdict;
import java.util.List;

/** The verdict on a claim (or on one part of it) at this study's budget. */
public enum ClaimVerdict {
  REPRODUCED("reproduced"),
  CONTRADICTED("contradicted"),
  UNDECIDED("undecided");

  private final String key;

  ClaimVerdict(String key) {
    this.key = key;
  }

  /** The CSV and report form. */
  public String key() {
    return key;
  }

  /**
   * A claim that is a conjunction of parts: contradicted when any part is, reproduced when every
   * part is (and there is at least one), undecided otherwise.
   */
  public static ClaimVerdict all(List<ClaimVerdict> parts) {
    if (parts.contains(CONTRADICTED)) {
      return CONTRADICTED;
    }
    return !parts.isEmpty() && parts.stream().allMatch(p -> p == REPRODUCED)
        ? REPRODUCED
        : UNDECIDED;
  }

  /** An ordering part "A ranks better than B" from the pair's verdict oriented as A minus B. */
  public static ClaimVerdict ofOrdering(PairVerdict aMinusB) {
    return switch (aMinusB) {
      case A_BETTER -> REPRODUCED;
      case B_BETTER -> CONTRADICTED;
      case UNDECIDED -> UNDECIDED;
    };
  }
}
