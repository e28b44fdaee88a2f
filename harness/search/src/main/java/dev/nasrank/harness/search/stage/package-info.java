/**
 * The search stage of a finished run folder ({@link dev.nasrank.harness.search.stage.RunSearch}):
 * every setting x supernet seed of candidates.csv searched by each strategy with the recorded
 * one-shot accuracies as the oracle, beside random search and the same searches on the ground
 * truth, scored against the ground truth and summarised over seeds with bootstrap intervals into
 * search.csv, search-runs.csv, search-anytime.csv, search.md and plots.
 */
package dev.nasrank.harness.search.stage;
