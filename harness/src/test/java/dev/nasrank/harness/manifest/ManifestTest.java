package dev.nasrank.harness.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nasrank.files.Checksums;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestTest {
  private static final ObjectMapper M = new ObjectMapper();

  @TempDir Path tmp;

  @Test
  void sha256MatchesTheFips180Vector() throws Exception {
    // FIPS 180-2, appendix B.1: SHA-256("abc")
    String abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    assertEquals(abc, Checksums.sha256Hex("abc".getBytes(StandardCharsets.US_ASCII)));
    Path f = tmp.resolve("abc.bin");
    Files.writeString(f, "abc", StandardCharsets.US_ASCII);
    assertEquals(abc, Checksums.sha256Tree(f));
    assertThrows(
        IllegalArgumentException.class, () -> Checksums.sha256Tree(tmp.resolve("missing")));
  }

  @Test
  void canonicalJsonSortsKeysRecursivelyAndHashesOrderIndependently() throws Exception {
    JsonNode a = M.readTree("{\"b\":1,\"a\":{\"y\":[3,{\"q\":1,\"p\":2}],\"x\":true}}");
    JsonNode b = M.readTree("{\"a\":{\"x\":true,\"y\":[3,{\"p\":2,\"q\":1}]},\"b\":1}");
    assertEquals(
        "{\"a\":{\"x\":true,\"y\":[3,{\"p\":2,\"q\":1}]},\"b\":1}", CanonicalJson.canonical(a));
    assertEquals(CanonicalJson.sha256(a), CanonicalJson.sha256(b));
    assertEquals(
        Checksums.sha256Hex(CanonicalJson.canonical(a).getBytes(StandardCharsets.UTF_8)),
        CanonicalJson.sha256(a));
    // array order is meaningful
    assertNotEquals(
        CanonicalJson.sha256(M.readTree("[1,2]")), CanonicalJson.sha256(M.readTree("[2,1]")));
  }

  @Test
  void diffFlattensToDottedPathsAndReportsOnlyDifferences() throws Exception {
    JsonNode a =
        M.readTree(
            "{\"seeds\":{\"supernet\":1,\"sampler\":2},\"env\":{\"java\":\"17\"},"
                + "\"list\":[1,2,3],\"only\":\"a\",\"created\":\"t1\"}");
    JsonNode b =
        M.readTree(
            "{\"seeds\":{\"supernet\":1,\"sampler\":5},\"env\":{\"java\":\"21\"},"
                + "\"list\":[1,2],\"created\":\"t2\"}");
    List<ManifestDiff.Difference> d =
        ManifestDiff.create().withIgnored(List.of("created")).diff(a, b);
    assertEquals(
        List.of(
            new ManifestDiff.Difference("env.java", Optional.of("\"17\""), Optional.of("\"21\"")),
            new ManifestDiff.Difference("list[2]", Optional.of("3"), Optional.empty()),
            new ManifestDiff.Difference("only", Optional.of("\"a\""), Optional.empty()),
            new ManifestDiff.Difference("seeds.sampler", Optional.of("2"), Optional.of("5"))),
        d);
    assertEquals("list[2]: 3 -> <absent>", d.get(1).toString());
    assertTrue(ManifestDiff.create().diff(a, a).isEmpty());
  }

  @Test
  void builtManifestRoundTripsAndRecordsEverything() throws Exception {
    Path data = tmp.resolve("data.bin");
    Files.writeString(data, "abc", StandardCharsets.US_ASCII);
    RunManifest m =
        RunManifest.builder()
            .profile("smoke")
            .configuration(Map.of("lr", 0.025, "batch", 96, "strategy", "linear_sbn"))
            .seed("supernet", 2020)
            .dataset("cifar10", data)
            .device("cpu()")
            .timing("train", 12.5)
            .sourceDir(tmp)
            .build();
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        m.datasets().get("cifar10"));
    assertEquals(
        CanonicalJson.sha256(M.readTree("{\"batch\":96,\"lr\":0.025,\"strategy\":\"linear_sbn\"}")),
        m.configurationSha256());
    assertEquals("unknown", m.git().commit(), "tmp is not a git checkout");
    assertEquals(System.getProperty("java.version"), m.environment().javaVersion());
    assertEquals("0.36.0", m.environment().djlVersion());
    assertEquals("2.7.1", m.environment().engineVersion());

    Path f = tmp.resolve("run.json");
    ManifestIo.write(f, m);
    JsonNode back = ManifestIo.read(f);
    assertEquals("smoke", back.get("profile").asText());
    assertEquals(2020, back.get("seeds").get("supernet").asLong());
    assertEquals(12.5, back.get("timingsSeconds").get("train").asDouble(), 0);
    assertEquals("cpu()", back.get("environment").get("device").asText());
    try (var s = Files.list(tmp)) {
      assertTrue(s.noneMatch(p -> p.toString().endsWith(".tmp")));
    }
    Files.writeString(f, "{\"a\": [1, 2");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ManifestIo.read(f));
    assertTrue(e.getMessage().contains("run.json"), e.getMessage());
  }

  @Test
  void gitInfoOfThisCheckoutHasACommit() {
    GitInfo g = GitInfo.detect(Path.of("."));
    // surefire runs in the harness module of a git worktree
    assertTrue(g.commit().matches("[0-9a-f]{40}"), g.toString());
    assertTrue(g.dirty() != null);
  }
}
