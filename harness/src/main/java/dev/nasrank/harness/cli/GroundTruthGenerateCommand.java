package dev.nasrank.harness.cli;

import dev.nasrank.benchbridge.ModelSpec;
import dev.nasrank.datasets.DataRoot;
import dev.nasrank.harness.config.Seeds;
import dev.nasrank.harness.groundtruth.Architectures;
import dev.nasrank.harness.groundtruth.CellSample;
import dev.nasrank.harness.groundtruth.CifarGroundTruthData;
import dev.nasrank.harness.groundtruth.GroundTruthAssembler;
import dev.nasrank.harness.groundtruth.GroundTruthData;
import dev.nasrank.harness.groundtruth.GroundTruthGenerator;
import dev.nasrank.harness.groundtruth.Profile;
import dev.nasrank.harness.groundtruth.UnitStore;
import dev.nasrank.harness.groundtruth.UnitTrainer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code groundtruth generate}. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Trains every (architecture, repeat) not yet finished in --out and assembles the TFRecord "
          + "and protocol.json at the end.",
      "Resumable: finished units are kept (one file each, written atomically); rerun the same command to "
          + "continue. Ctrl-C stops, discarding only the unit in progress.",
      "The first run pins the profile, architecture list and data checksums in --out; later runs must match."
    })
