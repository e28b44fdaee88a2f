package dev.nasrank.harness.eval;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import dev.nasrank.harness.space.S4Choice;
import dev.nasrank.harness.space.S4Space;
import dev.nasrank.harness.space.SamplerMode;
import dev.nasrank.harness.supernet.Supernet;
import dev.nasrank.harness.supernet.SupernetConfig;
import dev.nasrank.harness.train.CalibrationMode;
import dev.nasrank.harness.train.Checkpoint;
import dev.nasrank.harness.train.SupernetData;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads a trained supernet from its checkpoint, evaluates every choice its sampler can produce (255
 * for m = 4) on the validation part of a split, with and/or without BN calibration, and writes
 * {@code candidates.csv} and {@code architectures.csv} atomically.
 */
public final class OneShotRun {

  /** File name of the per-choice results. */
  public static final String CANDIDATES_CSV = "candidates.csv";

  /** File name of the per-architecture results. */
  public static final String ARCHITECTURES_CSV = "architectures.csv";

  private final PrintStream log;

  /**
   * @param log progress and summary lines
   */
  public OneShotRun(PrintStream log) {
    this.log = log;
  }

  /**
   * The choices a supernet was trained on: all of S4 with at most m paths, or the reference
   * sampler's subset.
   */
  public static List<S4Choice> choicesOf(SupernetConfig cfg) {
    return cfg.samplerMode() == SamplerMode.REFERENCE
        ? S4Space.referenceChoices(cfg.maxPaths())
        : S4Space.choices(cfg.maxPaths());
  }

  /**
   * Runs the evaluation.
   *
   * @throws IOException if the checkpoint cannot be read or the CSVs cannot be written
   */
  public EvaluateResult evaluate(EvaluateConfig cfg) throws IOException {
    Device device = cfg.device().resolve();
    Checkpoint header = Checkpoint.readHeader(cfg.checkpoint());
    boolean exact = cfg.options().calibrated() && cfg.options().mode() == CalibrationMode.EXACT;
    SupernetData data =
        SupernetData.load(cfg.split(), cfg.dataRoot(), cfg.batchSize(), header.seed(), exact, true);
    List<S4Choice> choices = choicesOf(header.config());
    if (cfg.maxChoices() > 0 && cfg.maxChoices() < choices.size()) {
      choices = choices.subList(0, cfg.maxChoices());
    }
    List<CandidateResult> rows;
    try (NDManager manager = NDManager.newBaseManager(device)) {
      Supernet net = Checkpoint.loadSupernet(cfg.checkpoint(), manager);
      log.printf(
          "evaluating %d choices of %s on %s (%s split, %d images) on %s%n",
          choices.size(),
          cfg.checkpoint(),
          cfg.split(),
          data.split(),
          data.validation().size(),
          device);
      rows =
          new OneShotEvaluator(log)
              .evaluate(
                  net,
                  header.seed(),
                  choices,
                  data.validation(),
                  data.calibration(),
                  cfg.options(),
                  manager);
    }
    List<ArchitectureResult> archs = ArchitectureResult.aggregate(rows);
    Path cand = cfg.outDir().resolve(CANDIDATES_CSV);
    Path arch = cfg.outDir().resolve(ARCHITECTURES_CSV);
    ResultCsv.writeCandidates(cand, rows);
    ResultCsv.writeArchitectures(arch, archs);
    return new EvaluateResult(device.toString(), rows, archs, cand, arch);
  }
}
