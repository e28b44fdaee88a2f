package dev.nasrank.harness.groundtruth;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Test/probe fixture: the {@code mini} CIFAR-10 split read straight from the shared binary subset
 * (data_batch_1..4 = 4,068 training images, data_batch_5 = 1,017 validation, test_batch = 1,017 test), normalised
 * with the CIFAR-10 channel mean and standard deviation.
 */
final class MiniCifarFixture {
  private static final float[] MEAN = {0.4914f, 0.4822f, 0.4465f};
  private static final float[] STD = {0.2470f, 0.2435f, 0.2616f};

  private MiniCifarFixture() {
  }

  record Part(float[][] images, int[] labels) {
  }

  static Part read(Path... files) throws IOException {
    int total = 0;
    for (Path f : files) {
      total += (int) (Files.size(f) / 3073);
    }
    float[][] images = new float[total][];
    int[] labels = new int[total];
    int i = 0;
    byte[] rec = new byte[3073];
    for (Path f : files) {
      try (InputStream in = Files.newInputStream(f)) {
        while (in.readNBytes(rec, 0, 3073) == 3073) {
          labels[i] = rec[0];
          float[] img = new float[3072];
          for (int p = 0; p < 3072; p++) {
            int c = p / 1024;
            img[p] = ((rec[1 + p] & 0xff) / 255f - MEAN[c]) / STD[c];
          }
          images[i++] = img;
        }
      }
    }
    return new Part(images, labels);
  }

  static GroundTruthData load(Path dir, int batchSize, int evalBatch, boolean augment) throws IOException {
    Part train = read(dir.resolve("data_batch_1.bin"), dir.resolve("data_batch_2.bin"),
        dir.resolve("data_batch_3.bin"), dir.resolve("data_batch_4.bin"));
    Part val = read(dir.resolve("data_batch_5.bin"));
    Part test = read(dir.resolve("test_batch.bin"));
    return new GroundTruthData("mini",
        seed -> new ArrayBatches(train.images(), train.labels(), batchSize, seed, true, augment),
        new ArrayBatches(train.images(), train.labels(), evalBatch, 0, false, false),
        new ArrayBatches(val.images(), val.labels(), evalBatch, 0, false, false),
        new ArrayBatches(test.images(), test.labels(), evalBatch, 0, false, false),
        Map.of());
  }
}
