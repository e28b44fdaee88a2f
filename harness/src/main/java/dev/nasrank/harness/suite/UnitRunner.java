package dev.nasrank.harness.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.nasrank.files.AtomicFiles;
import dev.nasrank.harness.eval.EvalOptions;
import dev.nasrank.harness.eval.EvaluateConfig;
import dev.nasrank.harness.eval.OneShotRun;
import dev.nasrank.harness.exec.TempFiles;
import dev.nasrank.harness.exec.WorkLock;
import dev.nasrank.harness.report.diagnostics.DiagnosticsFile;
import dev.nasrank.harness.space.Nb101Cell;
import dev.nasrank.harness.space.Spaces;
import dev.nasrank.harness.train.Checkpoint;
import dev.nasrank.harness.train.SupernetData;
import dev.nasrank.harness.train.SupernetTrainer;
import dev.nasrank.harness.train.TrainConfig;
import dev.nasrank.harness.train.TrainProgress;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The work of one suite unit: train its supernet (resuming the checkpoint in its folder), evaluate
 * every choice without and with BN post-calibration, extract the diagnostics, and write {@value
 * #DONE} last. Everything goes into the unit's own folder, each file atomically, so a rerun after
 * any interruption redoes at most one epoch or the evaluation and gives the same files (one torch
 * thread).
 *
 * <p>{@link #run(SuiteRunner.Settings, SuiteUnit, Path)} is the bare work, for any folder (e.g.
 * re-running a unit of a finished run elsewhere to audit it). {@link #runIfNeeded} is what the
 * suite's executors call: it takes the unit's lock ({@value #LOCK}), skips a finished unit, removes
 * temporary files of a killed write, and records a failure in {@value #FAILED}.
 */
public final class UnitRunner {

  /**
   * Marker written (atomically) into a unit folder when its training and evaluation are complete.
   */
  public static final String DONE = "done.json";

  /**
   * Written when the last attempt threw: the message, for {@code suite merge} and {@code suite
   * status}.
   */
  public static final String FAILED = "failed.json";

  /**
   * The unit's lock file (held while a worker runs the unit; kept afterwards, empty of meaning).
   */
  public static final String LOCK = ".lock";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * What one unit's work did.
   *
   * @param unit the unit
   * @param dir its folder
   * @param epochsBefore epochs in the checkpoint before this call (0 = trained from scratch)
   * @param epochs epochs in the checkpoint now
   * @param trainSeconds training wall time over every invocation: the sum of the epoch times in
   *     train.json (an epoch cut short by a kill is redone and only its completed run counts)
   * @param evaluateSeconds wall time of this call's evaluation (both passes)
   * @param diagnosticsSeconds wall time of this call's diagnostics
   */
  public record Result(
      SuiteUnit unit,
      Path dir,
      int epochsBefore,
      int epochs,
      double trainSeconds,
      double evaluateSeconds,
      double diagnosticsSeconds) {}

  /**
   * What {@link #runIfNeeded} did.
   *
   * @param kind ran now, finished earlier, or busy (another worker holds the lock)
   * @param result the work's result when it ran now, else null
   * @param holder the lock holder when busy, else null
   */
  public record Attempt(Kind kind, Result result, String holder) {
    /** Outcome kinds. */
    public enum Kind {
      /** Trained and/or evaluated by this call. */
      RAN,
      /** {@value UnitRunner#DONE} was already there. */
      DONE_EARLIER,
      /** Another worker holds the unit's lock; nothing was done. */
      BUSY
    }
  }

  private final PrintStream log;

  /**
   * @param log progress lines (the trainer's epochs, the evaluator's summary), prefixed with the
   *     unit label
   */
  public UnitRunner(PrintStream log) {
    this.log = log;
  }

  /** The trainer's progress report: a bar on stderr when the settings ask for one. */
  public static TrainProgress progress(SuiteRunner.Settings settings) {
    return settings.progress() ? TrainProgress.console() : TrainProgress.NONE;
  }

  /** True when the unit folder holds {@value #DONE} and the unit's candidates. */
  public static boolean isDone(Path dir) {
    return Files.isRegularFile(dir.resolve(DONE))
        && Files.isRegularFile(dir.resolve(OneShotRun.CANDIDATES_CSV));
  }

  /**
   * Runs one unit's work into {@code dir} (no lock, no skipping): trains or resumes, evaluates,
   * writes the diagnostics and {@value #DONE}. A checkpoint that already holds every epoch is not
   * trained again.
   *
   * @param settings the suite settings (profile, data root, device, progress; {@code out} is not
   *     used)
   * @param unit the unit
   * @param dir the folder to write into (created)
   * @return timings and epochs
   * @throws IllegalStateException if {@code dir} holds a checkpoint of another supernet or seed
   */
  public Result run(SuiteRunner.Settings settings, SuiteUnit unit, Path dir) throws IOException {
    return run(settings, unit, dir, unit.id());
  }

  /** The training configuration of a unit (resuming its folder's checkpoint). */
  public static TrainConfig trainConfig(SuiteRunner.Settings settings, SuiteUnit unit) {
    SuiteProfile p = settings.profile();
    return TrainConfig.builder()
        .setSupernet(SuiteRunner.supernetConfig(p, unit))
        .optEpochs(p.epochs())
        .optOptimizer(p.optimizer())
        .optSeed(unit.seed())
        .optDevice(settings.device())
        .optMaxStepsPerEpoch(p.maxStepsPerEpoch())
        .optResume(true)
        .build();
  }

  /** The training batches of a unit (a pure function of split, data, batch size and seed). */
  public static SupernetData trainingData(SuiteRunner.Settings settings, SuiteUnit unit)
      throws IOException {
    SuiteProfile p = settings.profile();
    return SupernetData.load(
        p.split(), settings.dataRoot(), p.batchSize(), unit.seed(), SupernetData.Parts.TRAINING);
  }

  /**
   * The evaluation of a unit's supernet: the profile's budget, with the trained BN statistics and
   * after the setting's calibration, every candidate of its space (or the profile's cap), into
   * {@code dir}.
   */
  public static EvaluateConfig evaluateConfig(
      SuiteRunner.Settings settings, SuiteUnit unit, Path checkpoint, Path dir) {
    SuiteProfile p = settings.profile();
    return EvaluateConfig.builder()
        .setCheckpoint(checkpoint)
        .setData(p.split(), settings.dataRoot())
        .setOutDir(dir)
        .optBatchSize(p.eval().batchSize())
        .optDevice(settings.device())
        .optOptions(
            EvalOptions.of(p.eval(), unit.setting().calibration())
                .withProgress(settings.progress()))
        .optMaxChoices(p.eval().maxChoices())
        .build();
  }

  /**
   * As {@link #run(SuiteRunner.Settings, SuiteUnit, Path)}, prefixing the log lines with {@code
   * label}.
   */
  public Result run(SuiteRunner.Settings settings, SuiteUnit unit, Path dir, String label)
      throws IOException {
    SuiteProfile p = settings.profile();
    Files.createDirectories(dir);
    PrintStream prefixed = new PrefixedStream(log, label + ": ");
    TrainConfig cfg = trainConfig(settings, unit);
    Path ckpt = dir.resolve(Checkpoint.FILE_NAME);
    int before = 0;
    if (Files.isRegularFile(ckpt)) {
      Checkpoint h = Checkpoint.readHeader(ckpt);
      if (!h.config().equals(cfg.supernet()) || h.seed() != unit.seed()) {
        throw new IllegalStateException(
            ckpt
                + " was written for "
                + h.config()
                + " seed "
                + h.seed()
                + ", not for "
                + cfg.supernet()
                + " seed "
                + unit.seed());
      }
      before = h.epochsCompleted();
    }
    if (before >= p.epochs()) {
      prefixed.printf(
          "training complete earlier (%d/%d epochs), not retrained%n", before, p.epochs());
    } else {
      new SupernetTrainer(prefixed, progress(settings))
          .train(cfg, trainingData(settings, unit).train(), dir);
    }
    double trainSeconds = trainSeconds(dir);
    long t1 = System.nanoTime();
    evaluate(settings, unit, ckpt, dir, prefixed);
    double evalSeconds = (System.nanoTime() - t1) / 1e9;
    long t2 = System.nanoTime();
    if (Spaces.isS4(unit.setting().space())) {
      // the feature and Shadow-BN diagnostics read S4's cell (node n1, its sum BNs)
      DiagnosticsFile diag =
          DiagnosticsExtractor.extract(
              ckpt,
              unit.id(),
              SupernetData.load(
                      p.split(),
                      settings.dataRoot(),
                      p.eval().batchSize(),
                      unit.seed(),
                      SupernetData.Parts.VALIDATION)
                  .validation());
      diag.write(dir.resolve("diagnostics.json"));
    }
    double diagSeconds = (System.nanoTime() - t2) / 1e9;
    Map<String, Object> marker = new LinkedHashMap<>();
    marker.put("unit", unit.id());
    marker.put("trainSeconds", trainSeconds);
    marker.put("evaluateSeconds", evalSeconds);
    marker.put("diagnosticsSeconds", diagSeconds);
    AtomicFiles.write(dir.resolve(DONE), JSON.writeValueAsBytes(marker));
    log.printf(
        "%s: done (checkpoint epochs %d -> %d, train %.0f s over all invocations, evaluate %.0f"
            + " s)%n",
        label, before, Math.max(before, p.epochs()), trainSeconds, evalSeconds);
    return new Result(
        unit, dir, before, Math.max(before, p.epochs()), trainSeconds, evalSeconds, diagSeconds);
  }

  /**
   * The unit's evaluation into {@code dir}: an S4 unit every choice of its space ({@link
   * OneShotRun}); a cell-space unit exactly the cells of the plan's {@value CellList#CELLS_TXT}
   * ({@code settings.out()} is the run folder), the same for every setting and seed.
   */
  static void evaluate(
      SuiteRunner.Settings settings, SuiteUnit unit, Path ckpt, Path dir, PrintStream log)
      throws IOException {
    EvaluateConfig cfg = evaluateConfig(settings, unit, ckpt, dir);
    if (Spaces.isS4(unit.setting().space())) {
      new OneShotRun(log).evaluate(cfg);
      return;
    }
    List<Nb101Cell> cells = CellList.read(settings.out(), unit.setting().space());
    evaluateCells(cfg, cells, log);
  }

  /**
   * Evaluates a cell-space supernet's checkpoint on an explicit list of cells ({@link
   * EvaluateConfig.Builder#optCandidates}): every cell, uncalibrated and calibrated, whatever the
   * profile's {@code maxChoices} (the plan's sample is the cap).
   */
  static void evaluateCells(EvaluateConfig cfg, List<Nb101Cell> cells, PrintStream log)
      throws IOException {
    new OneShotRun(log).evaluate(cfg.toBuilder().optMaxChoices(0).optCandidates(cells).build());
  }

  /**
   * Runs a unit unless it is finished or another worker runs it: takes the unit's lock, skips a
   * finished unit, removes temporary files left by a killed write, runs {@link
   * #run(SuiteRunner.Settings, SuiteUnit, Path, String)}, and on failure writes {@value #FAILED}
   * with the message before rethrowing (a later success removes it).
   */
  public Attempt runIfNeeded(SuiteRunner.Settings settings, SuiteUnit unit, Path dir, String label)
      throws IOException {
    if (isDone(dir)) {
      return new Attempt(Attempt.Kind.DONE_EARLIER, null, null);
    }
    Path lockFile = dir.resolve(LOCK);
    Optional<WorkLock> lock = WorkLock.tryAcquire(lockFile);
    if (lock.isEmpty()) {
      return new Attempt(
          Attempt.Kind.BUSY, null, WorkLock.holder(lockFile).orElse("another worker"));
    }
    try (WorkLock held = lock.get()) {
      if (isDone(dir)) {
        return new Attempt(Attempt.Kind.DONE_EARLIER, null, null);
      }
      List<Path> stale = TempFiles.removeStale(dir);
      if (!stale.isEmpty()) {
        log.printf(
            "%s: removed %d temporary file(s) of an interrupted write%n", label, stale.size());
      }
      try {
        Result r = run(settings, unit, dir, label);
        Files.deleteIfExists(dir.resolve(FAILED));
        return new Attempt(Attempt.Kind.RAN, r, null);
      } catch (Throwable t) {
        recordFailure(dir, unit, t);
        throw t;
      }
    }
  }

  private static void recordFailure(Path dir, SuiteUnit unit, Throwable t) {
    try {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("unit", unit.id());
      m.put("error", t.getMessage() == null ? t.toString() : t.getMessage());
      m.put("type", t.getClass().getName());
      m.put("at", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
      m.put("pid", ProcessHandle.current().pid());
      AtomicFiles.write(dir.resolve(FAILED), JSON.writeValueAsBytes(m));
    } catch (IOException | RuntimeException e) {
      t.addSuppressed(e);
    }
  }

  /** The training seconds of every epoch in the unit's train.json, whichever invocation ran it. */
  static double trainSeconds(Path dir) throws IOException {
    Path manifest = dir.resolve(SupernetTrainer.MANIFEST);
    if (!Files.isRegularFile(manifest)) {
      return 0;
    }
    double sum = 0;
    JsonNode m = JSON.readTree(manifest.toFile());
    for (JsonNode e : m.path("epochs")) {
      sum += e.path("seconds").asDouble(0);
    }
    return sum;
  }
}
