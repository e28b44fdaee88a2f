package dev.nasrank.harness.cli;

import dev.nasrank.datasets.DataRoot;
import dev.nasrank.harness.config.Seeds;
import dev.nasrank.harness.setting.Study;
import dev.nasrank.harness.setting.SupernetSetting;
import dev.nasrank.harness.space.CandidateSample;
import dev.nasrank.harness.space.Spaces;
import dev.nasrank.harness.suite.GroundTruthChoice;
import dev.nasrank.harness.suite.SuitePlan;
import dev.nasrank.harness.suite.SuiteProfile;
import dev.nasrank.harness.suite.SuiteRunner;
import dev.nasrank.harness.train.DeviceOption;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options that make a suite plan ({@code --profile --groundtruth --seeds --seed --max-paths
 * --epochs}), shared by {@code suite}, {@code suite plan} and {@code suite slurm}; add with
 * {@code @Mixin SuitePlanOptions plan;}.
 */
public final class SuitePlanOptions {

  @Option(
      names = "--profile",
      paramLabel = "NAME",
      defaultValue = "mini",
      description =
          "mini (mini CIFAR-10 split, C=16, < 45 min on 2 cores), ci (a few minutes, for the CI "
              + "regression), paper (C=128, 3x3 cells, 200 epochs: days), or a .json file with the fields of a profile "
              + "(as suite-config.json records them). Default: ${DEFAULT-VALUE}.")
  String profile;

  @Option(
      names = "--groundtruth",
      paramLabel = "FILE",
      description =
          "A NAS-Bench-101-format TFRecord (e.g. nasbench_only108.tfrecord); ranks against the mean over "
              + "its repeats of the final validation accuracy at its largest epoch budget. Default: the embedded "
              + "S4-mini ground truth (datasets/groundtruth/s4-mini, or -Dnasrank.groundtruth=DIR). Pinned in the "
              + "folder: a later command naming another ground truth is refused and changes nothing.")
  Path groundTruth;

  @Option(
      names = "--seeds",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "Repeat everything with N training seeds (--seed, --seed+1, ...); the report gives mean and "
              + "standard deviation of each tau. More seeds on a planned folder append units. Default: "
              + "${DEFAULT-VALUE}.")
  int seeds;

  @Option(
      names = "--seed",
      paramLabel = "SEED",
      defaultValue = Seeds.DEFAULT_TEXT,
      description = "First training seed. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(
      names = "--max-paths",
      paramLabel = "M",
      split = ",",
      defaultValue = "4",
      description =
          "Comma-separated m values (1..4). The largest trains all six supernets and is ranked; smaller "
              + "ones train MixPath + linear_sbn for the one-shot accuracy distributions by m. Default: "
              + "${DEFAULT-VALUE}.")
  List<Integer> maxPaths;

  @Option(
      names = "--space",
      paramLabel = "ID",
      defaultValue = Spaces.DEFAULT,
      description =
          "The search space: s4 (default, MixPath's: every choice evaluated, the paper's study), or a "
              + "NAS-Bench-101 cell space (nb101, nb101-v4..v6, 1shot1-ss1..ss3; docs/spaces.md): MixPath "
              + "under none, vanilla, linear_sbn, exponential_sbn and simple_scaling (units "
              + "<space>-mixpath-<strategy>-s<seed>, no m, no SPOS), each evaluated on --cells cells the "
              + "ground truth holds, uncalibrated and calibrated, ranked with the trivial predictors "
              + "(params, flops, conv3x3). A cell space needs --groundtruth. Default: ${DEFAULT-VALUE}.")
  String space;

  @Option(
      names = "--cells",
      paramLabel = "N",
      description =
          "Cell spaces: how many cells every unit evaluates, drawn once at the first plan among the "
              + "cells of the space the ground truth holds (cells.txt). Default: 500, 24 for the ci profile.")
  Integer cells;

  @Option(
      names = "--cell-seed",
      paramLabel = "SEED",
      description =
          "Cell spaces: the seed of the cells' draw. Default: " + Seeds.DEFAULT_TEXT + ".")
  Long cellSeed;

  @Option(
      names = "--cell-sample",
      paramLabel = "MODE",
      description =
          "Cell spaces: uniform (default) over the held cells, or stratified: equal counts from 10 "
              + "ground-truth accuracy quantile bins.")
  String cellSample;

  @Option(
      names = "--epochs",
      paramLabel = "N",
      description = "Override the profile's training epochs.")
  Integer epochs;

  @Option(
      names = "--no-groundtruth",
      description =
          "Train and evaluate without ranking (candidates.csv, diagnostics.json, run.json; exit 0). "
              + "Without it, a suite that finds no usable ground truth stops before training anything.")
  boolean noGroundTruth;

