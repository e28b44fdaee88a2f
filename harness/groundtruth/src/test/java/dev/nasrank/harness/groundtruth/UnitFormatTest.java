package dev.nasrank.harness.groundtruth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Unit files keep their format with one evaluation record ({@code benchbridge.Evaluation}): every
 * committed unit of the embedded S4-mini ground truth reads and writes back byte for byte.
 */
class UnitFormatTest {

  @Test
  void everyCommittedUnitFileRoundTripsByteForByte() throws Exception {
    Path units = EmbeddedGroundTruth.resolve(null).getParent().resolve("units");
    int n = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(units, "*.json")) {
      for (Path f : files) {
        byte[] bytes = Files.readAllBytes(f);
        UnitResult r = UnitStore.JSON.readValue(bytes, UnitResult.class);
        assertArrayEquals(bytes, UnitStore.JSON.writeValueAsBytes(r), f.toString());
        assertTrue(
            r.last().trainingTime() > 0 && r.last().validationAccuracy() > 0.1, f.toString());
        n++;
      }
    }
    assertTrue(n >= 102, "units found: " + n);
    String text = Files.readString(units.resolve("15ea5ff8069e145b97867db609606693_r0.json"));
    assertTrue(text.contains("\"trainingTimeSeconds\""), text);
    assertEquals(12.0, UnitStore.JSON.readValue(text, UnitResult.class).last().epoch(), 0);
  }

  @Test
  void theRepeatsPresentAreTheMostAnyArchitectureHasFinished(
      @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path units = EmbeddedGroundTruth.resolve(null).getParent().resolve("units");
    UnitStore store = new UnitStore(dir);
    assertEquals(0, store.repeatsPresent());
    Files.createDirectories(dir.resolve("units"));
    for (String f :
        new String[] {
          "15ea5ff8069e145b97867db609606693_r0.json",
          "15ea5ff8069e145b97867db609606693_r1.json",
          "15ea5ff8069e145b97867db609606693_r2.json"
        }) {
      Files.copy(units.resolve(f), dir.resolve("units").resolve(f));
    }
    try (DirectoryStream<Path> other = Files.newDirectoryStream(units, "*_r0.json")) {
      for (Path f : other) {
        if (!f.getFileName().toString().startsWith("15ea5ff8")) {
          Files.copy(f, dir.resolve("units").resolve(f.getFileName()));
          break;
        }
      }
    }
    assertEquals(4, store.loadAll().size());
    assertEquals(3, store.repeatsPresent());
  }
}
