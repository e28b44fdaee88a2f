package dev.nasrank.harness.search.stage;

import dev.nasrank.harness.candidates.Candidate;
import dev.nasrank.harness.search.Strategy;

/**
 * One search of search-runs.csv: one setting, supernet seed, strategy, oracle and search seed.
 * Accuracies and regret are fractions of ground-truth validation accuracy.
 *
 * @param setting method x BN strategy x calibration
 * @param supernetSeed the supernet's training seed
 * @param strategy the strategy
 * @param oracle what it queried
 * @param searchSeed the search's seed
 * @param queries distinct queries made (the budget, or the pool when smaller)
 * @param pool candidates searched over
 * @param architectures distinct architectures (module hashes) among them
 * @param returned the returned candidate's id
 * @param returnedHash its module hash
 * @param returnedAccuracy its ground-truth accuracy
 * @param bestAccuracy the pool's best ground-truth accuracy
 * @param regret best minus returned
 * @param trueRank 1 + architectures with a higher ground truth
 * @param hypervolumeRatio hypervolume of the queried front over the true front's
 */
public record SearchRow(
    Candidate.Setting setting,
    long supernetSeed,
    Strategy strategy,
    OracleKind oracle,
    long searchSeed,
    int queries,
    int pool,
    int architectures,
    String returned,
    String returnedHash,
    double returnedAccuracy,
    double bestAccuracy,
    double regret,
    int trueRank,
    double hypervolumeRatio) {

  /** The same search recorded under another setting and supernet seed (a ground-truth search). */
  SearchRow under(Candidate.Setting s, long seed) {
    return new SearchRow(
        s,
        seed,
        strategy,
        oracle,
        searchSeed,
        queries,
        pool,
        architectures,
        returned,
        returnedHash,
        returnedAccuracy,
        bestAccuracy,
        regret,
        trueRank,
        hypervolumeRatio);
  }
}