  /**
   * The ground truth to rank against, opened and checked before anything is trained.
   *
   * @param out where the reason goes when there is none
   * @return the choice, one without a ground truth under {@code --no-groundtruth}, or null (after
   *     printing why and how to get one) when the suite must stop before training
   * @throws CommandLine.ParameterException for {@code --no-groundtruth} together with {@code
   *     --groundtruth}
   */
  public GroundTruthChoice groundTruth(CommandLine cl, PrintStream out) {
    if (noGroundTruth) {
      if (groundTruth != null) {
        throw new CommandLine.ParameterException(
            cl, "--no-groundtruth and --groundtruth exclude each other");
      }
      if (!Spaces.isS4(spaceId(cl))) {
        throw new CommandLine.ParameterException(
            cl,
            "--no-groundtruth is for S4: space "
                + spaceId(cl)
                + " draws the cells it evaluates among those the ground truth holds, so it needs "
                + "--groundtruth FILE");
      }
      return GroundTruthChoice.none(GroundTruthChoice.DECLINED);
    }
    GroundTruthChoice gt;
    if (groundTruth != null && !java.nio.file.Files.exists(groundTruth)) {
      throw new CommandLine.ParameterException(
          cl, "ground-truth file " + groundTruth + " does not exist");
    }
    gt = GroundTruthChoice.open(groundTruth, spaceId(cl)); // a damaged file: exit 1
    if (gt.problem() == null) {
      return gt;
    }
    out.println("no ground truth: " + gt.problem());
    if (!Spaces.isS4(spaceId(cl))) {
      out.println("nothing was trained.");
      return null;
    }
    out.println(
        "nothing was trained. "
            + HOW_TO_GET_GROUND_TRUTH
            + " To train and evaluate anyway (candidates.csv "
            + "only, ranked later with 'harness report --run OUT --groundtruth FILE'), add --no-groundtruth.");
    return null;
  }

  /**
   * The space's id, as {@link Spaces#byId} spells it.
   *
   * @throws CommandLine.ParameterException for an unknown id (exit 2), listing the known ones
   */
  String spaceId(CommandLine cl) {
    try {
      return Spaces.byId(space).id();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cl, "--space: " + e.getMessage());
    }
  }

  /** How to get a ground truth, for the messages of every suite command. */
  static final String HOW_TO_GET_GROUND_TRUTH =
      "Generate the S4-mini ground truth ('harness groundtruth generate "
          + "--profile s4-mini --out datasets/groundtruth/s4-mini', see docs/groundtruth.md) or pass --groundtruth "
          + "nasbench_only108.tfrecord (mean of its repeats' final validation accuracy at 108 epochs).";

  /**
   * The settings these options describe.
   *
   * @throws CommandLine.ParameterException for a bad profile or seed count (exit 2)
   */
  public SuiteRunner.Settings settings(
      CommandLine cl, Path out, DataRoot dataRoot, DeviceOption device, boolean progress) {
    if (seeds < 1) {
      throw new CommandLine.ParameterException(cl, "--seeds must be >= 1, got " + seeds);
    }
    try {
      SuiteProfile p = SuiteProfile.of(profile);
      if (epochs != null) {
        p = p.withEpochs(epochs);
      }
      List<Long> seedList = new ArrayList<>();
      for (int i = 0; i < seeds; i++) {
        seedList.add(seed + i);
      }
      // --no-groundtruth is pinned as the file "none", so every executor's merge leaves it unranked
      Path gt = noGroundTruth ? Path.of(SuitePlan.NONE) : groundTruth;
      String id = spaceId(cl);
      if (Spaces.isS4(id)) {
        if (cells != null || cellSeed != null || cellSample != null) {
          throw new IllegalArgumentException(
              "--cells, --cell-seed and --cell-sample apply to the NAS-Bench-101 cell spaces "
                  + "(--space), not to S4, which is evaluated in full");
        }
        return new SuiteRunner.Settings(
            p, Study.mixpath(maxPaths), seedList, dataRoot, device, gt, out, progress);
      }
      if (!maxPaths.equals(List.of(SupernetSetting.CELL_MAX_PATHS))) {
        throw new IllegalArgumentException(
            "--max-paths is S4's: in space "
                + id
                + " a sampled cell runs every vertex it has, so there is no m to choose");
      }
      CandidateSample sample =
          new CandidateSample(
              cellSample == null
                  ? CandidateSample.Mode.UNIFORM
                  : CandidateSample.Mode.parse(cellSample),
              cells == null ? p.defaultCells() : cells,
              cellSeed == null ? Seeds.DEFAULT : cellSeed);
      return new SuiteRunner.Settings(
          p, Study.cells(id), seedList, dataRoot, device, gt, out, progress, sample);
    } catch (IllegalArgumentException ex) {
      throw new CommandLine.ParameterException(cl, ex.getMessage());
    }
  }
}
