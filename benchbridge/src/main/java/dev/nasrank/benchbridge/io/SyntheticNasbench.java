package dev.nasrank.benchbridge.io;

import dev.nasrank.benchbridge.ModelSpec;
import dev.nasrank.benchbridge.SearchSpace;
import dev.nasrank.benchbridge.proto.EvaluationData;
import dev.nasrank.benchbridge.proto.ModelMetrics;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * Writes synthetic NAS-Bench-101 files in the real format with this project's {@link
 * TfRecordWriter}: for each cell, each epoch budget and each repeat one record with plausible
 * values (accuracies around 0.9 at 108 epochs, lower for short budgets; training times of minutes
 * to an hour; millions of parameters), reproducible from a seed. Used by tests and benchmarks;
 * {@link #main} writes the {@code nasbench_only108} shape (423,624 cells x 3 repeats at 108 epochs
 * = 1,270,872 records, about 500 MB).
 */
public final class SyntheticNasbench {
  private SyntheticNasbench() {}

  /**
   * Usage: {@code SyntheticNasbench OUT.tfrecord [cells]}: the only108 shape, or its first {@code
   * cells} cells.
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: SyntheticNasbench OUT.tfrecord [cells]");
      System.exit(2);
    }
    long t0 = System.nanoTime();
    SearchSpace space = SearchSpace.enumerate(2);
    int cells = args.length > 1 ? Integer.parseInt(args[1]) : space.size();
    long n = write(Path.of(args[0]), cells, space::specAt, new int[] {108}, 3, 42L);
    System.out.printf(
        "wrote %d records to %s in %.1f s%n", n, args[0], (System.nanoTime() - t0) / 1e9);
  }

  /**
   * Writes the only108 shape (every enumerated cell, 3 repeats at 108 epochs) to {@code target}.
   */
  public static long writeOnly108(Path target, long seed) throws IOException {
    SearchSpace space = SearchSpace.enumerate(2);
    return write(target, space.size(), space::specAt, new int[] {108}, 3, seed);
  }

  /** Writes records for the given cells. */
  public static long write(Path target, List<ModelSpec> cells, int[] epochs, int repeats, long seed)
      throws IOException {
    return write(target, cells.size(), cells::get, epochs, repeats, seed);
  }

  /**
   * Writes {@code cells x epochs.length x repeats} records; records of one (cell, epochs) are
   * consecutive, in repeat order.
   *
   * @return the number of records written
   */
  public static long write(
      Path target, int cells, IntFunction<ModelSpec> cell, int[] epochs, int repeats, long seed)
      throws IOException {
    long n = 0;
    TfRecordWriter w = TfRecordWriter.create(target);
    try {
      for (int c = 0; c < cells; c++) {
        ModelSpec spec = cell.apply(c);
        String hash = spec.hash();
        String adj = spec.adjacencyString();
        String ops = spec.operationsString();
        for (int e : epochs) {
          for (int r = 0; r < repeats; r++) {
            w.write(new NasbenchRecord(hash, e, adj, ops, metrics(spec, e, r, seed)).toPayload());
            n++;
          }
        }
      }
      w.close();
      return n;
    } catch (IOException | RuntimeException ex) {
      w.abort();
      throw ex;
    }
  }

  /** The synthetic metrics of one run: deterministic in (cell, epochs, repeat, seed). */
  public static ModelMetrics metrics(ModelSpec spec, int epochs, int repeat, long seed) {
    long cellSeed = seed ^ spec.hashCode() * 0x9E3779B97F4A7C15L;
    SplittableRandom cellRandom = new SplittableRandom(cellSeed);
    double quality = 0.80 + 0.14 * cellRandom.nextDouble();
    int params = 200_000 + cellRandom.nextInt(40_000_000);
    double secondsPerEpoch = 5 + 40 * cellRandom.nextDouble();
    SplittableRandom run = new SplittableRandom(cellSeed + 31L * epochs + 1_000_003L * repeat);
    double progress = 1 - Math.exp(-epochs / 20.0);
    double halfProgress = 1 - Math.exp(-epochs / 40.0);
    double valid = clamp(quality * progress + 0.01 * run.nextGaussian());
    double test = clamp(valid + 0.004 * run.nextGaussian());
    double train = clamp(valid + 0.05 * progress);
    double halfValid = clamp(quality * halfProgress + 0.01 * run.nextGaussian());
    double time = secondsPerEpoch * epochs * (1 + 0.02 * run.nextDouble());
    return ModelMetrics.newBuilder()
        .setTrainableParameters(params)
        .setTotalTime(time * 1.1)
        .addEvaluationData(
            EvaluationData.newBuilder()
                .setCurrentEpoch(0)
                .setTrainingTime(0)
                .setTrainAccuracy(0.1)
                .setValidationAccuracy(0.1)
                .setTestAccuracy(0.1))
        .addEvaluationData(
            EvaluationData.newBuilder()
                .setCurrentEpoch(epochs / 2.0)
                .setTrainingTime(time / 2)
                .setTrainAccuracy(clamp(halfValid + 0.03))
                .setValidationAccuracy(halfValid)
                .setTestAccuracy(clamp(halfValid + 0.004 * run.nextGaussian())))
        .addEvaluationData(
            EvaluationData.newBuilder()
                .setCurrentEpoch(epochs)
                .setTrainingTime(time)
                .setTrainAccuracy(train)
                .setValidationAccuracy(valid)
                .setTestAccuracy(test))
        .build();
  }

  private static double clamp(double x) {
    return Math.max(0.0, Math.min(1.0, x));
  }
}
