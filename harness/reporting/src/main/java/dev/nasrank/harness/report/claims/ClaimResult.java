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
 */
public record ClaimResult(
    int id,
    String claim,
    String paper,
    String ours,
    ClaimVerdict verdict,
    String paperInInterval,
    String test) {}