final class GroundTruthGenerateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin GroundTruthPlanOptions plan;

  @Option(
      names = "--specs",
      paramLabel = "FILE",
      description =
          "cells as JSON lines {\"matrix\": [[...]], \"ops\": [...]} (the format 'nasbench hash' reads); "
              + "replaces --archs")
  Path specsFile;

  @Option(
      names = "--sample",
      paramLabel = "N",
      description =
          "train a seeded sample of N cells of --from, one per equal-width stratum of its accuracy range "
              + "(docs/groundtruth.md); replaces --archs")
  Integer sample;

  @Option(
      names = "--from",
      paramLabel = "FILE",
      description =
          "NAS-Bench-101 source for --sample: a TFRecord, its binary cache, or a nasbench-vis JSON dump "
              + "(cells of the 20k dump come from enumerating the space)")
  Path sampleFrom;

  @Option(
      names = "--sample-epochs",
      paramLabel = "E",
      defaultValue = "108",
      description =
          "budget whose mean final validation accuracy stratifies the sample (default: ${DEFAULT-VALUE})")
  int sampleEpochs;

  @Option(
      names = "--sample-seed",
      paramLabel = "SEED",
      defaultValue = Seeds.DEFAULT_TEXT,
      description = "seed of the sample (default: ${DEFAULT-VALUE})")
  long sampleSeed;

  @Option(
      names = "--shard",
      defaultValue = "0/1",
      paramLabel = "I/N",
      description =
          "train only units i, i+N, i+2N, ... of the repeat-major list, so N processes can fill one "
              + "folder at once (e.g. two processes with -Dai.djl.pytorch.num_threads=1 on two cores) "
              + "(default: ${DEFAULT-VALUE})")
  String shard;

  @Option(
      names = "--no-assemble",
      negatable = true,
      defaultValue = "true",
      description =
          "write the TFRecord and protocol.json when this process has finished its units (default: "
              + "${DEFAULT-VALUE}); shards running at once (a Slurm array) pass --no-assemble and leave it to one "
              + "'groundtruth assemble' afterwards")
  boolean assemble;

  @Option(
      names = "--max-units",
      description = "stop after training this many units (default: no limit)")
  Integer maxUnits;

  @Option(
      names = "--max-minutes",
      description = "start no new unit after this many minutes (default: no limit)")
  Double maxMinutes;

  @Mixin ProgressOption progressOption;

  @Mixin VerifyOption verify;

  /** The cells to train: --specs, else --sample of --from, else --archs. */
  private List<ModelSpec> cells() throws IOException {
    if (specsFile != null && sample != null) {
      throw new ParameterException(spec.commandLine(), "--specs and --sample exclude each other");
    }
    if ((sample == null) != (sampleFrom == null)) {
      throw new ParameterException(spec.commandLine(), "--sample N and --from FILE go together");
    }
    if (specsFile != null) {
      return Architectures.readJsonLines(specsFile);
    }
    if (sample != null) {
      return CellSample.draw(CellSample.open(sampleFrom), sample, sampleEpochs, sampleSeed);
    }
    return Architectures.resolve(plan.archs);
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    int[] sh = parseShard(shard);
    Profile p = plan.profile();
    List<ModelSpec> specs = cells();
    Path folder = plan.out();
    int repeats = plan.repeats();
    UnitStore store = new UnitStore(folder);
    GroundTruthGenerator generator = new GroundTruthGenerator(store, p, specs, repeats);
    List<GroundTruthGenerator.Unit> todo = generator.pending(sh[0], sh[1]);
    err.printf(
        Locale.ROOT,
        "groundtruth: %d architectures x %d repeats, %d to train (shard %d/%d), profile %s, "
            + "folder %s%n",
        specs.size(),
        repeats,
        todo.size(),
        sh[0],
        sh[1],
        p.name(),
        folder);
    err.flush();
    GroundTruthData data =
        CifarGroundTruthData.load(verify.apply(DataRoot.resolve(plan.dataRoot)), p);
    store.pinData(data.checksums());
    UnitTrainer trainer = new UnitTrainer(p, data);

    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              stop.set(true);
              try {
                finished.await(60, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "groundtruth-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    long started = System.nanoTime();
    int[] count = {0};
    GroundTruthGenerator.Outcome outcome;
    int stepsPerUnit = data.train().apply(0).batchesPerEpoch() * p.epochs();
    try (ProgressBar bar =
        progressOption.enabled()
            ? new ProgressBarBuilder()
                .setTaskName("groundtruth")
                .setInitialMax((long) stepsPerUnit * todo.size())
                .setStyle(ProgressBarStyle.ASCII)
                .continuousUpdate()
                .showSpeed()
                .build()
            : null) {
      outcome =
          generator.run(
              trainer,
              sh[0],
              sh[1],
              () -> stop.get() || limitReached(count[0], started),
              new GroundTruthProgress(bar, err, stepsPerUnit, count));
    } finally {
      finished.countDown();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the JVM is exiting after Ctrl-C: finished units are on disk
    }
    err.printf(
        Locale.ROOT,
        "groundtruth: trained %d units this run, %d were already done%s%s%n",
        outcome.trained(),
        outcome.skipped(),
        outcome.busy() == 0
            ? ""
            : String.format(
                Locale.ROOT, ", %d left to another process training them", outcome.busy()),
        outcome.stopped() ? "; stopped early, rerun the same command to continue" : "");
    if (!stop.get() && assemble) {
      GroundTruthAssembler.Protocol protocol =
          GroundTruthAssembler.assemble(store, p, specs, repeats, data.checksums());
      err.printf(
          Locale.ROOT,
          "groundtruth: wrote %s (%d records) and %s%n",
          folder.resolve(GroundTruthAssembler.TFRECORD),
          protocol.unitsFinished(),
          GroundTruthAssembler.PROTOCOL);
    }
    err.flush();
    return Main.OK;
  }

  private int[] parseShard(String text) {
    String[] parts = text.split("/");
    try {
      int i = Integer.parseInt(parts[0].strip());
      int n = Integer.parseInt(parts[1].strip());
      if (parts.length == 2 && n >= 1 && i >= 0 && i < n) {
        return new int[] {i, n};
      }
    } catch (RuntimeException e) {
      // reported below
    }
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "--shard must be I/N with 0 <= I < N, got '" + text + "'");
  }

  private boolean limitReached(int trained, long started) {
    if (maxUnits != null && trained >= maxUnits) {
      return true;
    }
    return maxMinutes != null && (System.nanoTime() - started) / 6e10 >= maxMinutes;
  }
}
