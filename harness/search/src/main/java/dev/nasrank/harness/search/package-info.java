/**
 * The search stage of a one-shot NAS method: strategies that query an {@link
 * dev.nasrank.harness.search.Oracle} (a trained supernet's one-shot accuracy, or the ground truth
 * itself) over a finite pool of candidates with a mutation neighbourhood ({@link
 * dev.nasrank.harness.search.SearchProblem}), under a budget of distinct queries: random search,
 * regularized evolution (Real et al. 2019) and NSGA-II (Deb et al. 2002) for accuracy against a
 * cost. Scoring against the ground truth is {@code search.score}; a run folder's search is {@code
 * search.stage}. docs/search.md describes the algorithms and their defaults.
 */
package dev.nasrank.harness.search;
