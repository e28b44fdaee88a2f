package dev.nasrank.harness.groundtruth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nasrank.benchbridge.ModelSpec;
import dev.nasrank.benchbridge.Op;
import dev.nasrank.datasets.TestData;
import dev.nasrank.harness.config.NetworkShape;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Golden tests against real NAS-Bench-101 data: the arithmetic count and the DJL network's real
 * count must equal the published {@code trainable_parameters} at C = 128, 3 x 3 cells.
 */
class ParameterCountGoldenTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The JSON payload of the one real record: 12 framing bytes (8 length + 4 CRC), then L bytes. */
  private static JsonNode firstRecord() throws IOException {
    byte[] bytes =
        Files.readAllBytes(
            TestData.require("nasbench101-partial/first_record_nasbench_full.tfrecord"));
    long len =
        java.nio.ByteBuffer.wrap(bytes, 0, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
    return JSON.readTree(new String(bytes, 12, (int) len, StandardCharsets.UTF_8));
  }

  static long djlCount(ModelSpec spec, NetworkShape config) {
    try (Model model = Model.newInstance("count")) {
      Block block = Nb101Network.build(spec, config, 0.997f);
      model.setBlock(block);
      block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 3, 32, 32));
      long n = 0;
      for (Pair<String, Parameter> p : block.getParameters()) {
        Parameter.Type t = p.getValue().getType();
        if (t != Parameter.Type.RUNNING_MEAN && t != Parameter.Type.RUNNING_VAR) {
          n += p.getValue().getArray().size();
        }
      }
      return n;
    }
  }

  @Test
  void realRecordHasPublishedParameterCountArithmeticallyAndInDjl() throws IOException {
    JsonNode r = firstRecord();
    assertEquals("00005c142e6f48ac74fdcf73e3439874", r.get(0).asText());
    ModelSpec spec = ModelSpec.parse(r.get(2).asText(), r.get(3).asText());
    assertEquals("00005c142e6f48ac74fdcf73e3439874", spec.hash());
    assertEquals(8_555_530L, ParameterCount.network(spec, NetworkShape.NASBENCH101));
    assertEquals(8_555_530L, djlCount(spec, NetworkShape.NASBENCH101));
  }

  @Test
  void arithmeticCountMatchesPublishedCountsOfTheThousandCells() throws IOException {
    JsonNode root =
        JSON.readTree(TestData.require("nasbench101-partial/nasbench-vis_data-1k.json").toFile());
    int checked = 0;
    List<ModelSpec> forDjl = new ArrayList<>();
    List<Long> djlExpected = new ArrayList<>();
    for (int i = 0; i < root.get("key").size(); i++) {
      ModelSpec spec = fromVis(root.get("adjacency").get(i), root.get("operations").get(i));
      assertEquals(root.get("key").get(i).asText(), spec.hash(), "hash of entry " + i);
      long expected = root.get("trainable_parameters").get(i).asLong();
      assertEquals(
          expected,
          ParameterCount.network(spec, NetworkShape.NASBENCH101),
          "entry " + i + " " + spec);
      if (i % 250 == 7) {
        forDjl.add(spec);
        djlExpected.add(expected);
      }
      checked++;
    }
    assertEquals(1000, checked);
    for (int k = 0; k < forDjl.size(); k++) {
      assertEquals(
          djlExpected.get(k),
          djlCount(forDjl.get(k), NetworkShape.NASBENCH101),
          forDjl.get(k).toString());
    }
  }

  private static ModelSpec fromVis(JsonNode adjacency, JsonNode operations) {
    List<Integer> keep = new ArrayList<>();
    for (int v = 0; v < operations.size(); v++) {
      if (operations.get(v).asInt() != -3) {
        keep.add(v);
      }
    }
    int n = keep.size();
    int[][] m = new int[n][n];
    List<Op> ops = new ArrayList<>();
    for (int a = 0; a < n; a++) {
      ops.add(Op.fromHashLabel(operations.get(keep.get(a)).asInt()));
      for (int b = 0; b < n; b++) {
        m[a][b] = adjacency.get(keep.get(a)).get(keep.get(b)).asDouble() > 0.5 ? 1 : 0;
      }
    }
    return ModelSpec.of(m, ops);
  }
}
