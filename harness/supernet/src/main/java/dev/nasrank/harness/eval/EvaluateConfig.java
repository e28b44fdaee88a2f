package dev.nasrank.harness.eval;

import dev.nasrank.datasets.DataRoot;
import dev.nasrank.harness.config.DataSplit;
import dev.nasrank.harness.train.DeviceOption;
import java.nio.file.Path;

/**
 * An evaluation run over every choice of a trained supernet's space.
 *
 * @param checkpoint the trained supernet's checkpoint
 * @param split data split
 * @param dataRoot data root
 * @param batchSize images per evaluation/calibration batch
 * @param device auto, cpu or gpu
 * @param options which evaluations run, calibration protocol and K
 * @param maxChoices evaluate only the first this many choices (0 = all; smoke runs)
 * @param outDir folder for {@code candidates.csv} and {@code architectures.csv}
 */
public record EvaluateConfig(
    Path checkpoint,
    DataSplit split,
    DataRoot dataRoot,
    int batchSize,
    DeviceOption device,
    EvalOptions options,
    int maxChoices,
    Path outDir) {}
