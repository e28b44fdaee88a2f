package dev.nasrank.harness.cli;

import dev.nasrank.harness.config.DataSplit;
import dev.nasrank.harness.config.EvalBudget;
import dev.nasrank.harness.eval.EvalOptions;
import dev.nasrank.harness.eval.EvaluateConfig;
import dev.nasrank.harness.eval.EvaluateResult;
import dev.nasrank.harness.eval.OneShotRun;
import dev.nasrank.harness.setting.CalibrationMode;
import dev.nasrank.harness.suite.SuiteProfile;
import dev.nasrank.harness.train.Checkpoint;
import dev.nasrank.harness.train.DeviceOption;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code harness evaluate}: one-shot accuracy of every choice of a trained supernet. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluates every S4 choice of a trained supernet (255 for m = 4) on the validation part of a split "
          + "with inherited weights, with and without BN post-calibration.",
      "Writes candidates.csv (one row per choice) and architectures.csv (mean over isomorphic choices per "
          + "NAS-Bench-101 hash); accuracies are fractions in [0, 1]."
    })
public final class EvaluateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin DataRootOption dataRoot;

  @Mixin VerifyOption verify;

  @Option(
      names = "--checkpoint",
      paramLabel = "PATH",
      required = true,
      description = "A checkpoint.bin, or the run folder holding one.")
  Path checkpoint;

  @Option(
      names = "--split",
      paramLabel = "SPLIT",
      description = "Data split: mini, nb101, reference or synthetic. Default: ${DEFAULT-VALUE}.")
  DataSplit split = SuiteProfile.mini().split();

  @Option(
      names = "--batch-size",
      paramLabel = "N",
      defaultValue = "96",
      description = "Images per evaluation and calibration batch. Default: ${DEFAULT-VALUE}.")
  int batchSize;

  @Option(
      names = "--device",
      paramLabel = "DEVICE",
      defaultValue = "auto",
      converter = DeviceConverter.class,
      description = "auto, cpu or gpu. Default: ${DEFAULT-VALUE}.")
  DeviceOption device;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "DIR",
      description = "Folder for the CSV files. Default: the checkpoint's folder.")
  Path output;

  @Option(
      names = "--no-calibrate",
      negatable = true,
      defaultValue = "true",
      description = "Also evaluate after BN post-calibration. Default: ${DEFAULT-VALUE}.")
  boolean calibrate;

  @Option(
      names = "--no-uncalibrated",
      negatable = true,
      defaultValue = "true",
      description = "Also evaluate with the trained BN statistics. Default: ${DEFAULT-VALUE}.")
  boolean uncalibrated;

  @Option(
      names = "--calibration-mode",
      paramLabel = "MODE",
      defaultValue = "exact",
      converter = CalibrationModeConverter.class,
      description = {
        "exact: reset, then the exact cumulative average over K seeded training batches (default);",
        "reference: no reset, momentum 0.1, over the evaluation set (replicates the reference code)."
      })
  CalibrationMode calibrationMode;

  @Option(
      names = "--calibration-batches",
      paramLabel = "K",
      description = "K training batches for exact calibration. Default: ${DEFAULT-VALUE}.")
  int calibrationBatches = EvalBudget.DEFAULT_CALIBRATION_BATCHES;

  @Option(
      names = "--max-eval-batches",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "Cap on validation batches per choice for smoke runs (0 = all). Default: ${DEFAULT-VALUE}.")
  int maxEvalBatches;

  @Option(
      names = "--max-choices",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "Evaluate only the first N choices for smoke runs (0 = all). Default: ${DEFAULT-VALUE}.")
  int maxChoices;

  @Mixin ProgressOption progressOption;

  @Override
  public Integer call() throws IOException {
    PrintStream out = WriterOutputStream.printStream(spec.commandLine().getOut());
    Path file =
        Files.isDirectory(checkpoint) ? checkpoint.resolve(Checkpoint.FILE_NAME) : checkpoint;
    Path outDir = output != null ? output : file.toAbsolutePath().getParent();
    EvalOptions opts =
        EvalOptions.builder()
            .optUncalibrated(uncalibrated)
            .optCalibrated(calibrate)
            .optCalibration(calibrationMode, calibrationBatches)
            .optMaxEvalBatches(maxEvalBatches)
            .optProgress(progressOption.enabled())
            .build();
    EvaluateResult r =
        new OneShotRun(out)
            .evaluate(
                EvaluateConfig.builder()
                    .setCheckpoint(file)
                    .setData(split, verify.apply(dataRoot.resolve()))
                    .setOutDir(outDir)
                    .optBatchSize(batchSize)
                    .optDevice(device)
                    .optOptions(opts)
                    .optMaxChoices(maxChoices)
                    .build());
    out.printf(
        "%d candidate rows -> %s%n%d architecture rows -> %s%n",
        r.candidates().size(), r.candidatesCsv(), r.architectures().size(), r.architecturesCsv());
    return Main.OK;
  }

  /** picocli converter for {@link CalibrationMode}. */
  static final class CalibrationModeConverter implements ITypeConverter<CalibrationMode> {
    @Override
    public CalibrationMode convert(String value) {
      return CalibrationMode.parse(value);
    }
  }
}
