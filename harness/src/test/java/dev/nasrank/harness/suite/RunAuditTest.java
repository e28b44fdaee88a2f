package dev.nasrank.harness.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nasrank.datasets.DataRoot;
import dev.nasrank.harness.cli.Main;
import dev.nasrank.harness.config.DataSplit;
import dev.nasrank.harness.config.EvalBudget;
import dev.nasrank.harness.config.NetworkShape;
import dev.nasrank.harness.config.Optimizer;
import dev.nasrank.harness.manifest.Environment;
import dev.nasrank.harness.report.InMemoryGroundTruth;
import dev.nasrank.harness.setting.Study;
import dev.nasrank.harness.space.S4Space;
import dev.nasrank.harness.train.Checkpoint;
import dev.nasrank.harness.train.DeviceOption;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code audit} on copies of one finished micro run: untouched, a checkpoint altered, a step's loss
 * altered.
 */
class RunAuditTest {

  /**
   * C = 4, one cell, 2 epochs of 2 steps, one calibration and one validation batch, the first 6
   * choices.
   */
  private static final SuiteProfile MICRO2 =
      new SuiteProfile(
          "micro2",
          DataSplit.SYNTHETIC,
          NetworkShape.cifar10(4, 1, 1),
          2,
          8,
          2,
          Optimizer.MIXPATH_REFERENCE,
          new EvalBudget(8, 1, 1, 6));

  private static final PrintStream SINK =
      new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

  @TempDir static Path shared;
  private static Path finished;

  @BeforeAll
  static void runTheSuiteOnce() throws IOException {
    finished = shared.resolve("run");
    new SuiteRunner(SINK, SINK)
        .run(
            new SuiteRunner.Settings(
                MICRO2,
                Study.mixpath(List.of(4)),
                List.of(5L),
                DataRoot.of(shared),
                DeviceOption.CPU,
                null,
                finished,
                false),
            groundTruth());
  }

  private static GroundTruthChoice groundTruth() {
    Map<String, double[]> v = new TreeMap<>();
    int i = 0;
    for (String h : S4Space.uniqueArchitectures(4).keySet()) {
      v.put(h, new double[] {0.40 + 0.01 * i, 0.41 + 0.005 * i});
      i++;
    }
    return GroundTruthChoice.of(InMemoryGroundTruth.of("test ground truth", 12, v), null);
  }

