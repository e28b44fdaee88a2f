package dev.nasrank.harness.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nasrank.harness.manifest.Environment;
import dev.nasrank.harness.train.SupernetTrainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processors recorded in units' train.json: the merge lists them (and warns when there are
 * several), the audit notes a unit trained on a kind of processor other than its own.
 */
class ProcessorRecordTest {

  private static Path unit(Path root, String name, String trainJson) throws Exception {
    Path d = Files.createDirectories(root.resolve(name));
    if (trainJson != null) {
      Files.writeString(d.resolve(SupernetTrainer.MANIFEST), trainJson);
    }
    return d;
  }

  @Test
  void mergeListsEveryProcessorOnceInUnitOrderAndSkipsUnitsWithoutTheField(@TempDir Path dir)
      throws Exception {
    List<Path> dirs =
        List.of(
            unit(dir, "a", "{\"processors\":[\"Intel Xeon\"],\"epochs\":[]}"),
            unit(dir, "b", "{\"epochs\":[]}"),
            unit(dir, "c", "{\"processors\":[\"AMD EPYC\",\"Intel Xeon\"]}"),
            unit(dir, "d", null));
    assertEquals(List.of("Intel Xeon", "AMD EPYC"), List.copyOf(SuiteMerger.unitProcessors(dirs)));
    assertEquals(
        List.of(), List.copyOf(SuiteMerger.unitProcessors(List.of(dirs.get(1), dirs.get(3)))));
  }

  @Test
  void auditNotesAUnitTrainedOnAnotherProcessorOnly(@TempDir Path dir) throws Exception {
    String here = Environment.processorModel();
    Path same = unit(dir, "same", "{\"processors\":[\"Other CPU\",\"" + here + "\"]}");
    Path old = unit(dir, "old", "{\"epochs\":[]}");
    Path other = unit(dir, "other", "{\"processors\":[\"Other CPU 9000\"]}");
    assertEquals(Optional.empty(), RunAudit.processorNote(same.resolve(SupernetTrainer.MANIFEST)));
    assertEquals(Optional.empty(), RunAudit.processorNote(old.resolve(SupernetTrainer.MANIFEST)));
    assertEquals(Optional.empty(), RunAudit.processorNote(dir.resolve("missing/train.json")));
    String note = RunAudit.processorNote(other.resolve(SupernetTrainer.MANIFEST)).orElseThrow();
    assertTrue(note.startsWith("trained on Other CPU 9000, audited on " + here + ": "), note);
  }
}
