package dev.nasrank.harness.groundtruth;

import dev.nasrank.benchbridge.Evaluation;
import dev.nasrank.benchbridge.ModelSpec;
import dev.nasrank.harness.config.DataSplit;
import dev.nasrank.harness.config.NetworkShape;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Manual protocol-tuning probe (not a unit test): trains chosen S4 architectures (indices into
 * {@link Architectures#s4()}) under the s4-mini profile with overrides and prints per-epoch wall
 * and process CPU seconds and per-unit accuracies. Usage: {@code ProtocolProbe <data-root> <epochs>
 * <repeats> <archIndex,...> [lr] [wd] [batch] [warmup] [augment] [stem] [cellsPerStack]}. See
 * docs/groundtruth.md for the command line.
 */
public final class ProtocolProbe {
  private ProtocolProbe() {}

  /** Process CPU time (all threads, native ones included) from /proc/self/stat, in nanoseconds. */
  static long cpuNanos() {
    try {
      String[] f =
          java.nio.file.Files.readString(Path.of("/proc/self/stat")).split("\\) ")[1].split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L;
    } catch (java.io.IOException | RuntimeException e) {
      return 0;
    }
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int epochs = Integer.parseInt(args[1]);
    int repeats = Integer.parseInt(args[2]);
    List<ModelSpec> all = Architectures.s4();
    Profile base = Profile.s4Mini();
    double lr = args.length > 4 ? Double.parseDouble(args[4]) : base.learningRate();
    double wd = args.length > 5 ? Double.parseDouble(args[5]) : base.weightDecay();
    int batch = args.length > 6 ? Integer.parseInt(args[6]) : base.batchSize();
    int warm = args.length > 7 ? Integer.parseInt(args[7]) : base.warmupEpochs();
    boolean aug = args.length > 8 ? Boolean.parseBoolean(args[8]) : base.augment();
    int stem = args.length > 9 ? Integer.parseInt(args[9]) : base.network().stemChannels();
    int cells = args.length > 10 ? Integer.parseInt(args[10]) : base.network().cellsPerStack();
    Profile p =
        new Profile(
            "probe",
            new NetworkShape(stem, 3, cells, 10),
            DataSplit.MINI,
            epochs,
            batch,
            256,
            1024,
            lr,
            0.9,
            wd,
            warm,
            base.bnMomentum(),
            aug,
            base.seeds());
    GroundTruthData data = CifarGroundTruthData.load(dev.nasrank.datasets.DataRoot.of(dir), p);
    UnitTrainer trainer = new UnitTrainer(p, data);
    System.out.println("profile " + p);
    for (String idx : args[3].split(",")) {
      ModelSpec spec = all.get(Integer.parseInt(idx));
      for (int r = 0; r < repeats; r++) {
        int perEpoch = (int) Math.ceil(data.train().apply(0).size() / (double) batch);
        long[] mark = {System.nanoTime(), cpuNanos()};
        final int rr = r;
        UnitResult u =
            trainer.train(
                spec,
                r,
                () -> false,
                (d, t) -> {
                  if (d % perEpoch == 0) {
                    long now = System.nanoTime();
                    long cpu = cpuNanos();
                    System.out.printf(
                        Locale.ROOT,
                        "  arch %s r%d epoch %d wall %.1fs cpu %.1fs%n",
                        idx,
                        rr,
                        d / perEpoch,
                        (now - mark[0]) / 1e9,
                        (cpu - mark[1]) / 1e9);
                    mark[0] = now;
                    mark[1] = cpu;
                  }
                });
        Evaluation h = u.evaluations().get(1);
        Evaluation f = u.last();
        System.out.printf(
            Locale.ROOT,
            "arch %s %s %s r%d params %d half val %.4f final train %.4f val %.4f test %.4f"
                + " train_s %.1f total_s %.1f%n",
            idx,
            spec.hash().substring(0, 8),
            spec.operationsString(),
            r,
            u.trainableParameters(),
            h.validationAccuracy(),
            f.trainAccuracy(),
            f.validationAccuracy(),
            f.testAccuracy(),
            f.trainingTime(),
            u.totalTimeSeconds());
      }
    }
  }
}
