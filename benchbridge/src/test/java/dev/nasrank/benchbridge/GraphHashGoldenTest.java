package dev.nasrank.benchbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nasrank.datasets.TestData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Golden test: re-hashing the 1,000 cells of nasbench-vis_data-1k.json reproduces their published
 * keys.
 */
class GraphHashGoldenTest {

  @Test
  void allThousandKeysOfTheVisDumpAreReproduced() throws IOException {
    JsonNode root =
        new ObjectMapper()
            .readTree(TestData.require("nasbench101-partial/nasbench-vis_data-1k.json").toFile());
    JsonNode keys = root.get("key");
    JsonNode adj = root.get("adjacency");
    JsonNode ops = root.get("operations");
    assertEquals(1000, keys.size());
    int matched = 0;
    for (int k = 0; k < keys.size(); k++) {
      List<Integer> keep = new ArrayList<>();
      for (int v = 0; v < 7; v++) {
        if (ops.get(k).get(v).asInt() != -3) {
          keep.add(v);
        }
      }
      int n = keep.size();
      int[][] m = new int[n][n];
      List<Op> labels = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        labels.add(Op.fromHashLabel(ops.get(k).get(keep.get(i)).asInt()));
        for (int j = 0; j < n; j++) {
          m[i][j] = (int) adj.get(k).get(keep.get(i)).get(keep.get(j)).asDouble();
        }
      }
      assertEquals(keys.get(k).asText(), ModelSpec.of(m, labels).hash(), "cell " + k);
      matched++;
    }
    assertEquals(1000, matched);
  }
}
