package dev.nasrank.harness.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nasrank.datasets.DataRoot;
import dev.nasrank.harness.cli.Main;
import dev.nasrank.harness.config.DataSplit;
import dev.nasrank.harness.config.EvalBudget;
import dev.nasrank.harness.config.NetworkShape;
import dev.nasrank.harness.config.Optimizer;
import dev.nasrank.harness.exec.WorkLock;
import dev.nasrank.harness.setting.BnStrategy;
import dev.nasrank.harness.setting.Method;
import dev.nasrank.harness.setting.Study;
import dev.nasrank.harness.setting.SupernetSetting;
import dev.nasrank.harness.train.DeviceOption;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plan of a run folder: stable numbered units, what a second plan may change, merge of an
 * incomplete run.
 */
class SuitePlanTest {

  static final SuiteProfile MICRO =
      new SuiteProfile(
          "micro",
          DataSplit.SYNTHETIC,
          NetworkShape.cifar10(4, 1, 1),
          1,
          8,
          1,
          Optimizer.MIXPATH_REFERENCE,
          new EvalBudget(8, 1, 1, 12));

  static SuiteRunner.Settings settings(Path out, List<Integer> m, List<Long> seeds, Path gt) {
    return new SuiteRunner.Settings(
        MICRO, Study.mixpath(m), seeds, DataRoot.of(out), DeviceOption.CPU, gt, out, false);
  }

