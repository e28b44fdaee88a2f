package dev.nasrank.harness.cli;

import dev.nasrank.harness.config.DataSplit;
import dev.nasrank.harness.config.EvalBudget;
import dev.nasrank.harness.config.Seeds;
import dev.nasrank.harness.eval.EvalOptions;
import dev.nasrank.harness.eval.EvaluateConfig;
import dev.nasrank.harness.eval.EvaluateResult;
import dev.nasrank.harness.eval.OneShotRun;
import dev.nasrank.harness.setting.CalibrationMode;
import dev.nasrank.harness.space.Architecture;
import dev.nasrank.harness.space.CellSearchSpace;
import dev.nasrank.harness.space.SearchSpace;
import dev.nasrank.harness.space.Spaces;
import dev.nasrank.harness.suite.SuiteProfile;
import dev.nasrank.harness.train.Checkpoint;
import dev.nasrank.harness.train.DeviceOption;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code harness evaluate}: one-shot accuracy of every choice of a trained supernet, or of the
 * cells named by {@code --cells} / {@code --sample} for a NAS-Bench-101 cell space.
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluates every S4 choice of a trained supernet (255 for m = 4), or for a NAS-Bench-101 cell space "
          + "the cells of --cells FILE or --sample N, on the validation part of a split "
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

  @Option(
      names = "--space",
      paramLabel = "ID",
      description =
          "The space the checkpoint's supernet must be of (a check; the space comes from the "
              + "checkpoint). Default: whatever the checkpoint holds.")
  String space;

  @Option(
      names = "--cells",
      paramLabel = "FILE",
      description =
          "Cell spaces: evaluate exactly these cells, one NAS-Bench-101 module hash per line "
              + "(blank lines and lines starting with # are skipped), in file order.")
  Path cells;

  @Option(
      names = "--sample",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "Cell spaces: evaluate a seeded uniform sample of N cells of the space "
              + "(SearchSpace.sample, in hash order). Default: ${DEFAULT-VALUE} (off).")
  int sample;

  @Option(
      names = "--sample-seed",
      paramLabel = "SEED",
      defaultValue = Seeds.DEFAULT_TEXT,
      description = "Seed of --sample. Default: ${DEFAULT-VALUE}.")
  long sampleSeed;

  @Mixin ProgressOption progressOption;

  /**
   * The explicit candidates of --cells or --sample, or null for the space's own.
   *
   * @throws IllegalArgumentException when a cell space would be evaluated whole without being asked
   *     to (no --cells, --sample or --max-choices), or a hash is not in the space
   */
  private List<? extends Architecture> candidates(Path file) throws IOException {
    SearchSpace<?> s = Checkpoint.readHeader(file).config().space();
    if (space != null && !Spaces.byId(space).id().equals(s.id())) {
      throw new IllegalArgumentException(
          file + " holds a supernet of space " + s.id() + ", not " + space);
    }
    if (cells != null && sample > 0) {
      throw new IllegalArgumentException("give --cells or --sample, not both");
    }
    if (cells != null) {
      List<Architecture> out = new ArrayList<>();
      List<String> lines = Files.readAllLines(cells);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).trim();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        try {
          out.add(s.parse(line));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(cells + ":" + (i + 1) + ": " + e.getMessage(), e);
        }
      }
      if (out.isEmpty()) {
        throw new IllegalArgumentException(cells + ": no module hash in the file");
      }
      return out;
    }
    if (sample > 0) {
      return s.sample(sample, sampleSeed, a -> true);
    }
    if (s instanceof CellSearchSpace c && maxChoices == 0) {
      throw new IllegalArgumentException(
          "space "
              + c.id()
              + " has "
              + c.size()
              + " cells: name the ones to evaluate with --cells FILE, --sample N or "
              + "--max-choices N");
    }
    return null;
  }

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
                    .optCandidates(candidates(file))
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
