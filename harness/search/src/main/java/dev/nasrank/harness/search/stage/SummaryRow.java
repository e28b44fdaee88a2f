package dev.nasrank.harness.search.stage;

import dev.nasrank.harness.candidates.Candidate;
import dev.nasrank.harness.search.Strategy;

/**
 * One row of search.csv: a setting's strategy and oracle over its supernet seeds x search seeds,
 * with 95% bootstrap intervals ({@link SeedBootstrap}). Regret is a fraction of accuracy.
 *
 * @param setting method x BN strategy x calibration
 * @param strategy the strategy
 * @param oracle what it queried
 * @param supernetSeeds supernet seeds
 * @param searchSeeds search seeds
 * @param queries distinct queries per search
 * @param architectures distinct architectures in the pool
 * @param meanRegret mean regret
 * @param regretLow lower bound of its interval
 * @param regretHigh upper bound
 * @param meanTrueRank mean true rank of the returned architecture
 * @param optimumShare share of searches that returned an optimum (regret 0)
 * @param meanHypervolumeRatio mean hypervolume ratio of the queried front
 * @param hypervolumeLow lower bound
 * @param hypervolumeHigh upper bound
 * @param regretMinusRandom mean regret minus that of random search on the supernet (paired by
 *     supernet seed and search seed)
 * @param differenceLow lower bound
 * @param differenceHigh upper bound
 */
public record SummaryRow(
    Candidate.Setting setting,
    Strategy strategy,
    OracleKind oracle,
    int supernetSeeds,
    int searchSeeds,
    int queries,
    int architectures,
    double meanRegret,
    double regretLow,
    double regretHigh,
    double meanTrueRank,
    double optimumShare,
    double meanHypervolumeRatio,
    double hypervolumeLow,
    double hypervolumeHigh,
    double regretMinusRandom,
    double differenceLow,
    double differenceHigh) {}
