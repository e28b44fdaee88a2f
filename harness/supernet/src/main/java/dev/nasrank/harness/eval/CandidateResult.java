package dev.nasrank.harness.eval;

import dev.nasrank.harness.candidates.Candidate;
import dev.nasrank.harness.setting.BnStrategy;
import dev.nasrank.harness.setting.Method;
import dev.nasrank.harness.space.S4Choice;
import dev.nasrank.harness.space.Spaces;

/**
 * One-shot accuracy of one S4 choice: the supernet's top-1 accuracy on the validation split with
 * the choice's inherited weights.
 *
 * @param method supernet method
 * @param bnStrategy BN strategy on the summed paths
 * @param calibrated whether BN post-calibration ran before evaluating
 * @param seed the supernet's training seed
 * @param choice the choice
 * @param activePaths number of active nodes of the choice
 * @param moduleHash NAS-Bench-101 hash of the choice's cell
 * @param oneShotAccuracy top-1 accuracy, a fraction in [0, 1]
 */
public record CandidateResult(
    Method method,
    BnStrategy bnStrategy,
    boolean calibrated,
    long seed,
    S4Choice choice,
    int activePaths,
    String moduleHash,
    double oneShotAccuracy) {

  /**
   * The row of candidates.csv (a unit's file: m is not recorded there, so the report's default 4
   * stands).
   */
  public Candidate toCandidate() {
    return new Candidate(
        method.cliName(),
        bnStrategy.cliName(),
        calibrated,
        seed,
        choice.id(),
        activePaths,
        moduleHash,
        oneShotAccuracy,
        S4Choice.NODES,
        Spaces.S4);
  }
}
