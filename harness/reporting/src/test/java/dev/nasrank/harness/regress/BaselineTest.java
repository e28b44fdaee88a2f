package dev.nasrank.harness.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nasrank.harness.report.RankingRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {
  @TempDir Path tmp;

  private static RankingRow row(String strategy, long seed, double tau, double low, double high) {
    return new RankingRow("mixpath", strategy, true, seed, 34, tau, low, high, tau, 0.8);
  }

  @Test
  void fromRunStoresMeanAndSdAndRoundTrips() throws Exception {
    List<RankingRow> rows =
        List.of(
            row("linear_sbn", 1, 0.5, 0.3, 0.7),
            row("linear_sbn", 2, 0.7, 0.5, 0.9),
            row("none", 1, 0.05, -0.146, 0.246));
    Baseline b = Baseline.fromRun(rows, "smoke", Double.NaN, "runs/a", "abc", "ab".repeat(32));
    assertEquals(Baseline.SCHEMA, b.schema());
    // entries in setting order: none before linear_sbn
    Baseline.Entry none = b.entries().get(0);
    Baseline.Entry linear = b.entries().get(1);
    // one seed: sd = interval width / (2 x 1.959964) = 0.392 / 3.919928 = 0.100002
    assertEquals(0.100002, none.sdTau(), 1e-6);
    assertEquals("bootstrap", none.sdSource());
    // two seeds: mean 0.6, sample sd |0.7 - 0.5| / sqrt(2) = 0.141421
    assertEquals(0.6, linear.meanTau(), 1e-12);
    assertEquals(0.141421, linear.sdTau(), 1e-6);
    assertEquals("seeds", linear.sdSource());
    assertEquals(2, linear.seeds());
    Path f = tmp.resolve("smoke.json");
    b.write(f);
    assertEquals(b, Baseline.read(f));
    String json = Files.readString(f);
    assertTrue(json.contains("\"meanTau\" : 0.6") && !json.contains("band"), json);
    assertTrue(json.contains("\"configurationSha256\" : \"" + "ab".repeat(32) + "\""), json);
    assertTrue(RegressionCheck.against(Baseline.read(f)).check(rows).passed());
    // a fixed band is kept in every entry
    Baseline fixed = Baseline.fromRun(rows, "smoke", 0.2, "runs/a", "abc", null);
    fixed.write(f);
    assertEquals(0.2, Baseline.read(f).entries().get(0).band(), 1e-12);
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Baseline.fromRun(
                List.of(row("none", 1, Double.NaN, 0, 0)), "smoke", Double.NaN, "r", "c", null));
  }

  @Test
  void committedV1BaselinesStillRead() {
    // the three files committed in session 2 (schema 1), kept as test data since the baselines were
    // re-recorded
    Path v1 = Path.of("src", "test", "resources", "baselines-v1");
    for (String name : List.of("ci.json", "ci-reference.json", "mini.json")) {
      Baseline b = Baseline.read(v1.resolve(name));
      assertEquals(Baseline.SCHEMA_V1, b.schema(), name);
      assertEquals(12, b.entries().size(), name);
      b.entries().forEach(e -> assertTrue(e.fixedBand() && e.band() == 0.25, name + " " + e));
    }
    // mini.json: linear SBN calibrated measured 0.455358 in the session-2 main job
    Baseline mini = Baseline.read(v1.resolve("mini.json"));
    assertEquals(
        0.455358,
        mini.entries().stream()
            .filter(e -> e.bnStrategy().equals("linear_sbn") && e.calibrated())
            .findFirst()
            .orElseThrow()
            .meanTau(),
        1e-12);
  }

  @Test
  void committedBaselinesAreSchemaTwo() {
    for (String name : List.of("ci.json", "ci-reference.json", "mini.json")) {
      Baseline b = Baseline.read(Path.of("..", "..", "results", "baselines", name));
      assertEquals(Baseline.SCHEMA, b.schema(), name);
      assertEquals(12, b.entries().size(), name);
    }
  }

  @Test
  void strictReadingNamesFileAndEntry() throws Exception {
    String v1 =
        "{\"schema\":\"nasrank-baseline/1\",\"profile\":\"ci\",\"entries\":[{\"method\":\"mixpath\","
            + "\"bnStrategy\":\"none\",\"calibrated\":false,\"expectedTau\":0.2,\"band\":0.25,\"seeds\":1}]}";
    assertEquals(1, read("ok.json", v1).entries().size());
    assertRejected("null.json", "null", "the file holds null");
    assertRejected("empty.json", v1.replaceAll("\\[.*]", "[]"), "'entries' is empty");
    assertRejected(
        "noband.json",
        v1.replace(",\"band\":0.25", ""),
        "entries[0] (mixpath/none/false): missing " + "number 'band'");
    assertRejected(
        "notau.json", v1.replace("\"expectedTau\":0.2,", ""), "missing number 'expectedTau'");
    assertRejected("nullband.json", v1.replace("0.25", "null"), "missing number 'band' (got null)");
    assertRejected(
        "badband.json", v1.replace("0.25", "-1"), "band of mixpath/none/false must be in [0,2]");
    assertRejected("unknown.json", v1.replace("\"seeds\"", "\"sedes\""), "unknown key 'sedes'");
    String v2 =
        v1.replace("baseline/1", "baseline/2")
            .replace("expectedTau", "meanTau")
            .replace("\"band\":0.25", "\"sdTau\":0.1,\"sdSource\":\"bootstrap\"");
    assertEquals(0.1, read("v2.json", v2).entries().get(0).sdTau(), 1e-12);
    assertRejected(
        "v2nosd.json", v2.replace("\"sdTau\":0.1,", ""), "neither sdTau nor a fixed band");
    assertRejected("v2old.json", v2.replace("meanTau", "expectedTau"), "unknown key 'expectedTau'");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Baseline.read(tmp.resolve("none.json")));
    assertTrue(e.getMessage().contains("none.json"), e.getMessage());
  }

  private Baseline read(String name, String json) throws Exception {
    Path f = tmp.resolve(name);
    Files.writeString(f, json);
    return Baseline.read(f);
  }

  private void assertRejected(String name, String json, String expected) throws Exception {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> read(name, json));
    assertTrue(e.getMessage().contains(name) && e.getMessage().contains(expected), e.getMessage());
  }
}
