package dev.nasrank.harness.eval;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import dev.nasrank.harness.setting.CalibrationMode;
import dev.nasrank.harness.space.Architecture;
import dev.nasrank.harness.supernet.Supernet;
import dev.nasrank.harness.supernet.SupernetConfig;
import dev.nasrank.harness.train.Checkpoint;
import dev.nasrank.harness.train.SupernetData;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Loads a trained supernet from its checkpoint, evaluates every candidate of its space (for S4
 * every choice its sampler can produce, 255 for m = 4) or the explicit list of {@link
 * EvaluateConfig#candidates()} (for a NAS-Bench-101 cell space, e.g. a sample of its cells) on the
 * validation part of a split, with and/or without BN calibration, and writes {@code candidates.csv}
 * and {@code architectures.csv} atomically.
 */
public final class OneShotRun {

  /** File name of the per-choice results. */
  public static final String CANDIDATES_CSV = "candidates.csv";

  /** File name of the per-architecture results. */
  public static final String ARCHITECTURES_CSV = "architectures.csv";

  private final PrintStream log;
  private final EvalPath path;

  /**
   * @param log progress and summary lines
   */
  public OneShotRun(PrintStream log) {
    this(log, EvalPath.SHARED);
  }

  /**
   * @param log progress and summary lines
   * @param path how the evaluator orders its work (both give identical results)
   */
  public OneShotRun(PrintStream log, EvalPath path) {
    this.log = log;
    this.path = path;
  }

  /**
   * Runs the evaluation.
   *
   * @throws IOException if the checkpoint cannot be read or the CSVs cannot be written
   */
  public EvaluateResult evaluate(EvaluateConfig cfg) throws IOException {
    return evaluate(cfg, PhaseListener.NONE);
  }

  /**
   * As {@link #evaluate(EvaluateConfig)}, telling {@code phases} when each part of the evaluation
   * starts (benchmarks: loading the data and the checkpoint precedes the first phase, writing the
   * CSV files follows the last).
   */
  public EvaluateResult evaluate(EvaluateConfig cfg, PhaseListener phases) throws IOException {
    Device device = cfg.device().resolve();
    Checkpoint header = Checkpoint.readHeader(cfg.checkpoint());
    boolean exact = cfg.options().calibrated() && cfg.options().mode() == CalibrationMode.EXACT;
    SupernetData data =
        SupernetData.load(
            cfg.split(),
            cfg.dataRoot(),
            cfg.batchSize(),
            header.seed(),
            exact ? SupernetData.Parts.ALL : SupernetData.Parts.VALIDATION);
    List<CandidateResult> rows;
    try (NDManager manager = NDManager.newBaseManager(device)) {
      rows =
          evaluate(
              Checkpoint.loadSupernet(cfg.checkpoint(), manager),
              header,
              data,
              cfg,
              device,
              manager,
              phases);
    }
    List<ArchitectureResult> archs = ArchitectureResult.aggregate(rows);
    Path cand = cfg.outDir().resolve(CANDIDATES_CSV);
    Path arch = cfg.outDir().resolve(ARCHITECTURES_CSV);
    ResultCsv.writeCandidates(cand, rows);
    ResultCsv.writeArchitectures(arch, archs);
    return new EvaluateResult(device.toString(), rows, archs, cand, arch);
  }

  /**
   * The candidates a supernet is evaluated on: every candidate of its space (the ones its sampler
   * can produce: 255 for S4 at m = 4), or the first {@code maxChoices} of them.
   */
  public static <A extends Architecture> List<A> candidatesOf(
      SupernetConfig<A> supernet, int maxChoices) {
    List<A> all = supernet.space().candidates();
    return maxChoices > 0 && maxChoices < all.size() ? all.subList(0, maxChoices) : all;
  }

  /**
   * An explicit candidate list as candidates of a supernet's space: each read back by its id
   * ({@link dev.nasrank.harness.space.SearchSpace#parse}), in the given order, the first {@code
   * maxChoices} of them when that is positive.
   *
   * @throws IllegalArgumentException for a candidate outside the space or a repeated one, naming it
   */
  public static <A extends Architecture> List<A> candidatesOf(
      SupernetConfig<A> supernet, List<? extends Architecture> candidates, int maxChoices) {
    var space = supernet.space();
    List<A> out = new ArrayList<>(candidates.size());
    Set<String> seen = new HashSet<>();
    for (Architecture a : candidates) {
      if (!seen.add(a.id())) {
        throw new IllegalArgumentException(
            "candidate " + a.id() + " is listed twice for space " + space.id());
      }
      A parsed = space.parse(a.id());
      if (!parsed.moduleHash().equals(a.moduleHash())) {
        throw new IllegalArgumentException(
            "candidate " + a.id() + " is not the same cell in space " + space.id());
      }
      out.add(parsed);
      if (maxChoices > 0 && out.size() == maxChoices) {
        break;
      }
    }
    return out;
  }

  private <A extends Architecture> List<CandidateResult> evaluate(
      Supernet<A> net,
      Checkpoint header,
      SupernetData data,
      EvaluateConfig cfg,
      Device device,
      NDManager manager,
      PhaseListener phases) {
    List<A> choices =
        cfg.candidates() == null
            ? candidatesOf(net.config(), cfg.maxChoices())
            : candidatesOf(net.config(), cfg.candidates(), cfg.maxChoices());
    log.printf(
        "evaluating %d choices of %s on %s (%s split, %d images) on %s%n",
        choices.size(),
        cfg.checkpoint(),
        cfg.split(),
        data.split(),
        data.validation().size(),
        device);
    return new OneShotEvaluator(log, path)
        .evaluate(
            net,
            header.seed(),
            choices,
            data.validation(),
            data.calibration(),
            cfg.options(),
            manager,
            phases);
  }
}
