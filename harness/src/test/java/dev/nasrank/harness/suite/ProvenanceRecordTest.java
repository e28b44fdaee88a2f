package dev.nasrank.harness.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nasrank.harness.manifest.Environment;
import dev.nasrank.harness.train.SupernetTrainer;
import dev.nasrank.harness.train.TrainProvenance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processors and code versions recorded in units' train.json: the merge lists each once (and
 * warns when there are several), the audit notes a unit trained on another kind of processor or by
 * other code than its own.
 */
class ProvenanceRecordTest {

  private static Path unit(Path root, String name, String trainJson) throws Exception {
    Path d = Files.createDirectories(root.resolve(name));
    if (trainJson != null) {
      Files.writeString(d.resolve(SupernetTrainer.MANIFEST), trainJson);
    }
    return d;
  }

  @Test
  void mergeListsEveryProcessorAndCodeVersionOnceInUnitOrderAndSkipsUnitsWithoutTheFields(
      @TempDir Path dir) throws Exception {
    List<Path> dirs =
        List.of(
            unit(dir, "a", "{\"processors\":[\"Intel Xeon\"],\"code\":[\"c2\"],\"epochs\":[]}"),
            unit(dir, "b", "{\"epochs\":[]}"),
            unit(
                dir,
                "c",
                "{\"processors\":[\"AMD EPYC\",\"Intel Xeon\"],\"code\":[\"c1\",\"c2\"]}"),
            unit(dir, "d", null));
    TrainProvenance all = SuiteMerger.unitProvenance(dirs);
    // unit b was trained before the fields: unrecorded, in its place; d has no train.json
    assertEquals(List.of("Intel Xeon", "unrecorded", "AMD EPYC"), all.processors());
    assertEquals(List.of("c2", "unrecorded", "c1"), all.code());
    assertEquals(List.of("Intel Xeon", "AMD EPYC"), TrainProvenance.known(all.processors()));
    TrainProvenance none = SuiteMerger.unitProvenance(List.of(dirs.get(3)));
    assertEquals(List.of(), none.processors());
    assertEquals(List.of(), none.code());
  }

  @Test
  void aUnitResumedByNewerCodeListsItsEarlierInvocationsAsUnrecorded() throws Exception {
    // the train.json of a unit trained before the fields, then resumed here
    TrainProvenance resumed =
        TrainProvenance.of(
                new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree("{\"epochsCompleted\":3,\"epochs\":[]}"))
            .plus(new TrainProvenance(List.of("Intel Xeon"), List.of("c3")));
    assertEquals(List.of("unrecorded", "Intel Xeon"), resumed.processors());
    assertEquals(List.of("unrecorded", "c3"), resumed.code());
    assertEquals(List.of("c3"), TrainProvenance.known(List.of("unrecorded", "unknown", "c3")));
  }

  @Test
  void auditNotesAUnitTrainedOnAnotherProcessorOrByOtherCodeOnly(@TempDir Path dir)
      throws Exception {
    String cpu = Environment.processorModel();
    String code = TrainProvenance.current().code().get(0);
    Path same =
        unit(
            dir,
            "same",
            "{\"processors\":[\"Other CPU\",\"" + cpu + "\"],\"code\":[\"old\",\"" + code + "\"]}");
    Path old = unit(dir, "old", "{\"epochs\":[]}");
    Path otherCpu =
        unit(dir, "cpu", "{\"processors\":[\"Other CPU 9000\"],\"code\":[\"" + code + "\"]}");
    Path otherCode = unit(dir, "code", "{\"processors\":[\"" + cpu + "\"],\"code\":[\"0123abc\"]}");
    assertEquals(List.of(), RunAudit.provenanceNotes(same.resolve(SupernetTrainer.MANIFEST)));
    assertEquals(List.of(), RunAudit.provenanceNotes(old.resolve(SupernetTrainer.MANIFEST)));
    Path unknown =
        unit(dir, "unknown", "{\"processors\":[\"" + cpu + "\"],\"code\":[\"unknown\"]}");
    assertEquals(List.of(), RunAudit.provenanceNotes(unknown.resolve(SupernetTrainer.MANIFEST)));
    assertEquals(List.of(), RunAudit.provenanceNotes(dir.resolve("missing/train.json")));
    List<String> notes = RunAudit.provenanceNotes(otherCpu.resolve(SupernetTrainer.MANIFEST));
    assertEquals(1, notes.size(), notes.toString());
    assertTrue(
        notes.get(0).startsWith("trained on Other CPU 9000, audited on " + cpu + ": "),
        notes.toString());
    notes = RunAudit.provenanceNotes(otherCode.resolve(SupernetTrainer.MANIFEST));
    assertEquals(
        List.of(
            "trained by code 0123abc, audited with "
                + code
                + ": a change of code can change the results"),
        notes);
  }

  @Test
  void provenanceKeepsFirstUseOrderAcrossInvocations() {
    TrainProvenance first = new TrainProvenance(List.of("A"), List.of("c1"));
    TrainProvenance resumed =
        first.plus(new TrainProvenance(List.of("B"), List.of("c2"))).plus(first);
    assertEquals(List.of("A", "B"), resumed.processors());
    assertEquals(List.of("c1", "c2"), resumed.code());
  }
}
