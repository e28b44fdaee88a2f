package dev.nasrank.harness.bench;

import dev.nasrank.datasets.DataRoot;
import dev.nasrank.harness.eval.EvalPath;
import dev.nasrank.harness.suite.SuiteProfile;
import dev.nasrank.harness.suite.SuiteUnit;
import java.nio.file.Path;

/**
 * A measured run of one suite unit ({@link UnitBenchmark}).
 *
 * @param profile the suite profile whose shape, training budget and evaluation settings are used
 * @param unit method, BN strategy, m and seed
 * @param epochs training epochs, 0 = the profile's
 * @param checkpoint a trained checkpoint to evaluate instead of training, or null to train into
 *     {@code outDir}
 * @param path how the evaluator orders its work
 * @param maxChoices evaluate only the first this many choices, 0 = the profile's (all for mini)
 * @param dataRoot CIFAR-10 data root
 * @param outDir folder for the checkpoint (when training) and {@code candidates.csv}
 * @param progress progress bars on stderr
 */
public record UnitBenchConfig(
    SuiteProfile profile,
    SuiteUnit unit,
    int epochs,
    Path checkpoint,
    EvalPath path,
    int maxChoices,
    DataRoot dataRoot,
    Path outDir,
    boolean progress) {

  /** Validates the values. */
  public UnitBenchConfig {
    if (profile == null || unit == null || path == null || outDir == null) {
      throw new IllegalArgumentException(
          "profile, unit, evaluation path and output folder are required");
    }
    if (epochs < 0 || maxChoices < 0) {
      throw new IllegalArgumentException(
          "epochs and max choices must be >= 0, got " + epochs + ", " + maxChoices);
    }
  }
}
