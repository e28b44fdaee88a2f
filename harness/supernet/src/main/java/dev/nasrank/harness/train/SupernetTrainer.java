package dev.nasrank.harness.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.dataset.Batch;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.nasrank.datasets.BatchSource;
import dev.nasrank.files.AtomicFiles;
import dev.nasrank.harness.config.Seeds;
import dev.nasrank.harness.manifest.Environment;
import dev.nasrank.harness.space.Architecture;
import dev.nasrank.harness.space.ArchitectureSampler;
import dev.nasrank.harness.supernet.Supernet;
import dev.nasrank.harness.supernet.SupernetConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Trains a {@link Supernet} as MixPath does: one candidate sampled per mini-batch from the
 * supernet's space ({@link ArchitectureSampler}), forward and backward through that path only, a
 * {@link PathSgd} step on that path's parameters, a cosine learning rate per epoch.
 *
 * <p>Each step's arrays live in the batch's manager and are freed when the batch closes. After
 * every epoch a checkpoint (parameters, momentum buffers, sampler state, epoch) is written
 * atomically to {@code outDir/checkpoint.bin}, and {@code outDir/train.json} records configuration,
 * device and epoch figures. With {@link TrainConfig#resume()} a run continues from that checkpoint,
 * only with the settings it was written with ({@link #identity}: a different one is refused, naming
 * every field that differs). Temp files that a kill during a write left in the folder are removed
 * when training starts. A NaN or infinite loss stops the run with {@link NonFiniteLossException},
 * leaving the last good checkpoint in place.
 */
public final class SupernetTrainer {

  /** Name of the run manifest written beside the checkpoint. */
  public static final String MANIFEST = "train.json";

  private final PrintStream log;
  private final TrainProgress progress;
  private final Runnable beforeBackward;

  /**
   * A trainer that reports progress only through the per-epoch lines.
   *
   * @param log where per-epoch lines go
   */
  public SupernetTrainer(PrintStream log) {
    this(log, TrainProgress.NONE);
  }

  /**
   * @param log where per-epoch lines go
   * @param progress told of every epoch and step (e.g. {@link TrainProgress#console()}, a progress
   *     bar on stderr)
   */
  public SupernetTrainer(PrintStream log, TrainProgress progress) {
    this(log, progress, () -> {});
  }

  /**
   * As {@link #SupernetTrainer(PrintStream, TrainProgress)} with a hook between every step's
   * forward and backward (tests).
   */
  SupernetTrainer(PrintStream log, TrainProgress progress, Runnable beforeBackward) {
    this.log = log;
    this.progress = progress;
    this.beforeBackward = beforeBackward;
  }

  /**
   * Trains (or resumes) a supernet.
   *
   * @param cfg configuration
   * @param train training batches; epoch e of the run takes {@code train.epoch(manager, e)}
   * @param outDir run folder for checkpoint and manifest
   * @return what was run
   * @throws IOException on checkpoint or manifest I/O failure
   * @throws NonFiniteLossException on a NaN or infinite loss
   */
  public TrainResult train(TrainConfig cfg, BatchSource train, Path outDir) throws IOException {
    return train(cfg, train, outDir, cfg.epochs());
  }

  /**
   * As {@link #train(TrainConfig, BatchSource, Path)}, but stops after {@code stopAfter} epochs of
   * the configured schedule (the learning rate still follows the full {@code cfg.epochs()} cosine),
   * as an audit of the first epochs of a long run needs.
   *
   * @param stopAfter epochs to complete, 1 to {@code cfg.epochs()}
   */
  public TrainResult train(TrainConfig cfg, BatchSource train, Path outDir, int stopAfter)
      throws IOException {
    if (stopAfter < 1 || stopAfter > cfg.epochs()) {
      throw new IllegalArgumentException(
          "can stop after 1 to " + cfg.epochs() + " epochs, got " + stopAfter);
    }
    Path ckpt = outDir.resolve(Checkpoint.FILE_NAME);
    removeInterruptedWrites(ckpt, outDir.resolve(MANIFEST));
    if (Files.exists(ckpt) && !cfg.resume()) {
      throw new IllegalStateException(
          outDir
              + " already holds a checkpoint; pass --resume to continue it or choose "
              + "another output folder");
    }
    Engine.getInstance().setRandomSeed(Seeds.torchSeed(cfg.seed()));
    return new Run<>(cfg.supernet(), cfg, train, outDir, cfg.device().resolve()).train(stopAfter);
  }

  /**
   * One invocation's training of a supernet over candidates of type {@code A}: {@link #resume},
   * then {@link #epoch} after epoch, each a loop of {@link TrainStep}s, with train.json and the
   * checkpoint written after each.
   */
  private final class Run<A extends Architecture> {
    private final SupernetConfig<A> supernet;
    private final TrainConfig cfg;
    private final BatchSource train;
    private final Path outDir;
    private final Path ckpt;
    private final Device device;
    private final Map<String, String> identity;

    Run(
        SupernetConfig<A> supernet,
        TrainConfig cfg,
        BatchSource train,
        Path outDir,
        Device device) {
      this.supernet = supernet;
      this.cfg = cfg;
      this.train = train;
      this.outDir = outDir;
      this.ckpt = outDir.resolve(Checkpoint.FILE_NAME);
      this.device = device;
      this.identity = identity(cfg, train);
    }

    TrainResult train(int stopAfter) throws IOException {
      try (NDManager manager = NDManager.newBaseManager(device)) {
        Supernet<A> net = supernet.newSupernet();
        net.initialize(manager);
        Map<String, Parameter> named = net.namedParameters();
        ArchitectureSampler<A> sampler = supernet.sampler(cfg.seed());
        try (PathSgd sgd =
            new PathSgd(
                manager,
                cfg.optimizer().momentum(),
                cfg.optimizer().weightDecay(),
                cfg.optimizer().clipNorm())) {
          Position at = resume(named, sgd, sampler, manager);
          TrainStep<A> step =
              new TrainStep<>(net, sgd, new ParameterStore(manager, false), beforeBackward);
          List<EpochStats> stats = new ArrayList<>();
          long globalStep = at.globalStep();
          for (int epoch = at.epoch(); epoch < stopAfter; epoch++) {
            EpochStats es = epoch(epoch, globalStep, step, sampler, manager);
            globalStep += es.steps();
            stats.add(es);
            log.printf(
                "epoch %d/%d  lr %.5f  loss %.4f  acc %.4f  %.1f img/s  %.1f s%n",
                epoch + 1,
                cfg.epochs(),
                es.lr(),
                es.meanLoss(),
                es.accuracy(),
                es.imagesPerSecond(),
                es.seconds());
            // train.json first: a kill between the two writes then leaves it with one epoch more
            // than the checkpoint (redone and replaced on resume), never one fewer (its figures
            // would be lost)
            writeManifest(
                outDir, cfg, device, net.trainableParameterCount(), epoch + 1, globalStep, stats);
            new Checkpoint(
                    supernet, cfg.seed(), epoch + 1, globalStep, sampler.saveState(), identity)
                .save(ckpt, named, sgd.buffersByName(named));
          }
          return new TrainResult(
              supernet,
              device.toString(),
              cfg.seed(),
              net.trainableParameterCount(),
              at.epoch(),
              Math.max(at.epoch(), stopAfter),
              globalStep,
              List.copyOf(stats),
              ckpt);
        }
      }
    }

    /**
     * Where training continues: after the checkpoint's epochs, with its parameters, momentum
     * buffers and sampler state restored (a run with other settings is refused, naming them), or at
     * epoch 0.
     */
    private Position resume(
        Map<String, Parameter> named,
        PathSgd sgd,
        ArchitectureSampler<A> sampler,
        NDManager manager)
        throws IOException {
      if (!Files.exists(ckpt)) {
        if (cfg.resume()) {
          log.printf("no checkpoint in %s: starting from epoch 1%n", outDir);
        }
        return new Position(0, 0);
      }
      Checkpoint.Loaded loaded = Checkpoint.load(ckpt, named, manager);
      Checkpoint c = loaded.checkpoint();
      try {
        requireSameRun(ckpt, c, identity, outDir.resolve(MANIFEST));
        sgd.restoreBuffers(named, loaded.buffers());
      } finally {
        loaded.buffers().values().forEach(NDArray::close);
      }
      sampler.restoreState(c.samplerState());
      Position at = new Position(c.epochsCompleted(), c.globalStep());
      if (at.epoch() >= cfg.epochs()) {
        log.printf(
            "nothing to train: %s already holds %d of %d epochs (global step %d)%n",
            ckpt, at.epoch(), cfg.epochs(), at.globalStep());
      } else {
        log.printf(
            "resuming %s after epoch %d of %d (global step %d)%n",
            ckpt, at.epoch(), cfg.epochs(), at.globalStep());
      }
      return at;
    }

    /**
     * Trains one epoch: a sampled candidate per batch, one {@link TrainStep} each.
     *
     * @param globalStep optimizer steps before this epoch
     * @throws NonFiniteLossException on a NaN or infinite loss (no update was made)
     */
    private EpochStats epoch(
        int epoch,
        long globalStep,
        TrainStep<A> step,
        ArchitectureSampler<A> sampler,
        NDManager manager) {
      double lr = cfg.schedule().lr(epoch);
      int total =
          cfg.maxStepsPerEpoch() == 0
              ? train.batchesPerEpoch()
              : Math.min(cfg.maxStepsPerEpoch(), train.batchesPerEpoch());
      long t0 = System.nanoTime();
      double lossSum = 0;
      long correct = 0;
      long images = 0;
      int steps = 0;
      float[] stepLosses = new float[total];
      try (TrainProgress.Epoch bar = progress.epoch(epoch, cfg.epochs(), total)) {
        Iterator<Batch> it = train.epoch(manager, epoch);
        while (steps < total && it.hasNext()) {
          try (Batch batch = it.next()) {
            A choice = sampler.next();
            NDArray x = onDevice(batch.getData().head(), device);
            NDArray y = onDevice(batch.getLabels().head(), device);
            TrainStep.Outcome o = step.run(choice, x, y, lr);
            if (!o.finite()) {
              throw new NonFiniteLossException(
                  epoch,
                  steps,
                  globalStep + steps,
                  o.loss(),
                  choice.id(),
                  epoch == 0
                      ? "no checkpoint written yet"
                      : "last good checkpoint "
                          + ckpt
                          + " ("
                          + epoch
                          + " epochs completed) left in place");
            }
            correct += o.correct();
            images += o.images();
            lossSum += o.loss();
            stepLosses[steps] = o.loss();
            steps++;
            bar.step(steps, lossSum / steps);
          }
        }
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      return new EpochStats(
          epoch,
          lr,
          steps,
          steps == 0 ? Double.NaN : lossSum / steps,
          images == 0 ? Double.NaN : correct / (double) images,
          images / seconds,
          seconds,
          Arrays.copyOf(stepLosses, steps));
    }
  }

  /**
   * Where a run stands.
   *
   * @param epoch epochs completed (the zero-based epoch to run next)
   * @param globalStep optimizer steps taken
   */
  private record Position(int epoch, long globalStep) {}

  /**
   * Every setting that changes what a run computes, by name (the command-line option's where there
   * is one): the supernet, the seed, the schedule and optimizer, the step cap, and the training
   * data's {@link BatchSource#identity()} (batch size, augmentation, data digests). The device is
   * not in it: a run may move between CPU and GPU (its numbers then differ in rounding only).
   */
  public static Map<String, String> identity(TrainConfig cfg, BatchSource train) {
    Map<String, String> m = supernetIdentity(cfg.supernet(), cfg.seed());
    m.put("epochs", Integer.toString(cfg.epochs()));
    m.put("lr", Double.toString(cfg.optimizer().lr()));
    m.put("lr-min", Double.toString(cfg.optimizer().lrMin()));
    m.put("momentum", Double.toString(cfg.optimizer().momentum()));
    m.put("weight-decay", Double.toString(cfg.optimizer().weightDecay()));
    m.put("clip", Double.toString(cfg.optimizer().clipNorm()));
    m.put("max-steps-per-epoch", Integer.toString(cfg.maxStepsPerEpoch()));
    train.identity().forEach(m::putIfAbsent);
    return m;
  }

  private static Map<String, String> supernetIdentity(SupernetConfig<?> s, long seed) {
    Map<String, String> m = new LinkedHashMap<>(s.identity());
    m.put("seed", Long.toString(seed));
    return m;
  }

  /**
   * Refuses to continue {@code ckpt} with settings other than its own, naming every one that
   * differs. A version 1 checkpoint records only the supernet and the seed; the schedule is then
   * taken from the run's train.json, and what neither records (batch size, data) is named in the
   * log as not compared.
   */
  private void requireSameRun(Path ckpt, Checkpoint c, Map<String, String> now, Path manifest)
      throws IOException {
    Map<String, String> saved = new LinkedHashMap<>(c.identity());
    if (saved.isEmpty()) {
      saved.putAll(supernetIdentity(c.config(), c.seed()));
      if (Files.isRegularFile(manifest)) {
        JsonNode cfg = new ObjectMapper().readTree(manifest.toFile()).path("config");
        String[][] fields = {
          {"epochs", "epochs"},
          {"lr", "lr"},
          {"lr-min", "lrMin"},
          {"momentum", "momentum"},
          {"weight-decay", "weightDecay"},
          {"clip", "clipNorm"},
          {"max-steps-per-epoch", "maxStepsPerEpoch"}
        };
        for (String[] f : fields) {
          JsonNode v =
              cfg.has(f[1]) ? cfg.get(f[1]) : cfg.path("optimizer").get(f[1]); // flat before 0.2
          if (v != null && v.isNumber()) {
            saved.put(
                f[0],
                v.isIntegralNumber() ? Long.toString(v.asLong()) : Double.toString(v.asDouble()));
          }
        }
      }
    }
    List<String> differ = new ArrayList<>();
    List<String> unchecked = new ArrayList<>();
    for (Map.Entry<String, String> e : now.entrySet()) {
      String was = saved.get(e.getKey());
      if (was == null) {
        unchecked.add(e.getKey());
      } else if (!was.equals(e.getValue())) {
        differ.add(e.getKey() + " " + was + " (now " + e.getValue() + ")");
      }
    }
    if (!c.identity().isEmpty()) {
      saved.forEach(
          (k, v) -> {
            if (!now.containsKey(k)) {
              differ.add(k + " " + v + " (now none)");
            }
          });
    }
    if (!differ.isEmpty()) {
      throw new IllegalStateException(
          ckpt
              + " was written with other settings, and --resume continues a run only "
              + "with its own: "
              + String.join(", ", differ)
              + ". Repeat the original settings, or train into a new "
              + "folder.");
    }
    if (!unchecked.isEmpty()) {
      log.println(
          "note: "
              + ckpt
              + " was written by an older version that does not record "
              + String.join(", ", unchecked)
              + "; those were not compared");
    }
  }

  /**
   * Removes the temp files a kill during a checkpoint or manifest write left (this trainer owns the
   * folder).
   */
  private void removeInterruptedWrites(Path... targets) throws IOException {
    int files = 0;
    long bytes = 0;
    for (Path t : targets) {
      AtomicFiles.Removed r = AtomicFiles.removeStaleTemps(t);
      files += r.files();
      bytes += r.bytes();
    }
    if (files > 0) {
      log.printf(
          Locale.ROOT,
          "removed %d temporary files of interrupted writes (%.1f MiB) from %s%n",
          files,
          bytes / 1048576.0,
          targets[0].toAbsolutePath().getParent());
    }
  }

  private static NDArray onDevice(NDArray a, Device device) {
    return a.getDevice().equals(device) ? a : a.toDevice(device, false);
  }

  private static void writeManifest(
      Path outDir,
      TrainConfig cfg,
      Device device,
      long params,
      int epochsCompleted,
      long globalStep,
      List<EpochStats> stats)
      throws IOException {
    Path file = outDir.resolve(MANIFEST);
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    List<EpochStats> all = new ArrayList<>();
    // the processors and code versions of every invocation, in order of first use: bitwise
    // results hold on one kind of processor with one code version
    TrainProvenance provenance = TrainProvenance.current();
    if (Files.exists(file)) {
      JsonNode earlier = json.readTree(file.toFile());
      provenance = TrainProvenance.of(earlier).plus(provenance);
      // Keep the epochs of earlier (resumed) invocations.
      for (var node : earlier.path("epochs")) {
        EpochStats e = json.treeToValue(node, EpochStats.class);
        if (e.epoch() < stats.get(0).epoch()) {
          all.add(e);
        }
      }
    }
    all.addAll(stats);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("config", cfg);
    m.put("device", device.toString());
    m.put("trainableParameters", params);
    m.put("epochsCompleted", epochsCompleted);
    m.put("globalSteps", globalStep);
    m.put("javaVersion", System.getProperty("java.version"));
    m.put("engine", Engine.getInstance().getEngineName() + " " + Engine.getInstance().getVersion());
    m.put(TrainProvenance.PROCESSORS, provenance.processors());
    m.put(TrainProvenance.CODE, provenance.code());
    m.put("cpuIsa", Environment.processorIsa());
    m.put("epochs", all);
    AtomicFiles.write(file, json.writeValueAsBytes(m));
  }
}
