package dev.nasrank.harness.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nasrank.datasets.DataRoot;
import dev.nasrank.harness.config.DataSplit;
import dev.nasrank.harness.config.EvalBudget;
import dev.nasrank.harness.config.NetworkShape;
import dev.nasrank.harness.config.Optimizer;
import dev.nasrank.harness.report.InMemoryGroundTruth;
import dev.nasrank.harness.report.diagnostics.DiagnosticsFile;
import dev.nasrank.harness.setting.Study;
import dev.nasrank.harness.space.S4Space;
import dev.nasrank.harness.train.Checkpoint;
import dev.nasrank.harness.train.DeviceOption;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The suite end to end at a microscopic profile on synthetic data: files, ranking shape, resume,
 * redo.
 */
class SuiteRunnerTest {

  /**
   * C = 4, one cell, one step per epoch, one calibration and one validation batch, the first 12
   * choices.
   */
  private static final SuiteProfile MICRO =
      new SuiteProfile(
          "micro",
          DataSplit.SYNTHETIC,
          NetworkShape.cifar10(4, 1, 1),
          1,
          8,
          1,
          Optimizer.MIXPATH_REFERENCE,
          new EvalBudget(8, 1, 1, 12));

  private static SuiteRunner.Settings settings(Path out, int seeds) {
    List<Long> s = seeds == 1 ? List.of(7L) : List.of(7L, 8L);
    return new SuiteRunner.Settings(
        MICRO, Study.mixpath(List.of(4)), s, DataRoot.of(out), DeviceOption.CPU, null, out, false);
  }

  /**
   * Ground truth over all 34 S4 architectures with two repeats, values independent of the
   * supernets.
   */
  private static GroundTruthChoice groundTruth() {
    Map<String, double[]> v = new TreeMap<>();
    int i = 0;
    for (String h : S4Space.uniqueArchitectures(4).keySet()) {
      v.put(h, new double[] {0.40 + 0.01 * i, 0.405 + 0.01 * i});
      i++;
    }
    return GroundTruthChoice.of(InMemoryGroundTruth.of("test ground truth", 12, v), null);
  }

  private static SuiteRunner runner() {
    PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    return new SuiteRunner(sink, sink);
  }

