package dev.nasrank.benchmarks;

import dev.nasrank.datasets.Cifar10;
import dev.nasrank.datasets.Cifar10Split;
import dev.nasrank.datasets.CifarImages;
import dev.nasrank.datasets.DataRoot;
import dev.nasrank.datasets.djl.CifarBatches;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Cost of rendering one CIFAR-10 training batch in plain Java (shuffle order, crop + flip +
 * normalise + Cutout into one float[]), without the NDArray copy. Uses the mini train split when
 * the data root has it, else 4,068 random images (the cost does not depend on pixel values).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar CifarBatchesBenchmark -f 1 -wi 2 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CifarBatchesBenchmark {

  @Param({"true", "false"})
  public boolean augment;

  @Param({"96", "256"})
  public int batchSize;

  private CifarBatches.EpochPlan plan;
  private float[] data;
  private float[] labels;
  private int batch;

  @Setup
  public void setUp() {
    CifarImages images;
    try {
      images = Cifar10.load(DataRoot.resolve(null), Cifar10Split.MINI, Cifar10Split.Part.TRAIN);
    } catch (RuntimeException e) {
      byte[] pixels = new byte[4068 * CifarImages.IMAGE_BYTES];
      byte[] lab = new byte[4068];
      SplittableRandom rng = new SplittableRandom(1);
      for (int i = 0; i < pixels.length; i++) {
        pixels[i] = (byte) rng.nextInt(256);
      }
      images = new CifarImages(4068, pixels, lab, List.of());
    }
    CifarBatches source =
        CifarBatches.builder(images)
            .optBatchSize(batchSize)
            .optAugment(augment)
            .optDropLast(true)
            .build();
    plan = source.plan(0);
    data = new float[batchSize * CifarImages.IMAGE_BYTES];
    labels = new float[batchSize];
  }

  /** One batch rendered; cycles through the epoch's batches. */
  @Benchmark
  public float[] fillBatch() {
    plan.fill(batch, data, labels);
    batch = (batch + 1) % plan.batches();
    return data;
  }
}
