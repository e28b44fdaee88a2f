package dev.nasrank.benchbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nasrank.benchbridge.io.PartialDump;
import dev.nasrank.datasets.TestData;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The enumerated space against the published counts and the partial dumps' keys. */
class SearchSpaceTest {

  @Test
  void candidateCountMatchesTheReference() {
    assertEquals(1_293_208L, SearchSpace.countCandidates());
  }

  @Test
  void enumerationYieldsTheUniqueCellsOfNasBench101() {
    SearchSpace s = FullSpace.get();
    assertEquals(SearchSpace.CANDIDATES, s.candidates());
    assertEquals(423_624, s.size());
    // ascending, unique
    assertTrue(s.hashAt(0).compareTo(s.hashAt(1)) < 0);
    // the representative of a hash hashes back to it
    for (int i = 0; i < s.size(); i += 9973) {
      ModelSpec spec = s.specAt(i);
      assertEquals(s.hashAt(i), spec.hash());
      assertTrue(spec.vertexCount() <= 7 && spec.edgeCount() <= 9);
    }
  }

  @Test
  void everyKeyOfThe20kDumpIsEnumerated() throws IOException {
    JsonNode keys =
        new ObjectMapper()
            .readTree(TestData.require("nasbench101-partial/nasbench-vis_data-20k.json").toFile())
            .get("key");
    assertEquals(20_001, keys.size());
    SearchSpace s = FullSpace.get();
    int found = 0;
    for (JsonNode k : keys) {
      found += s.contains(k.asText()) ? 1 : 0;
    }
    assertEquals(20_001, found);
    // the dump holds the LOWEST hashes: its last key is the 20,001st enumerated hash
    assertEquals(keys.get(20_000).asText(), s.hashAt(20_000));
  }

  @Test
  void everyNaslibCellIsAValidSpecOfTheSpace() throws IOException {
    JsonNode cells =
        new ObjectMapper()
            .readTree(
                TestData.require("nasbench101-partial/naslib_zc_nasbench101_500.json").toFile())
            .path("nasbench101")
            .path("cifar10");
    assertEquals(500, cells.size());
    SearchSpace s = FullSpace.get();
    Set<String> hashes = new HashSet<>();
    int inSpace = 0;
    for (var it = cells.fieldNames(); it.hasNext(); ) {
      ModelSpec spec = PartialDump.naslibSpec(it.next());
      assertTrue(spec.isValid());
      inSpace += s.contains(spec.hash()) ? 1 : 0;
      hashes.add(spec.hash());
      // the space's representative of that hash is an isomorphic copy with the same hash
      assertEquals(spec.hash(), s.spec(spec.hash()).hash());
    }
    assertEquals(500, inSpace);
    assertTrue(hashes.size() <= 500);
  }
}
