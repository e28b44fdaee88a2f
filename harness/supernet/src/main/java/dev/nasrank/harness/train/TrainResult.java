package dev.nasrank.harness.train;

import dev.nasrank.harness.supernet.SupernetConfig;
import java.nio.file.Path;
import java.util.List;

/**
 * Outcome of {@link SupernetTrainer#train}.
 *
 * @param supernet the trained supernet's configuration
 * @param device device the run used, e.g. {@code cpu()}
 * @param seed training seed
 * @param trainableParameters trainable scalars of the supernet (BN running statistics excluded)
 * @param startEpoch zero-based epoch this invocation started at (0 unless resumed)
 * @param epochsCompleted epochs finished in total
 * @param globalSteps optimizer steps in total
 * @param epochs statistics of the epochs run by this invocation
 * @param checkpoint the checkpoint file written after the last epoch
 */
public record TrainResult(
    SupernetConfig<?> supernet,
    String device,
    long seed,
    long trainableParameters,
    int startEpoch,
    int epochsCompleted,
    long globalSteps,
    List<EpochStats> epochs,
    Path checkpoint) {

  /** The last epoch's statistics, or null if this invocation ran none (already complete). */
  public EpochStats last() {
    return epochs.isEmpty() ? null : epochs.get(epochs.size() - 1);
  }
}
