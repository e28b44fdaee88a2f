package dev.nasrank.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nasrank.harness.groundtruth.EmbeddedGroundTruth;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ground-truth commands' defaults: the folder is the embedded ground truth the suite reads,
 * whatever the working directory, and a default run never plans fewer repeats than the folder has.
 */
class GroundTruthDefaultsTest {

  @Test
  void theDefaultFolderIsTheOneTheSuiteReads() {
    Path read = EmbeddedGroundTruth.resolve(null);
    assertEquals(read.getParent(), EmbeddedGroundTruth.defaultFolder());
    assertEquals(read.getParent(), new GroundTruthFolderArgs().dir());
    assertEquals(read.getParent(), new GroundTruthPlanOptions().out());
  }

  @Test
  void statusFromAnotherWorkingDirectoryReportsTheEmbeddedGroundTruth(@TempDir Path elsewhere)
      throws Exception {
    StringBuilder out = new StringBuilder();
    assertEquals(
        Main.OK, NewUserPathsTest.child(elsewhere, out, "groundtruth", "status"), out.toString());
    assertTrue(
        out.toString().contains("units: 204 of 204 (34 architectures x 6 repeats)"),
        out.toString());
    try (var files = Files.list(elsewhere)) {
      assertEquals(List.of(), files.toList(), "nothing is made in the working directory");
    }
  }

  @Test
  void defaultRepeatsAreThreeOrWhatTheFolderHoldsIfMore(@TempDir Path dir) throws Exception {
    GroundTruthPlanOptions plan = new GroundTruthPlanOptions();
    plan.out = dir.resolve("new");
    assertEquals(3, plan.repeats(), "an empty folder");
    Path units = Files.createDirectories(dir.resolve("held/units"));
    for (int r = 0; r < 6; r++) {
      Files.writeString(units.resolve("0123456789abcdef0123456789abcdef_r" + r + ".json"), "{}");
    }
    Files.writeString(units.resolve("fedcba9876543210fedcba9876543210_r0.json"), "{}");
    plan.out = dir.resolve("held");
    assertEquals(6, plan.repeats(), "a folder holding 6 repeats of one architecture");
    plan.repeats = 2;
    assertEquals(2, plan.repeats(), "--repeats is taken as given");
  }
}
