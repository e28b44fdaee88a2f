package dev.nasrank.harness.suite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nasrank.datasets.DataRoot;
import dev.nasrank.datasets.TestData;
import dev.nasrank.files.AtomicFiles;
import dev.nasrank.harness.candidates.Candidate;
import dev.nasrank.harness.candidates.CandidatesCsv;
import dev.nasrank.harness.cli.Main;
import dev.nasrank.harness.eval.OneShotRun;
import dev.nasrank.harness.manifest.RunManifest;
import dev.nasrank.harness.report.GroundTruth;
import dev.nasrank.harness.report.GroundTruthFiles;
import dev.nasrank.harness.setting.Study;
import dev.nasrank.harness.space.CandidateSample;
import dev.nasrank.harness.space.CellSearchSpace;
import dev.nasrank.harness.space.Nb101Cell;
import dev.nasrank.harness.space.Spaces;
import dev.nasrank.harness.train.DeviceOption;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A suite over a NAS-Bench-101 cell space: the plan draws its cells once among those the ground
 * truth holds, pins the sample in the configuration hash, and a merge of (synthetic) unit outputs
 * records the cells and the ground truth's label in run.json and ranks the trivial predictors. S4
 * plans stay byte for byte what they were.
 */
class CellSpaceSuiteTest {

  static final String SPACE = "1shot1-ss3";
  static final ObjectMapper JSON = new ObjectMapper();

  static Path dump() {
    return TestData.require("nasbench101-partial/nasbench-vis_data-20k.json");
  }

  static SuiteRunner.Settings settings(Path out, CandidateSample cells) {
    return SuiteRunner.Settings.builder()
        .setProfile(SuitePlanTest.MICRO)
        .setStudy(Study.cells(SPACE))
        .setSeeds(List.of(2020L, 2021L))
        .setOut(out)
        .optDataRoot(DataRoot.of(out))
        .optDevice(DeviceOption.CPU)
        .optGroundTruthFile(dump())
        .optCells(cells)
        .build();
  }