  @Test
  void theSettingsBuilderNamesWhatIsMissingAndDefaultsTheRest(@TempDir Path dir) {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> SuiteRunner.Settings.builder().setProfile(MICRO).setOut(dir).build());
    assertEquals("suite settings need study, seeds: set them before build()", e.getMessage());
    SuiteRunner.Settings s =
        SuiteRunner.Settings.builder()
            .setProfile(MICRO)
            .setStudy(Study.mixpath(List.of(4)))
            .setSeeds(List.of(5L))
            .setOut(dir)
            .build();
    assertEquals(DeviceOption.AUTO, s.device());
    assertEquals(null, s.groundTruthFile());
    assertEquals(DataRoot.resolve(null).root(), s.dataRoot().root());
    assertEquals(settings(dir, List.of(4), List.of(5L), null).study(), s.study());
  }

  @Test
  void plansNumberedUnitsAndReadsThemBack(@TempDir Path dir) throws Exception {
    SuitePlan p = SuitePlan.pin(settings(dir, List.of(2, 4), List.of(5L, 6L), null));
    assertEquals(14, p.units().size());
    List<String> lines = Files.readAllLines(dir.resolve(SuitePlan.UNITS_TXT));
    assertTrue(lines.get(0).startsWith("# suite plan: profile micro"), lines.get(0));
    assertEquals("0 mixpath-linear_sbn-m2-s5", lines.get(2));
    assertEquals("13 spos-vanilla-m4-s6", lines.get(15));
    SuitePlan back = SuitePlan.read(dir);
    assertEquals(p, back);
    assertEquals("mixpath-none-m4-s5", back.unit(1).id());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> back.unit(14));
    assertTrue(e.getMessage().contains("0..13"), e.getMessage());
  }

  /**
   * A study is its list: only the settings it names run, in its order, and the plan records them.
   */
  @Test
  void aStudyOtherThanMixPathsIsPinnedAsItsListAndReadBack(@TempDir Path dir) throws Exception {
    Study two =
        new Study(
            List.of(
                SupernetSetting.s4(Method.SPOS, BnStrategy.VANILLA, 3),
                SupernetSetting.s4(Method.MIXPATH, BnStrategy.SIMPLE_SCALING, 3)));
    SuiteRunner.Settings s =
        new SuiteRunner.Settings(
            MICRO, two, List.of(5L, 6L), DataRoot.of(dir), DeviceOption.CPU, null, dir, false);
    SuitePlan p = SuitePlan.pin(s);
    assertEquals(
        List.of(
            "spos-vanilla-m3-s5",
            "mixpath-simple_scaling-m3-s5",
            "spos-vanilla-m3-s6",
            "mixpath-simple_scaling-m3-s6"),
        p.units().stream().map(SuiteUnit::id).toList());
    JsonNode config = new ObjectMapper().readTree(dir.resolve(SuiteRunner.SUITE_CONFIG).toFile());
    assertEquals("[3]", config.get("maxPaths").toString());
    assertEquals(
        "[{\"space\":\"s4\",\"method\":\"spos\",\"bnStrategy\":\"vanilla\",\"maxPaths\":3,"
            + "\"calibration\":\"exact\"},{\"space\":\"s4\",\"method\":\"mixpath\","
            + "\"bnStrategy\":\"simple_scaling\",\"maxPaths\":3,\"calibration\":\"exact\"}]",
        config.get(SuiteRunner.SETTINGS).toString());
    assertEquals(two, PinnedSuite.read(dir).study());
    assertEquals(p, SuitePlan.read(dir));
    // the MixPath study of the same m is another configuration (the list is hashed)
    assertNotEquals(
        SuiteRunner.configurationSha256(s),
        SuiteRunner.configurationSha256(settings(dir, List.of(3), List.of(5L), null)));
    // and the MixPath study is recorded without the list, as before the field existed
    Path other = dir.resolve("mixpath");
    SuitePlan.pin(settings(other, List.of(3), List.of(5L), null));
    assertFalse(
        new ObjectMapper()
            .readTree(other.resolve(SuiteRunner.SUITE_CONFIG).toFile())
            .has(SuiteRunner.SETTINGS));
  }

  @Test
  void moreSeedsAppendOtherChangesAreRefusedBeforeAnythingIsWritten(@TempDir Path dir)
      throws Exception {
    SuitePlan.pin(settings(dir, List.of(4), List.of(5L), null));
    assertEquals(
        12, SuitePlan.pin(settings(dir, List.of(4), List.of(5L, 6L), null)).units().size());
    byte[] before = Files.readAllBytes(dir.resolve(SuiteRunner.SUITE_CONFIG));
    IllegalArgumentException renumber =
        assertThrows(
            IllegalArgumentException.class,
            () -> SuitePlan.pin(settings(dir, List.of(2, 4), List.of(5L, 6L), null)));
    assertTrue(renumber.getMessage().contains("renumber"), renumber.getMessage());
    SuiteProfile other = MICRO.withEpochs(2);
    IllegalArgumentException profile =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                SuitePlan.pin(
                    new SuiteRunner.Settings(
                        other,
                        Study.mixpath(List.of(4)),
                        List.of(5L),
                        DataRoot.of(dir),
                        DeviceOption.CPU,
                        null,
                        dir,
                        false)));
    assertTrue(profile.getMessage().contains("another profile"), profile.getMessage());
    assertEquals(
        new String(before, StandardCharsets.UTF_8),
        Files.readString(dir.resolve(SuiteRunner.SUITE_CONFIG)));
  }

  @Test
  void anotherGroundTruthIsAcceptedUntilTheFolderIsRankedThenRefused(@TempDir Path dir)
      throws Exception {
    Path a = Files.writeString(dir.resolve("a.csv"), "module_hash,repeat,validation_accuracy\n");
    Path b = Files.writeString(dir.resolve("b.csv"), "module_hash,repeat,validation_accuracy\n");
    Path out = dir.resolve("run");
    SuitePlan.pin(settings(out, List.of(4), List.of(5L), a));
    assertEquals(
        b.toString(), SuitePlan.pin(settings(out, List.of(4), List.of(5L), b)).groundTruth());
    Files.writeString(out.resolve("ranking.csv"), "ranked against b\n");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SuitePlan.pin(settings(out, List.of(4), List.of(5L), a)));
    assertTrue(e.getMessage().contains("ranking and report are left as they are"), e.getMessage());
    assertTrue(e.getMessage().contains("harness report --run"), e.getMessage());
    assertEquals("ranked against b\n", Files.readString(out.resolve("ranking.csv")));
    assertEquals(b.toString(), SuitePlan.read(out).groundTruth());
    // the same file named another way is the same ground truth
    SuitePlan.pin(settings(out, List.of(4), List.of(5L), dir.resolve("run/../b.csv")));
  }

  @Test
  void mergeOfAnIncompleteRunListsTheUnitsExitsOneAndWritesNothing(@TempDir Path dir)
      throws Exception {
    SuiteRunner.Settings s = settings(dir, List.of(4), List.of(5L), null);
    SuitePlan plan = SuitePlan.pin(s);
    Path failedDir = SuiteRunner.unitDir(dir, plan.unit(2));
    Files.createDirectories(failedDir);
    Files.writeString(
        failedDir.resolve(UnitRunner.FAILED), "{\"error\":\"loss is NaN at epoch 3\"}");
    Files.createDirectories(SuiteRunner.unitDir(dir, plan.unit(3)));
    List<Path> before = listing(dir);

    SuiteMerger.Result r = new SuiteMerger(sink()).merge(s, null, 0);
    assertFalse(r.merged());
    assertEquals(6, r.notDone().size());
    assertEquals(UnitState.Status.FAILED, r.notDone().get(2).status());
    assertEquals("loss is NaN at epoch 3", r.notDone().get(2).detail());
    assertEquals(UnitState.Status.INTERRUPTED, r.notDone().get(3).status());
    assertEquals(UnitState.Status.MISSING, r.notDone().get(0).status());

    try (WorkLock held =
        WorkLock.tryAcquire(SuiteRunner.unitDir(dir, plan.unit(4)).resolve(UnitRunner.LOCK))
            .orElseThrow()) {
      assertEquals(UnitState.Status.RUNNING, UnitState.of(dir, 4, plan.unit(4)).status());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      PrintStream old = System.out;
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      int code;
      try {
        code = Main.run("suite", "merge", "--out", dir.toString(), "--device", "cpu");
      } finally {
        System.setOut(old);
      }
      String text = out.toString(StandardCharsets.UTF_8);
      assertEquals(Main.FAILURE, code, text);
      assertTrue(text.contains("6 unit(s) not done"), text);
      assertTrue(
          text.contains("2 mixpath-linear_sbn-m4-s5") && text.contains("failed: loss is NaN"),
          text);
      assertTrue(text.contains("running: this process"), text);
      assertTrue(text.contains("0 mixpath-none-m4-s5") && text.contains("missing"), text);
    }
    List<Path> after = listing(dir);
    after.removeIf(p -> p.endsWith(UnitRunner.LOCK) && p.getParent().endsWith(plan.unit(4).id()));
    after.removeIf(p -> p.equals(SuiteRunner.unitDir(dir, plan.unit(4))));
    after.removeIf(p -> p.equals(dir.resolve("units")) && !before.contains(p));
    assertEquals(before, after, "merge of an incomplete run writes nothing");
  }

  @Test
  void planCommandPrintsTheUnitsAndUnitCommandRefusesABadIndex(@TempDir Path dir) {
    assertEquals(
        Main.OK,
        Main.run("suite", "plan", "--profile", "ci", "--out", dir.toString(), "--seeds", "2"));
    assertTrue(Files.isRegularFile(dir.resolve(SuitePlan.UNITS_TXT)));
    assertEquals(Main.USAGE, Main.run("suite", "unit", "--out", dir.toString(), "--index", "12"));
    assertEquals(
        Main.USAGE,
        Main.run("suite", "unit", "--out", dir.resolve("none").toString(), "--index", "0"));
    assertEquals(Main.USAGE, Main.run("suite", "merge", "--out", dir.resolve("none").toString()));
    assertEquals(
        Main.FAILURE, Main.run("suite", "plan", "--profile", "mini", "--out", dir.toString()));
    assertEquals(Main.FAILURE, Main.run("suite", "status", "--out", dir.toString()));
  }

  private static List<Path> listing(Path dir) throws Exception {
    try (Stream<Path> s = Files.walk(dir)) {
      return new java.util.ArrayList<>(s.sorted().toList());
    }
  }

  private static PrintStream sink() {
    return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
  }

  /**
   * suite-config.json as the tool wrote it before the configuration records (a flat profile,
   * optimizer beside).
   */
  static final String FLAT_MINI_PLAN =
      "{\"profile\": {\"name\": \"mini\", \"split\": \"mini\", \"stemChannels\": 16, "
          + "\"stacks\": 3, \"cellsPerStack\": 1, \"epochs\": 20, \"batchSize\": 64, \"lr\": 0.025, "
          + "\"maxStepsPerEpoch\": 0, \"evalBatchSize\": 256, \"calibrationBatches\": 1, \"maxEvalBatches\": 2, "
          + "\"maxChoices\": 0}, \"maxPaths\": [4], \"seeds\": [2020, 2021], \"sposBnStrategy\": \"vanilla\", "
          + "\"sampler\": \"corrected\", \"optimizer\": {\"momentum\": 0.9, \"weightDecay\": 0.0003, \"clip\": 5.0, "
          + "\"lrMin\": 1e-08}, \"calibration\": \"exact\", \"groundTruthFile\": \"embedded\"}";

  @Test
  void aFolderPlannedBeforeTheConfigurationRecordsReadsAsTheSameProfileAndResumes(@TempDir Path dir)
      throws Exception {
    Files.writeString(dir.resolve(SuiteRunner.SUITE_CONFIG), FLAT_MINI_PLAN);
    assertEquals(SuiteProfile.mini(), SuitePlan.read(dir).profile());
    assertEquals(SuiteProfile.mini(), PinnedSuite.read(dir).profile());
    // the same profile and seeds plan again (nothing refused) and the file is rewritten in the
    // record form
    assertEquals(Main.OK, Main.run("suite", "plan", "--seeds", "2", "--out", dir.toString()));
    com.fasterxml.jackson.databind.JsonNode now =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(dir.resolve(SuiteRunner.SUITE_CONFIG).toFile());
    assertEquals(16, now.at("/profile/network/stemChannels").asInt(), now.toString());
    assertEquals(5.0, now.at("/profile/optimizer/clipNorm").asDouble(), now.toString());
    assertTrue(
        now.path("profile").path("stemChannels").isMissingNode()
            && now.path("optimizer").isMissingNode(),
        now.toString());
    assertEquals(SuiteProfile.mini(), SuitePlan.read(dir).profile());
    // a damaged flat profile names the file and the field
    Files.writeString(
        dir.resolve(SuiteRunner.SUITE_CONFIG), FLAT_MINI_PLAN.replace("\"epochs\": 20, ", ""));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SuitePlan.read(dir));
    assertTrue(
        e.getMessage()
            .contains(
                SuiteRunner.SUITE_CONFIG
                    + " field 'profile': not a suite profile: field "
                    + "'epochs' is missing"),
        e.getMessage());
  }
}