  @Test
  void writesEveryFileRanksTwelveSettingsAndResumes(@TempDir Path dir) throws Exception {
    SuiteRunner.Outcome first = runner().run(settings(dir, 1), groundTruth());
    assertEquals(6, first.units().size());
    assertEquals(6, first.trainedOrEvaluated());
    assertEquals(34, first.groundTruth().covered());
    assertNotNull(first.report());
    for (String f :
        List.of(
            "run.json",
            "report.md",
            "report.html",
            "candidates.csv",
            "ranking.csv",
            "diagnostics.json")) {
      assertTrue(Files.isRegularFile(dir.resolve(f)), f);
    }
    List<String> ranking = Files.readAllLines(dir.resolve("ranking.csv"));
    assertEquals(
        "method,bn_strategy,calibrated,seed,n,kendall_tau,kendall_tau_low,kendall_tau_high,spearman,"
            + "noise_ceiling",
        ranking.get(0));
    assertEquals(12, ranking.size() - 1);
    long expectedN =
        S4Space.choices(4).subList(0, 12).stream()
            .map(c -> S4Space.toSpec(c).hash())
            .distinct()
            .count();
    for (String row : ranking.subList(1, ranking.size())) {
      assertEquals(String.valueOf(expectedN), row.split(",")[4], row);
    }
    assertTrue(ranking.stream().anyMatch(r -> r.startsWith("spos,vanilla,true,7,")));
    assertTrue(ranking.stream().anyMatch(r -> r.startsWith("mixpath,exponential_sbn,false,7,")));
    List<String> candidates = Files.readAllLines(dir.resolve("candidates.csv"));
    assertTrue(candidates.get(0).endsWith(",max_paths,space"), candidates.get(0));
    assertTrue(candidates.stream().skip(1).allMatch(l -> l.endsWith(",4,s4")), candidates.get(1));
    assertEquals(6 * 2 * 12, candidates.size() - 1);
    DiagnosticsFile diag = DiagnosticsFile.read(dir.resolve("diagnostics.json"));
    assertEquals(6 * 2, diag.features().size());
    // linear (4 BNs, k = 1..4) and exponential (15 subsets) SBN layers, one cell each
    assertEquals(2, diag.sbn().size());
    assertEquals(
        List.of(1, 2, 3, 4),
        diag.sbn().stream()
            .filter(l -> l.layer().contains("linear_sbn"))
            .findFirst()
            .orElseThrow()
            .bns()
            .stream()
            .map(b -> b.activePaths())
            .collect(Collectors.toList()));
    assertEquals(
        15,
        diag.sbn().stream()
            .filter(l -> l.layer().contains("exponential_sbn"))
            .findFirst()
            .orElseThrow()
            .bns()
            .size());

    // run.json: the profile as its records (optimizer, evaluation budget), the hash without seeds
    // and ground truth
    JsonNode manifest = new ObjectMapper().readTree(dir.resolve("run.json").toFile());
    assertEquals(0.025, manifest.at("/configuration/profile/optimizer/lr").asDouble(), 0);
    assertEquals(5.0, manifest.at("/configuration/profile/optimizer/clipNorm").asDouble(), 0);
    assertEquals(12, manifest.at("/configuration/profile/eval/maxChoices").asInt());
    assertEquals("synthetic", manifest.at("/configuration/profile/split").asText());
    String sha = manifest.get("configurationSha256").asText();
    assertEquals(SuiteRunner.configurationSha256(settings(dir, 1)), sha);
    assertEquals(sha, SuiteRunner.configurationSha256(settings(dir, 3)));
    SuiteRunner.Settings longer = settings(dir, 1);
    longer =
        new SuiteRunner.Settings(
            longer.profile().withEpochs(2),
            longer.study(),
            longer.seeds(),
            longer.dataRoot(),
            longer.device(),
            longer.groundTruthFile(),
            longer.out(),
            longer.progress());
    assertNotEquals(sha, SuiteRunner.configurationSha256(longer));
    // the code that trained the units, once (every unit ran here): the merge's own code version
    assertEquals(1, manifest.get("unitCode").size(), manifest.toString());
    assertEquals(
        dev.nasrank.harness.train.TrainProvenance.current().code().get(0),
        manifest.get("unitCode").get(0).asText());
    assertEquals(
        manifest.at("/git/commit").asText()
            + (manifest.at("/git/dirty").asBoolean() ? "-dirty" : ""),
        manifest.get("unitCode").get(0).asText());

    // the run's compute: every unit's done.json times, summed
    double train = 0;
    double evaluate = 0;
    for (SuiteUnit u : first.units()) {
      JsonNode done =
          new ObjectMapper()
              .readTree(SuiteRunner.unitDir(dir, u).resolve(SuiteRunner.DONE).toFile());
      assertTrue(done.path("trainSeconds").asDouble() > 0, done.toString());
      train += done.path("trainSeconds").asDouble();
      evaluate += done.path("evaluateSeconds").asDouble();
    }
    JsonNode timings = manifest.get("timingsSeconds");
    assertEquals(train, timings.get(SuiteMerger.TOTAL_TRAIN).asDouble(), 1e-9);
    assertEquals(evaluate, timings.get(SuiteMerger.TOTAL_EVALUATE).asDouble(), 1e-9);
    assertEquals(train + evaluate, timings.get(SuiteMerger.TOTAL_UNITS).asDouble(), 1e-9);

    SuiteUnit lsbn = first.units().get(2);
    Path ckpt = SuiteRunner.unitDir(dir, lsbn).resolve(Checkpoint.FILE_NAME);
    Files.setLastModifiedTime(ckpt, FileTime.fromMillis(1_000_000_000_000L));

    SuiteRunner.Outcome second = runner().run(settings(dir, 1), groundTruth());
    assertEquals(0, second.trainedOrEvaluated());
    assertEquals(6, second.skipped());
    assertEquals(1_000_000_000_000L, Files.getLastModifiedTime(ckpt).toMillis());

    // an interrupted unit (no done marker) is evaluated again; its complete checkpoint is not
    // retrained
    Files.delete(SuiteRunner.unitDir(dir, lsbn).resolve(SuiteRunner.DONE));
    Files.delete(SuiteRunner.unitDir(dir, lsbn).resolve("candidates.csv"));
    SuiteRunner.Outcome third = runner().run(settings(dir, 1), groundTruth());
    assertEquals(1, third.trainedOrEvaluated());
    assertEquals(5, third.skipped());
    assertTrue(Files.isRegularFile(SuiteRunner.unitDir(dir, lsbn).resolve(SuiteRunner.DONE)));
    assertEquals(1_000_000_000_000L, Files.getLastModifiedTime(ckpt).toMillis());
    assertEquals(candidates, Files.readAllLines(dir.resolve("candidates.csv")));
  }

