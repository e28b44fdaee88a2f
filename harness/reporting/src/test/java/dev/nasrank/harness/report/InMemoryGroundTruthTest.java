package dev.nasrank.harness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InMemoryGroundTruthTest {
  @TempDir Path tmp;

  private static final String A = "0000000000000000000000000000000a";
  private static final String B = "0000000000000000000000000000000b";

  @Test
  void readsRepeatsInAnyRowOrder() throws Exception {
    Path f = tmp.resolve("gt.csv");
    Files.writeString(
        f,
        "module_hash,repeat,validation_accuracy,test_accuracy\n"
            + A
            + ",1,0.92,0.91\n"
            + A
            + ",0,0.90,0.89\n"
            + A
            + ",2,0.94,0.93\n"
            + B
            + ",0,0.80,\n");
    GroundTruth gt = InMemoryGroundTruth.readCsv(f, 108);
    assertEquals(3, gt.repeats(A));
    assertEquals(0.90, gt.validationAccuracy(A, 0), 0);
    assertEquals((0.90 + 0.92 + 0.94) / 3, gt.meanValidationAccuracy(A), 1e-12);
    assertEquals(0.93, gt.testAccuracy(A, 2).orElseThrow(), 0);
    assertFalse(gt.testAccuracy(B, 0).isPresent());
    assertEquals(108, gt.epochs());
  }

  @Test
  void badFilesAreNamed() throws Exception {
    Path f = tmp.resolve("gt.csv");
    Files.writeString(
        f, "module_hash,repeat,validation_accuracy\n" + A + ",0,0.9\n" + A + ",2,0.9\n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> InMemoryGroundTruth.readCsv(f, 108));
    assertTrue(
        e.getMessage().contains("gt.csv") && e.getMessage().contains("[0, 2]"), e.getMessage());
    Files.writeString(f, "module_hash,repeat,validation_accuracy\n" + A + ",0,93.1\n");
    e = assertThrows(IllegalArgumentException.class, () -> InMemoryGroundTruth.readCsv(f, 108));
    assertTrue(e.getMessage().contains("93.1"), e.getMessage());
    Files.writeString(f, "module_hash,repeat,validation_accuracy\n" + A + ",x,0.9\n");
    e = assertThrows(IllegalArgumentException.class, () -> InMemoryGroundTruth.readCsv(f, 108));
    assertTrue(e.getMessage().contains("gt.csv:2"), e.getMessage());
  }
}
