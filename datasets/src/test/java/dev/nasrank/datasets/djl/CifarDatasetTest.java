package dev.nasrank.datasets.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Record;
import dev.nasrank.datasets.CifarImages;
import java.util.Iterator;
import org.junit.jupiter.api.Test;

class CifarDatasetTest {

  @Test
  void djlBatchesEqualTheFastPathWithoutAugmentation() throws Exception {
    CifarImages images = CifarBatchesTest.synthetic(20);
    CifarDataset dataset = CifarDataset.builder().setImages(images).setSampling(8, false).build();
    CifarBatches fast =
        CifarBatches.builder(images).optBatchSize(8).optShuffle(false).optAugment(false).build();
    float[] data = new float[8 * 3072];
    float[] labels = new float[8];
    fast.plan(0).fill(0, data, labels);
    try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
      Iterator<Batch> it = dataset.getData(manager).iterator();
      try (Batch batch = it.next()) {
        assertEquals(new Shape(8, 3, 32, 32), batch.getData().singletonOrThrow().getShape());
        assertEquals(new Shape(8), batch.getLabels().singletonOrThrow().getShape());
        assertArrayEquals(data, batch.getData().singletonOrThrow().toFloatArray());
        assertArrayEquals(labels, batch.getLabels().singletonOrThrow().toFloatArray());
      }
      assertEquals(20, dataset.size());
    }
  }

  @Test
  void augmentedAccessesAreSeededPerImageAndAccess() {
    CifarImages images = CifarBatchesTest.synthetic(5);
    try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
      CifarDataset a =
          CifarDataset.builder()
              .setImages(images)
              .setSampling(1, false)
              .optAugment(true)
              .optSeed(3)
              .build();
      CifarDataset b =
          CifarDataset.builder()
              .setImages(images)
              .setSampling(1, false)
              .optAugment(true)
              .optSeed(3)
              .build();
      Record a0 = a.get(manager, 2);
      Record b0 = b.get(manager, 2);
      assertArrayEquals(a0.getData().head().toFloatArray(), b0.getData().head().toFloatArray());
      assertEquals(2f, a0.getLabels().head().getFloat());
      Record a1 = a.get(manager, 2);
      assertFalse(
          java.util.Arrays.equals(
              a0.getData().head().toFloatArray(), a1.getData().head().toFloatArray()),
          "the second access is the next epoch's draw");
    }
    assertThrows(
        IllegalStateException.class, () -> CifarDataset.builder().setSampling(1, false).build());
  }
}
