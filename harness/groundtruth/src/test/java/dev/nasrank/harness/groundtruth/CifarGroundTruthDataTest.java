package dev.nasrank.harness.groundtruth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nasrank.datasets.DataRoot;
import dev.nasrank.datasets.TestData;
import dev.nasrank.harness.config.DataSplit;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The mini split as the ground-truth trainer sees it (needs the shared CIFAR-10 subset; skipped
 * without it).
 */
class CifarGroundTruthDataTest {

  @Test
  void miniSplitHasTheDocumentedSizesAndChecksums() {
    Path bin = TestData.require("cifar10-partial-bin/data_batch_1.bin");
    Profile p = Profile.s4Mini();
    GroundTruthData data = CifarGroundTruthData.load(DataRoot.of(bin.getParent().getParent()), p);
    assertEquals(DataSplit.MINI, data.split());
    assertEquals(4068, data.train().apply(p.seed(0)).size());
    assertEquals(32, data.train().apply(p.seed(0)).batchesPerEpoch());
    assertEquals(4068, data.trainEval().size());
    assertEquals(1017, data.validation().size());
    assertEquals(1017, data.test().size());
    // SHA-256s as published in cifar10-partial-bin/SOURCE.md
    assertEquals(
        "ea2c7a46f23371a3f814ce8e198838201147e8e6d1f8a84baa3583ebbec03247",
        data.checksums().get("data_batch_1.bin"));
    assertEquals(
        "e04d47eac99eb22c5406c696680423d9d7ff080be029363b6c6b947c5165f985",
        data.checksums().get("data_batch_5.bin"));
    assertEquals(
        "c77ad46116beb3508f55d38aa34893560beae9515f9aca4a4dd0ea3617ac289e",
        data.checksums().get("test_batch.bin"));
    assertEquals(6, data.checksums().size());
  }
}
