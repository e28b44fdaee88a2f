package dev.nasrank.harness.report.claims;

/**
 * One audited claim, a row of claims.csv.
 *
 * @param id 1..8, in the order of docs/mixpath.md and issue 10
 * @param claim the claim in words
 * @param paper the paper's figure ({@code -} where it gives none)
 * @param ours our measurement: mean tau-b with its 95% interval, or the differences tested
 * @param verdict reproduced, contradicted or undecided
 * @param paperInInterval for each paper figure, whether it lies in our 95% interval of the matching
 *     setting ({@code yes} / {@code no}, separated by {@code ;}), {@code -} without a figure
 * @param test the rule that gave the verdict
 * @param target the inference target of {@code verdict} (the run's primary one), {@code -} for a
 *     claim whose test does not depend on it (7, 8)
 * @param verdictSpace the verdict under the {@code space} target
 * @param verdictArchitectures the verdict under the {@code architectures} target
 */
public record ClaimResult(
    int id,
    String claim,
    String paper,
    String ours,
    ClaimVerdict verdict,
    String paperInInterval,
    String test,
    String target,
    ClaimVerdict verdictSpace,
    ClaimVerdict verdictArchitectures) {

  /** A claim whose test does not depend on the inference target: both verdicts are the verdict. */
  public ClaimResult(
      int id,
      String claim,
      String paper,
      String ours,
      ClaimVerdict verdict,
      String paperInInterval,
      String test) {
    this(id, claim, paper, ours, verdict, paperInInterval, test, "-", verdict, verdict);
  }
}