  @Test
  void withoutGroundTruthStillWritesCandidatesButNoRanking(@TempDir Path dir) throws Exception {
    GroundTruthChoice none =
        GroundTruthChoice.of(
            InMemoryGroundTruth.of(
                "empty", 12, Map.of("00000000000000000000000000000000", new double[] {0.5})),
            null);
    SuiteProfile one =
        new SuiteProfile(
            "micro",
            DataSplit.SYNTHETIC,
            NetworkShape.cifar10(4, 1, 1),
            1,
            8,
            1,
            Optimizer.MIXPATH_REFERENCE,
            new EvalBudget(8, 1, 1, 3));
    SuiteRunner.Outcome r =
        runner()
            .run(
                new SuiteRunner.Settings(
                    one,
                    Study.mixpath(List.of(4)),
                    List.of(7L),
                    DataRoot.of(dir),
                    DeviceOption.CPU,
                    null,
                    dir,
                    false),
                none);
    assertNull(r.report());
    assertEquals(0, r.groundTruth().covered());
    assertTrue(Files.isRegularFile(dir.resolve("candidates.csv")));
    assertTrue(Files.isRegularFile(dir.resolve("run.json")));
    assertTrue(!Files.exists(dir.resolve("ranking.csv")));
  }

  @Test
  void unitsOfTheMainAndSmallerM() {
    SuiteRunner.Settings s =
        new SuiteRunner.Settings(
            MICRO,
            Study.mixpath(List.of(4, 2)),
            List.of(1L, 2L),
            DataRoot.of(Path.of(".")),
            DeviceOption.CPU,
            null,
            Path.of("x"),
            false);
    List<String> ids = SuiteRunner.unitsFor(s).stream().map(SuiteUnit::id).toList();
    assertEquals(14, ids.size());
    assertEquals("mixpath-linear_sbn-m2-s1", ids.get(0));
    assertEquals("mixpath-none-m4-s1", ids.get(1));
    assertEquals("spos-vanilla-m4-s2", ids.get(13));
  }

  @Test
  void usageErrorsExitTwo(@TempDir Path dir) {
    assertEquals(
        dev.nasrank.harness.cli.Main.USAGE,
        dev.nasrank.harness.cli.Main.run("suite", "--profile", "huge", "--out", dir.toString()));
    assertEquals(
        dev.nasrank.harness.cli.Main.USAGE,
        dev.nasrank.harness.cli.Main.run("suite", "--seeds", "0", "--out", dir.toString()));
    assertEquals(dev.nasrank.harness.cli.Main.USAGE, dev.nasrank.harness.cli.Main.run("suite"));
  }

  @Test
  void profiles() {
    assertEquals(128, SuiteProfile.paper().network().stemChannels());
    assertEquals(200, SuiteProfile.paper().epochs());
    assertEquals(DataSplit.REFERENCE, SuiteProfile.paper().split());
    assertEquals("mini", SuiteProfile.of("MINI").name());
    assertThrows(IllegalArgumentException.class, () -> SuiteProfile.of("huge"));
    assertEquals(5, SuiteProfile.ci().withEpochs(5).epochs());
    assertEquals(3, DiagnosticsExtractor.activePaths("sbn3"));
    assertEquals(2, DiagnosticsExtractor.activePaths("sbnn1n4"));
  }
}
