package dev.nasrank.harness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nasrank.datasets.DataRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link GroundTruthFiles} on the partial NAS-Bench-101 JSON dumps (one repeat per cell). */
class DumpGroundTruthTest {

  @TempDir Path tmp;

  private static Path shared(String name) {
    Path p = DataRoot.resolve(null).root().resolve("nasbench101-partial").resolve(name);
    assumeTrue(Files.isRegularFile(p), p + " is absent (shared datasets); skipping");
    return p;
  }

  @Test
  void the20kDumpIsOneRepeatOfThe108EpochValidationAccuracy() throws Exception {
    Path file = shared("nasbench-vis_data-20k.json");
    JsonNode raw = new ObjectMapper().readTree(file.toFile());
    GroundTruth gt = GroundTruthFiles.open(file, OptionalInt.empty());
    assertEquals(108, gt.epochs());
    for (int i : new int[] {0, 1, 9_999, 20_000}) {
      String hash = raw.get("key").get(i).asText();
      assertTrue(gt.contains(hash), hash);
      assertEquals(1, gt.repeats(hash));
      assertEquals(
          raw.get("108_final_validation_accuracy").get(i).asDouble(),
          gt.meanValidationAccuracy(hash),
          1e-12,
          hash);
    }
    GroundTruth at12 = GroundTruthFiles.open(file, OptionalInt.of(12));
    String first = raw.get("key").get(0).asText();
    assertEquals(
        raw.get("12_final_validation_accuracy").get(0).asDouble(),
        at12.validationAccuracy(first, 0),
        1e-12);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> GroundTruthFiles.open(file, OptionalInt.of(50)));
    assertTrue(e.getMessage().contains("no 50-epoch"), e.getMessage());
  }

  @Test
  void aJsonFileOfNeitherShapeIsRefusedNamingIt() throws Exception {
    Path bad = tmp.resolve("other.json");
    Files.writeString(bad, "{\"hello\": [1, 2]}");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> GroundTruthFiles.open(bad, OptionalInt.empty()));
    assertTrue(e.getMessage().contains(bad.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("nasbench-vis"), e.getMessage());
  }
}
