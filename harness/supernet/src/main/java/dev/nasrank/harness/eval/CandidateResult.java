package dev.nasrank.harness.eval;

import dev.nasrank.harness.candidates.Candidate;
import dev.nasrank.harness.setting.BnStrategy;
import dev.nasrank.harness.setting.Method;
import dev.nasrank.harness.space.Architecture;

/**
 * One-shot accuracy of one candidate: the supernet's top-1 accuracy on the validation split with
 * the candidate's inherited weights.
 *
 * @param space the candidate's space ({@link dev.nasrank.harness.space.SearchSpace#id()})
 * @param method supernet method
 * @param bnStrategy BN strategy on the summed paths
 * @param calibrated whether BN post-calibration ran before evaluating
 * @param seed the supernet's training seed
 * @param choice the candidate (its id, number of summed paths and NAS-Bench-101 hash)
 * @param oneShotAccuracy top-1 accuracy, a fraction in [0, 1]
 */
public record CandidateResult(
    String space,
    Method method,
    BnStrategy bnStrategy,
    boolean calibrated,
    long seed,
    Architecture choice,
    double oneShotAccuracy) {

  /** Number of summed paths of the candidate ({@link Architecture#activePaths()}). */
  public int activePaths() {
    return choice.activePaths();
  }

  /** NAS-Bench-101 hash of the candidate's cell. */
  public String moduleHash() {
    return choice.moduleHash();
  }

  /**
   * The row of candidates.csv (a unit's file: m is not recorded there, so the report's default
   * stands).
   */
  public Candidate toCandidate() {
    return Candidate.builder()
        .setMethod(method.cliName())
        .setBnStrategy(bnStrategy.cliName())
        .setCalibrated(calibrated)
        .setSeed(seed)
        .setArchitecture(choice.id(), activePaths(), moduleHash())
        .setOneShotAccuracy(oneShotAccuracy)
        .optSpace(space)
        .build();
  }
}