  private static Path copy(Path target) throws IOException {
    try (Stream<Path> s = Files.walk(finished)) {
      for (Path p : s.sorted(Comparator.naturalOrder()).toList()) {
        Path t = target.resolve(finished.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
    return target;
  }

  private static RunAudit.Result audit(Path run, List<String> units, Integer epochs)
      throws IOException {
    return new RunAudit(SINK)
        .audit(
            new RunAudit.Options(
                run,
                run.resolve("audit"),
                units,
                0,
                epochs,
                DataRoot.of(shared),
                DeviceOption.CPU));
  }

  @Test
  void anUntouchedCopyMatchesAndTheCommandExitsZero(@TempDir Path dir) throws IOException {
    Path run = copy(dir.resolve("copy"));
    RunAudit.Result r = audit(run, List.of(), null);
    assertEquals(6, r.units().size());
    assertTrue(r.allMatch(), r.toString());
    assertEquals(List.of(), r.platformNotes(), "same machine, same settings");
    // the run's units were trained here by this code: run.json names its version once, and no
    // unit gets a note
    assertEquals(
        dev.nasrank.harness.train.TrainProvenance.current().code(), r.unitCode(), r.toString());
    assertTrue(r.units().stream().allMatch(u -> u.notes().isEmpty()), r.toString());
    assertEquals(
        Main.OK,
        Main.run(
            "audit",
            "--run",
            run.toString(),
            "--units",
            "2",
            "--device",
            "cpu",
            "--data-root",
            shared.toString()));
  }

  @Test
  void anAlteredCheckpointIsNamedAndTheCommandExitsOne(@TempDir Path dir) throws IOException {
    Path run = copy(dir.resolve("copy"));
    String bad = "mixpath-linear_sbn-m4-s5";
    Path ckpt = run.resolve("units").resolve(bad).resolve(Checkpoint.FILE_NAME);
    byte[] bytes = Files.readAllBytes(ckpt);
    bytes[bytes.length / 2] ^= 0x01;
    Files.write(ckpt, bytes);
    RunAudit.Result r = audit(run, List.of("mixpath-vanilla-m4-s5", bad), null);
    assertFalse(r.allMatch());
    assertTrue(r.units().get(0).matches(), r.units().get(0).toString());
    RunAudit.UnitVerdict v = r.units().get(1);
    assertEquals(bad, v.unit());
    assertEquals(1, v.differences().size(), v.toString());
    assertTrue(v.differences().get(0).startsWith("checkpoint differs"), v.differences().get(0));
    assertTrue(v.differences().get(0).contains("CRC"), v.differences().get(0));
    assertEquals(
        Main.FAILURE,
        Main.run(
            "audit",
            "--run",
            run.toString(),
            "--unit",
            bad,
            "--device",
            "cpu",
            "--data-root",
            shared.toString()));
  }

  @Test
  void aChangedStepLossNamesTheEpochAndStepAndTheDifference(@TempDir Path dir) throws IOException {
    Path run = copy(dir.resolve("copy"));
    String unit = "spos-vanilla-m4-s5";
    Path train = run.resolve("units").resolve(unit).resolve("train.json");
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = (ObjectNode) json.readTree(train.toFile());
    ArrayNode losses = (ArrayNode) root.path("epochs").get(1).path("stepLosses");
    float was = (float) losses.get(1).asDouble();
    losses.set(1, json.getNodeFactory().numberNode(was + 0.25f));
    Files.write(train, json.writeValueAsBytes(root));
    // Only the first epoch audited: it still matches.
    assertTrue(audit(run, List.of(unit), 1).allMatch());
    RunAudit.UnitVerdict v = audit(run, List.of(unit), 2).units().get(0);
    assertEquals(1, v.differences().size(), v.toString());
    String d = v.differences().get(0);
    assertTrue(d.startsWith("training diverges in epoch 2, step 2 of 2: loss " + (was + 0.25f)), d);
    assertTrue(d.contains("|difference| 0.250"), d);
  }

  private static Environment environment(ObjectNode env) throws IOException {
    return new ObjectMapper().treeToValue(env, Environment.class);
  }

  @Test
  void anotherProcessorOrThreadSettingIsNamed() throws IOException {
    ObjectNode env =
        (ObjectNode)
            new ObjectMapper().readTree(finished.resolve("run.json").toFile()).path("environment");
    assertEquals(List.of(), RunAudit.platformNotes(environment(env)));
    env.put("cpuModel", "AMD EPYC 7B13");
    env.putArray("cpuIsa").add("avx").add("avx2").add("fma");
    ((ObjectNode) env.path("threadSettings")).put("ai.djl.pytorch.num_threads", "7");
    List<String> notes = RunAudit.platformNotes(environment(env));
    assertTrue(
        RunAudit.platformNotes(null).get(0).startsWith("processor: run not recorded, here "),
        "a run.json without an environment");
    assertEquals(3, notes.size(), notes.toString());
    assertTrue(notes.get(0).startsWith("processor: run AMD EPYC 7B13, here "), notes.get(0));
    assertTrue(notes.get(1).startsWith("instruction sets: run avx avx2 fma, here "), notes.get(1));
    assertTrue(notes.get(2).startsWith("ai.djl.pytorch.num_threads: run 7, here "), notes.get(2));
  }

  @Test
  void badRequestsAreRefusedByName(@TempDir Path dir) throws IOException {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> audit(finished, List.of("mixpath-nosuch-m4-s5"), null));
    assertTrue(
        e.getMessage().contains("mixpath-nosuch-m4-s5")
            && e.getMessage().contains("spos-vanilla-m4-s5"),
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> audit(finished, List.of(), 3));
    IOException notARun = assertThrows(IOException.class, () -> audit(dir, List.of(), null));
    assertTrue(notARun.getMessage().contains("suite-config.json"), notARun.getMessage());
  }
}
