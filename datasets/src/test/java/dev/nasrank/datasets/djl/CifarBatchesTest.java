package dev.nasrank.datasets.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import ai.djl.training.evaluator.Accuracy;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import dev.nasrank.datasets.Cifar10;
import dev.nasrank.datasets.Cifar10Split;
import dev.nasrank.datasets.CifarImages;
import dev.nasrank.datasets.TestData;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CifarBatchesTest {

  /** 10 synthetic images with distinct pixel values; labels 0..9. */
  static CifarImages synthetic(int n) {
    byte[] pixels = new byte[n * CifarImages.IMAGE_BYTES];
    byte[] labels = new byte[n];
    for (int i = 0; i < n; i++) {
      labels[i] = (byte) (i % 10);
      for (int p = 0; p < CifarImages.IMAGE_BYTES; p++) {
        pixels[i * CifarImages.IMAGE_BYTES + p] = (byte) (1 + (i * 7 + p) % 250);
      }
    }
    return new CifarImages(n, pixels, labels, List.of());
  }

  private static float[][] epochData(CifarBatches source, int epoch) {
    CifarBatches.EpochPlan plan = source.plan(epoch);
    float[][] out = new float[plan.batches()][];
    for (int b = 0; b < plan.batches(); b++) {
      out[b] = new float[source.batchSize() * CifarImages.IMAGE_BYTES + source.batchSize()];
      float[] labels = new float[source.batchSize()];
      plan.fill(b, out[b], labels);
      System.arraycopy(labels, 0, out[b], out[b].length - labels.length, labels.length);
    }
    return out;
  }

  @Test
  void sameSeedAndEpochAreIdenticalOtherEpochsDiffer() {
    CifarImages images = synthetic(50);
    CifarBatches a = CifarBatches.builder(images).optBatchSize(16).optSeed(7).build();
    CifarBatches b = CifarBatches.builder(images).optBatchSize(16).optSeed(7).build();
    float[][] e0 = epochData(a, 0);
    assertEquals(4, e0.length);
    for (int i = 0; i < e0.length; i++) {
      assertArrayEquals(e0[i], epochData(b, 0)[i]);
      assertArrayEquals(e0[i], epochData(a, 0)[i], "repeating an epoch must give the same batches");
    }
    float[][] e1 = epochData(a, 1);
    assertFalse(java.util.Arrays.equals(e0[0], e1[0]), "epoch 1 must differ from epoch 0");
    float[][] otherSeed =
        epochData(CifarBatches.builder(images).optBatchSize(16).optSeed(8).build(), 0);
    assertFalse(java.util.Arrays.equals(e0[0], otherSeed[0]), "another seed must differ");
  }

  @Test
  void shuffleIsAPermutationAndNoShuffleKeepsOrder() {
    CifarImages images = synthetic(50);
    CifarBatches.EpochPlan plan = CifarBatches.builder(images).optBatchSize(16).build().plan(3);
    Set<Integer> seen = new HashSet<>();
    boolean moved = false;
    for (int p = 0; p < 50; p++) {
      seen.add(plan.imageAt(p));
      moved |= plan.imageAt(p) != p;
    }
    assertEquals(50, seen.size());
    assertTrue(moved);
    CifarBatches.EpochPlan fixed = CifarBatches.builder(images).optShuffle(false).build().plan(3);
    for (int p = 0; p < 50; p++) {
      assertEquals(p, fixed.imageAt(p));
    }
  }

  @Test
  void batchCountsFollowDropLastAndLimit() {
    CifarImages images = synthetic(50);
    assertEquals(4, CifarBatches.builder(images).optBatchSize(16).build().batchesPerEpoch());
    assertEquals(
        3,
        CifarBatches.builder(images).optBatchSize(16).optDropLast(true).build().batchesPerEpoch());
    CifarBatches limited = CifarBatches.builder(images).optBatchSize(16).optLimit(20).build();
    assertEquals(20, limited.size());
    assertEquals(2, limited.batchesPerEpoch());
    assertEquals(4, limited.plan(0).batchLength(1));
    assertThrows(
        IllegalArgumentException.class, () -> CifarBatches.builder(images).optBatchSize(0).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> CifarBatches.builder(images).optBatchSize(64).optDropLast(true).build());
  }

  @Test
  void evaluationBatchesAreNormalisedImagesInOrder() {
    CifarImages images = synthetic(10);
    CifarBatches eval =
        CifarBatches.builder(images).optBatchSize(4).optAugment(false).optShuffle(false).build();
    float[] data = new float[4 * CifarImages.IMAGE_BYTES];
    float[] labels = new float[4];
    assertEquals(2, eval.plan(0).fill(2, data, labels));
    assertArrayEquals(new float[] {8, 9, 0, 0}, labels);
    // Image 9, channel 1 (green), row 5, column 6, normalised by hand.
    int v = images.pixel(9, 1, 5, 6);
    float expected = (v / 255f - 0.4822f) / 0.2435f;
    assertEquals(expected, data[CifarImages.IMAGE_BYTES + 1024 + 5 * 32 + 6], 1e-6f);
  }

  @Test
  void ndArrayBatchesWorkWithSoftmaxCrossEntropyAndAccuracy() {
    CifarImages train =
        Cifar10.load(TestData.miniRoot(), Cifar10Split.MINI, Cifar10Split.Part.TRAIN);
    CifarBatches source = CifarBatches.builder(train).optBatchSize(32).optSeed(1).build();
    assertEquals(128, source.batchesPerEpoch()); // 4,068 / 32 rounded up
    try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
      Iterator<Batch> it = source.epoch(manager, 0);
      try (Batch batch = it.next()) {
        NDArray x = batch.getData().singletonOrThrow();
        NDArray y = batch.getLabels().singletonOrThrow();
        assertEquals(new Shape(32, 3, 32, 32), x.getShape());
        assertEquals(DataType.FLOAT32, x.getDataType());
        assertEquals(new Shape(32), y.getShape());
        assertEquals(DataType.FLOAT32, y.getDataType());
        // Labels are the class indices of the shuffled images.
        CifarBatches.EpochPlan plan = source.plan(0);
        float[] labels = y.toFloatArray();
        for (int j = 0; j < 32; j++) {
          assertEquals(train.label(plan.imageAt(j)), (int) labels[j]);
        }
        // Uniform logits: cross-entropy is ln(10) for every label.
        NDArray logits = batch.getManager().zeros(new Shape(32, 10));
        float loss =
            new SoftmaxCrossEntropyLoss().evaluate(new NDList(y), new NDList(logits)).getFloat();
        assertEquals(Math.log(10), loss, 1e-5);
        // Logits that put the mass on the true class: loss near 0 and accuracy 1.
        NDArray perfect = y.toType(DataType.INT64, false).oneHot(10).mul(20f);
        float low =
            new SoftmaxCrossEntropyLoss().evaluate(new NDList(y), new NDList(perfect)).getFloat();
        assertTrue(low < 1e-6, "loss " + low);
        Accuracy acc = new Accuracy();
        acc.addAccumulator("t");
        acc.updateAccumulator("t", new NDList(y), new NDList(perfect));
        assertEquals(1.0f, acc.getAccumulator("t"), 1e-6);
      }
      List<Batch> rest = new ArrayList<>();
      it.forEachRemaining(rest::add);
      assertEquals(127, rest.size());
      assertEquals(4068 - 127 * 32, rest.get(126).getSize());
      rest.forEach(Batch::close);
    }
  }
}
