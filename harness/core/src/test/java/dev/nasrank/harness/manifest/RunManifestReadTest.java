package dev.nasrank.harness.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run.json read typed: the committed runs' files, a round trip, and the errors. */
class RunManifestReadTest {

  /** The mini study committed under results/ (written by the suite at 51e0183, schema 2). */
  @Test
  void readsTheCommittedMiniRunTyped() {
    Path root = CodeCheckout.of(RunManifest.class).orElseThrow();
    RunManifest m = RunManifest.read(root.resolve("results/reports/mini/run.json"));
    assertEquals("nasrank-run/2", m.schema());
    assertEquals("mini", m.profile());
    assertEquals("51e01832422c226458ce2fafedf4edb99b3680a5", m.git().commit());
    assertEquals(true, m.git().dirty());
    assertEquals("51e01832422c226458ce2fafedf4edb99b3680a5-dirty", m.version());
    assertEquals(
        "eaa30ddb6362bde6513a9d6171258148f335347bd694765c848ae34c3fccb932",
        m.comparableConfigurationSha256());
    assertEquals(
        "4eb35920407b68055fd5a423fa075a5adfb21df69c38240fedc94210fef89428",
        m.datasets().get("groundtruth"));
    assertEquals(6, m.datasets().size());
    assertEquals("Intel(R) Xeon(R) Processor", m.environment().cpuModel());
    assertEquals("1", m.environment().threadSettings().get("ai.djl.pytorch.num_threads"));
    assertEquals(Map.of("bootstrap", 2020L, "supernet", 2020L), m.seeds());
    assertEquals("embedded", m.configuration().get("groundTruthFile").asText());
  }

  @Test
  void aWrittenManifestReadsBackAndOlderFieldsAreEmpty(@TempDir Path dir) throws Exception {
    RunManifest written =
        RunManifest.builder()
            .profile("ci")
            .configuration(Map.of("maxPaths", List.of(4)))
            .seed("supernet", 7)
            .timing("all", 1.5)
            .sourceDir(dir)
            .build();
    Path f = dir.resolve("run.json");
    ManifestIo.write(f, written);
    RunManifest back = RunManifest.read(f);
    assertEquals("ci", back.profile());
    assertEquals(written.configurationSha256(), back.configurationSha256());
    assertEquals(Map.of("supernet", 7L), back.seeds());
    assertEquals(Map.of("all", 1.5), back.timingsSeconds());
    assertEquals(List.of(), back.unitCode());
    assertEquals(GitInfo.UNKNOWN, back.version(), "no checkout in a temp folder");
    // a file of the first schema: its hash is not comparable, absent fields read empty
    Files.writeString(f, "{\"schema\":\"nasrank-run/1\",\"profile\":\"mini\",\"extra\":1}");
    RunManifest v1 = RunManifest.read(f);
    assertNull(v1.comparableConfigurationSha256());
    assertEquals(Map.of(), v1.datasets());
    assertNull(v1.git());
    assertEquals(GitInfo.UNKNOWN, v1.version());
  }

  @Test
  void anotherSchemaOrAWrongFieldTypeIsAnErrorNamingTheFile(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("run.json");
    Files.writeString(f, "{\"schema\":\"nasrank-baseline/2\"}");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RunManifest.read(f));
    assertEquals(
        f
            + ": schema 'nasrank-baseline/2' is not a run manifest (expected nasrank-run/2 or"
            + " nasrank-run/1)",
        e.getMessage());
    Files.writeString(f, "{\"schema\":\"nasrank-run/2\",\"seeds\":{\"supernet\":\"seven\"}}");
    e = assertThrows(IllegalArgumentException.class, () -> RunManifest.read(f));
    assertTrue(e.getMessage().startsWith(f + ": not a run manifest: "), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> RunManifest.read(dir.resolve("none.json")));
    assertTrue(e.getMessage().contains("none.json"), e.getMessage());
  }
}
