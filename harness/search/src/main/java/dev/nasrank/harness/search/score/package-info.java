/**
 * Scores of a search against the ground truth: regret, the returned candidate's true rank, anytime
 * regret over the budget ({@link dev.nasrank.harness.search.score.GroundTruthScorer}) and the
 * hypervolume of a two-objective front ({@link dev.nasrank.harness.search.score.Hypervolume}).
 */
package dev.nasrank.harness.search.score;