  @Test
  void thePlanDrawsTheCellsOnceAndPinsTheSampleInTheHash(@TempDir Path dir) throws Exception {
    CandidateSample sample = new CandidateSample(CandidateSample.Mode.UNIFORM, 24, 2020);
    SuiteRunner.Settings s = settings(dir, sample);
    SuitePlan plan = SuitePlan.pin(s);
    assertEquals(
        List.of(
            "1shot1-ss3-mixpath-none-s2020",
            "1shot1-ss3-mixpath-vanilla-s2020",
            "1shot1-ss3-mixpath-linear_sbn-s2020",
            "1shot1-ss3-mixpath-exponential_sbn-s2020",
            "1shot1-ss3-mixpath-simple_scaling-s2020",
            "1shot1-ss3-mixpath-none-s2021"),
        plan.units().subList(0, 6).stream().map(SuiteUnit::id).toList());
    assertEquals(10, plan.units().size());
    // the cells: the sample's draw among the 2,698 of SS3's cells that the dump holds
    GroundTruth gt = GroundTruthFiles.open(dump(), OptionalInt.empty());
    CellSearchSpace ss3 = (CellSearchSpace) Spaces.byId(SPACE);
    assertEquals(2_698, ss3.enumeration().hashes().filter(gt::contains).count());
    List<String> expected =
        sample.draw(ss3, gt::contains, gt::meanValidationAccuracy).stream()
            .map(Nb101Cell::id)
            .toList();
    assertEquals(expected, CellList.hashes(dir));
    List<String> lines = Files.readAllLines(dir.resolve(CellList.CELLS_TXT));
    assertEquals(
        "# cells of 1shot1-ss3 every unit evaluates: uniform sample of 24 cells, seed 2020, among"
            + " the 2,698 of its 55,854 cells that "
            + dump()
            + " holds",
        lines.get(0));
    assertEquals(
        "# ground truth: one repeat (20k dump), 108 epochs; one module hash per line, in hash order",
        lines.get(1));
    JsonNode config = JSON.readTree(dir.resolve(SuiteRunner.SUITE_CONFIG).toFile());
    assertEquals("{\"sample\":\"uniform\",\"n\":24,\"seed\":2020}", config.get("cells").toString());
    assertTrue(
        Files.readString(dir.resolve(SuitePlan.UNITS_TXT))
            .startsWith(
                "# suite plan: profile micro, 1 epochs, space 1shot1-ss3, uniform sample of 24"
                    + " cells, seed 2020 (cells.txt), seeds [2020, 2021], ground truth "));
    assertEquals(sample, SuitePlan.read(dir).cells());
    assertEquals(sample, PinnedSuite.read(dir).cells());
    // the sample is in the hash: another N or seed gives another configuration
    String hash = SuiteRunner.configurationSha256(s);
    assertFalse(
        hash.equals(
            SuiteRunner.configurationSha256(
                settings(dir, new CandidateSample(CandidateSample.Mode.UNIFORM, 24, 7)))));
    assertFalse(
        hash.equals(
            SuiteRunner.configurationSha256(
                settings(dir, new CandidateSample(CandidateSample.Mode.STRATIFIED, 24, 2020)))));
    // a second plan keeps the cells; another sample is refused before anything is written
    byte[] before = Files.readAllBytes(dir.resolve(CellList.CELLS_TXT));
    SuitePlan.pin(s);
    assertArrayEquals(before, Files.readAllBytes(dir.resolve(CellList.CELLS_TXT)));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                SuitePlan.pin(
                    settings(dir, new CandidateSample(CandidateSample.Mode.UNIFORM, 30, 2020))));
    assertTrue(
        e.getMessage()
            .contains(
                "was planned with uniform sample of 24 cells, seed 2020 ("
                    + dir.resolve(SuiteRunner.SUITE_CONFIG)
                    + "), not uniform sample of 30 cells, seed 2020"),
        e.getMessage());
    assertArrayEquals(before, Files.readAllBytes(dir.resolve(CellList.CELLS_TXT)));
  }

  @Test
  void aMergeOfTheUnitsRecordsTheCellsAndTheLabelAndRanksThePredictors(@TempDir Path dir)
      throws Exception {
    CandidateSample sample = new CandidateSample(CandidateSample.Mode.STRATIFIED, 40, 5);
    SuiteRunner.Settings s = settings(dir, sample);
    SuitePlan plan = SuitePlan.pin(s);
    GroundTruth gt = GroundTruthFiles.open(dump(), OptionalInt.empty());
    List<Nb101Cell> cells = CellList.read(dir, SPACE);
    assertEquals(40, cells.size());
    // synthetic unit outputs, as the evaluation writes them: both calibrations, every cell
    for (int u = 0; u < plan.units().size(); u++) {
      SuiteUnit unit = plan.units().get(u);
      Path ud = SuiteRunner.unitDir(dir, unit);
      Files.createDirectories(ud);
      List<Candidate> rows = new ArrayList<>();
      for (boolean calibrated : new boolean[] {false, true}) {
        for (int i = 0; i < cells.size(); i++) {
          Nb101Cell c = cells.get(i);
          double truth = gt.meanValidationAccuracy(c.id());
          double score = calibrated ? truth : ((i * 7 + u) % 11) / 11.0;
          rows.add(
              Candidate.builder()
                  .setMethod(unit.method().cliName())
                  .setBnStrategy(unit.bnStrategy().cliName())
                  .setCalibrated(calibrated)
                  .setSeed(unit.seed())
                  .setArchitecture(c.id(), c.activePaths(), c.moduleHash())
                  .setOneShotAccuracy(score)
                  .optSpace(SPACE)
                  .build());
        }
      }
      CandidatesCsv.write(ud.resolve(OneShotRun.CANDIDATES_CSV), rows, CandidatesCsv.Columns.UNIT);
      AtomicFiles.writeString(
          ud.resolve(UnitRunner.DONE),
          "{\"unit\":\"" + unit.id() + "\",\"trainSeconds\":1.0,\"evaluateSeconds\":2.0}");
    }
    SuiteMerger.Result r =
        new SuiteMerger(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
            .merge(s, null, 0);
    assertTrue(r.merged());
    assertEquals(
        "ground truth covers 2,698 of 55,854 1shot1-ss3 cells (" + dump() + ")",
        r.groundTruth().coverageLine());
    // run.json: the cells and the label, outside the configuration hash
    RunManifest m = RunManifest.read(dir.resolve("run.json"));
    List<String> recorded = new ArrayList<>();
    m.configuration().get(CellList.CELL_HASHES).forEach(n -> recorded.add(n.asText()));
    assertEquals(CellList.hashes(dir), recorded);
    assertEquals(
        "one repeat (20k dump), 108 epochs",
        m.configuration().get(CellList.GROUND_TRUTH_LABEL).asText());
    assertEquals(SuiteRunner.configurationSha256(s), m.configurationSha256());
    // candidates.csv names each cell by hash and stored spec
    List<String> csv = Files.readAllLines(dir.resolve("candidates.csv"));
    assertTrue(csv.get(0).endsWith(",max_paths,space,adjacency,operations"), csv.get(0));
    assertEquals(2 * 10 * 40 + 1, csv.size());
    // ranking: 10 supernet rankings per seed... 5 settings x 2 calibrations x 2 seeds, then the
    // three predictors under each seed
    List<String> ranking = Files.readAllLines(dir.resolve("ranking.csv"));
    assertEquals(1 + 20 + 6, ranking.size());
    long perfect =
        ranking.stream()
            .filter(l -> l.matches("mixpath,[a-z_]+,true,202[01],40,1\\.000000,.*"))
            .count();
    assertEquals(10, perfect, String.join("\n", ranking));
    assertTrue(ranking.stream().anyMatch(l -> l.startsWith("predictor,params,false,2020,40,")));
    String md = Files.readString(dir.resolve("report.md"));
    assertTrue(md.contains("Ground truth: one repeat (20k dump), 108 epochs."), md);
    assertTrue(
        md.contains("NAS-Bench-101 nasbench-vis_data-20k.json, 108 epochs, one repeat (20k dump)"),
        md);
  }

  @Test
  void theCommandLineNamesWhatACellSpaceNeeds(@TempDir Path dir) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream old = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      // no ground truth: what to pass, nothing trained
      assertEquals(
          Main.FAILURE,
          Main.run(
              "suite",
              "plan",
              "--profile",
              "ci",
              "--space",
              "nb101-v5",
              "--out",
              dir.resolve("a").toString()));
      assertTrue(out.toString(StandardCharsets.UTF_8).contains("nasbench_only108.tfrecord"));
      assertFalse(Files.exists(dir.resolve("a").resolve(SuiteRunner.SUITE_CONFIG)));
      assertEquals(
          Main.USAGE,
          Main.run(
              "suite",
              "plan",
              "--profile",
              "ci",
              "--cells",
              "10",
              "--out",
              dir.resolve("b").toString()));
      assertEquals(
          Main.USAGE,
          Main.run(
              "suite",
              "plan",
              "--profile",
              "ci",
              "--space",
              "nb101-v5",
              "--max-paths",
              "2",
              "--groundtruth",
              dump().toString(),
              "--out",
              dir.resolve("c").toString()));
      assertEquals(
          Main.USAGE,
          Main.run(
              "suite",
              "plan",
              "--profile",
              "ci",
              "--space",
              "nb101-v5",
              "--no-groundtruth",
              "--out",
              dir.resolve("d").toString()));
      assertEquals(
          Main.USAGE,
          Main.run(
              "suite",
              "plan",
              "--profile",
              "ci",
              "--space",
              "nb999",
              "--out",
              dir.resolve("e").toString()));
      // the ci profile's default: 24 cells, seed 2020
      assertEquals(
          Main.OK,
          Main.run(
              "suite",
              "plan",
              "--profile",
              "ci",
              "--space",
              "nb101-v5",
              "--groundtruth",
              dump().toString(),
              "--out",
              dir.resolve("f").toString()));
    } finally {
      System.setOut(old);
    }
    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("0 nb101-v5-mixpath-none-s2020"), text);
    assertTrue(text.contains("planned " + dir.resolve("f") + ": 5 units"), text);
  }

  /**
   * An S4 plan is what it was: the same fields in suite-config.json (no cells, no space), the
   * configurationSha256 the CI baselines record (CiBaselineHashTest's settings, planned here
   * through the command line), and the same units.txt header. (The committed S4 folders under
   * results/reports were planned before the configuration records, in the flat form.)
   */
  @Test
  void anS4PlanWritesTheFieldsAndHashItDidBefore(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("ci");
    assertEquals(Main.OK, Main.run("suite", "plan", "--profile", "ci", "--out", out.toString()));
    JsonNode config = JSON.readTree(out.resolve(SuiteRunner.SUITE_CONFIG).toFile());
    List<String> fields = new ArrayList<>();
    config.fieldNames().forEachRemaining(fields::add);
    assertEquals(
        List.of(
            "profile",
            "maxPaths",
            "seeds",
            "sposBnStrategy",
            "sampler",
            "calibration",
            "groundTruthFile"),
        fields);
    Path root = dev.nasrank.harness.manifest.CodeCheckout.of(SuiteRunner.class).orElseThrow();
    String baseline =
        JSON.readTree(root.resolve("results/baselines/ci.json").toFile())
            .get("configurationSha256")
            .asText();
    SuitePlan plan = SuitePlan.read(out);
    assertEquals(
        baseline,
        SuiteRunner.configurationSha256(
            plan.settings(out, DataRoot.of(out), DeviceOption.CPU, false)));
    assertEquals(null, plan.cells());
    assertFalse(Files.exists(out.resolve(CellList.CELLS_TXT)));
    assertTrue(
        Files.readString(out.resolve(SuitePlan.UNITS_TXT))
            .startsWith(
                "# suite plan: profile ci, 4 epochs, max paths [4], seeds [2020], ground truth "
                    + "embedded\n# 6 units; run one with: harness suite unit --out DIR --index I\n"
                    + "0 mixpath-none-m4-s2020\n"));
  }

  /**
   * With a NAS-Bench-101-format TFRecord (written by the project's SyntheticNasbench: 60 of the
   * 2,532 nb101-v5 cells, 3 repeats at 108 epochs) the cells are drawn among the 60 and the label
   * is the mean of the 3 repeats.
   */
  @Test
  void aNasBench101TfRecordIsTheMeanOfItsRepeats(@TempDir Path dir) throws Exception {
    CellSearchSpace v5 = (CellSearchSpace) Spaces.byId("nb101-v5");
    List<dev.nasrank.benchbridge.ModelSpec> held = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      held.add(v5.enumeration().specAt(i * 40));
    }
    Path file = dir.resolve("synthetic108.tfrecord");
    dev.nasrank.benchbridge.io.SyntheticNasbench.write(file, held, new int[] {108}, 3, 11);
    Path out = dir.resolve("run");
    SuiteRunner.Settings s =
        SuiteRunner.Settings.builder()
            .setProfile(SuitePlanTest.MICRO)
            .setStudy(Study.cells("nb101-v5"))
            .setSeeds(List.of(1L))
            .setOut(out)
            .optDataRoot(DataRoot.of(out))
            .optDevice(DeviceOption.CPU)
            .optGroundTruthFile(file)
            .optCells(CandidateSample.uniform(12))
            .build();
    GroundTruthChoice gt = GroundTruthChoice.open(file, "nb101-v5");
    assertEquals(60, gt.covered());
    SuitePlan.pin(s, gt);
    List<String> cells = CellList.hashes(out);
    assertEquals(12, cells.size());
    java.util.Set<String> heldHashes = new java.util.HashSet<>();
    held.forEach(h -> heldHashes.add(h.hash()));
    assertTrue(heldHashes.containsAll(cells));
    assertEquals(
        "# ground truth: mean of 3 repeats, 108 epochs; one module hash per line, in hash order",
        Files.readAllLines(out.resolve(CellList.CELLS_TXT)).get(1));
    assertEquals(
        "mean of 3 repeats",
        dev.nasrank.harness.report.GroundTruthLabel.of(gt.groundTruth(), cells));
    // too many cells for the file: refused naming both counts, nothing drawn
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                SuitePlan.pin(
                    SuiteRunner.Settings.builder()
                        .setProfile(SuitePlanTest.MICRO)
                        .setStudy(Study.cells("nb101-v5"))
                        .setSeeds(List.of(1L))
                        .setOut(dir.resolve("run2"))
                        .optGroundTruthFile(file)
                        .optCells(CandidateSample.uniform(61))
                        .build(),
                    gt));
    assertEquals(
        "cannot sample 61 cells of space nb101-v5: the ground truth holds 60 of its 2532 cells"
            + " (--cells must be 1..60)",
        e.getMessage());
    assertFalse(Files.exists(dir.resolve("run2").resolve(CellList.CELLS_TXT)));
  }
}
