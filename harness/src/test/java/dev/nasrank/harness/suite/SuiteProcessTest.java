package dev.nasrank.harness.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nasrank.datasets.DataRoot;
import dev.nasrank.harness.cli.Main;
import dev.nasrank.harness.config.DataSplit;
import dev.nasrank.harness.config.EvalBudget;
import dev.nasrank.harness.config.NetworkShape;
import dev.nasrank.harness.config.Optimizer;
import dev.nasrank.harness.exec.JvmLauncher;
import dev.nasrank.harness.exec.TempFiles;
import dev.nasrank.harness.exec.WorkLock;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The suite across processes, at a microscopic profile on synthetic data, every run in a child JVM
 * with one torch thread: kill -9 during training, evaluation and the report, then a rerun, gives
 * the files of an uninterrupted run byte for byte with no temporary file left; a unit killed
 * mid-training resumes to the same unit files; two workers give the same outputs as one process; a
 * locked unit is left alone (exit 3); the Slurm task script runs a unit without Slurm.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SuiteProcessTest {

  /**
   * 3 epochs of 12 steps (time to be killed in), the first 40 choices evaluated. Runs are killed
   * right after the trainer prints "epoch 2/3" (the epoch-1 checkpoint is on disk, epoch 2's may be
   * being written), the evaluator prints "evaluating" and the merge prints "report:".
   */
  static final SuiteProfile PROFILE =
      new SuiteProfile(
          "micro-kill",
          DataSplit.SYNTHETIC,
          NetworkShape.cifar10(4, 1, 1),
          3,
          8,
          12,
          Optimizer.MIXPATH_REFERENCE,
          new EvalBudget(8, 1, 1, 40));

  static final Duration LONG = Duration.ofMinutes(5);

  Path dir;
  Path profile;
  Path gt;
  Path ref;

  @BeforeAll
  void uninterruptedReference(@TempDir Path classDir) throws Exception {
    dir = classDir;
    profile = dir.resolve("micro-kill.json");
    PROFILE.write(profile);
    StringBuilder csv = new StringBuilder("module_hash,repeat,validation_accuracy\n");
    int i = 0;
    for (String h : S4Space.uniqueArchitectures(4).keySet()) {
      csv.append(h).append(",0,").append(0.40 + 0.01 * i).append('\n');
      csv.append(h).append(",1,").append(0.405 + 0.01 * ((i * 7) % 34)).append('\n');
      i++;
    }
    gt = Files.writeString(dir.resolve("gt.csv"), csv);
    ref = dir.resolve("ref");
    try (Child c = Child.start(suite(ref))) {
      assertEquals(0, c.waitFor(LONG), c.output());
    }
  }

  private List<String> suite(Path out, String... more) {
    List<String> a =
        new ArrayList<>(
            List.of(
                "suite",
                "--profile",
                profile.toString(),
                "--out",
                out.toString(),
                "--groundtruth",
                gt.toString(),
                "--data-root",
                dir.toString(),
                "--device",
                "cpu",
                "--no-progress"));
    a.addAll(List.of(more));
    return a;
  }

  private List<String> unit(Path out, int index) {
    return List.of(
        "suite",
        "unit",
        "--out",
        out.toString(),
        "--index",
        String.valueOf(index),
        "--data-root",
        dir.toString(),
        "--device",
        "cpu",
        "--no-progress");
  }

  @Test
  void killedDuringTrainingEvaluationAndReportThenRerunGivesTheSameFilesAndNoTempFiles()
      throws Exception {
    Path k = dir.resolve("killed");
    SuitePlan plan =
        SuitePlan.of(
            new SuiteRunner.Settings(
                PROFILE,
                Study.mixpath(List.of(4)),
                List.of(2020L),
                DataRoot.of(dir),
                DeviceOption.CPU,
                gt,
                k,
                false));
    Path u0 = SuiteRunner.unitDir(k, plan.unit(0));
    try (Child c = Child.start(suite(k))) {
      assertTrue(c.awaitLine(l -> l.contains("epoch 2/3"), LONG), c.output());
      assertEquals(137, c.kill9());
    }
    assertFalse(UnitRunner.isDone(u0));
    int epochs = Checkpoint.readHeader(u0.resolve(Checkpoint.FILE_NAME)).epochsCompleted();
    assertTrue(
        epochs >= 1 && epochs < 3, "killed during training, checkpoint after epoch " + epochs);
    Path leftover = Files.writeString(u0.resolve(".checkpoint.bin.999.tmp"), "half a checkpoint");

    try (Child c = Child.start(suite(k))) {
      assertTrue(c.awaitLine(l -> l.contains("evaluating "), LONG), c.output());
      assertEquals(137, c.kill9());
      assertTrue(c.output().contains("resuming"), c.output());
    }
    assertFalse(Files.exists(leftover), "the rerun removed the temporary file of a killed write");
    assertFalse(UnitRunner.isDone(u0));
    assertEquals(3, Checkpoint.readHeader(u0.resolve(Checkpoint.FILE_NAME)).epochsCompleted());

    try (Child c = Child.start(suite(k))) {
      assertTrue(c.awaitLine(l -> l.startsWith("report: ranking"), LONG), c.output());
      assertEquals(137, c.kill9());
      assertTrue(
          c.output().contains("training complete earlier (3/3 epochs), not retrained"), c.output());
    }
    for (SuiteUnit u : plan.units()) {
      assertTrue(UnitRunner.isDone(SuiteRunner.unitDir(k, u)), u.id());
    }
    assertFalse(Files.exists(k.resolve("report.html")), "killed during the report");
    Files.createDirectories(k.resolve("plots"));
    Files.writeString(k.resolve(".ranking.csv.999.tmp"), "half");
    Files.writeString(k.resolve("plots/.scatter.png.999.tmp"), "half");

    try (Child c = Child.start(suite(k))) {
      assertEquals(0, c.waitFor(LONG), c.output());
    }
    assertEquals(List.of(), tempFiles(k));
    assertSameOutputs(ref, k);

    // done.json's training time counts every invocation: the epochs of the killed run and of the
    // rerun
    ObjectMapper json = new ObjectMapper();
    JsonNode epochsRun = json.readTree(u0.resolve("train.json").toFile()).path("epochs");
    assertEquals(3, epochsRun.size());
    double sum = 0;
    for (JsonNode e : epochsRun) {
      assertTrue(e.path("seconds").asDouble() > 0, e.toString());
      sum += e.path("seconds").asDouble();
    }
    assertEquals(
        sum,
        json.readTree(u0.resolve(UnitRunner.DONE).toFile()).path("trainSeconds").asDouble(),
        1e-9);
  }

  @Test
  void unitKilledMidTrainingResumesToTheSameUnitFilesAndALockedUnitIsLeftAlone() throws Exception {
    Path u = dir.resolve("units-run");
    assertEquals(
        Main.OK,
        Main.run(
            "suite",
            "plan",
            "--profile",
            profile.toString(),
            "--out",
            u.toString(),
            "--groundtruth",
            gt.toString()));
    SuitePlan plan = SuitePlan.read(u);
    Path d1 = SuiteRunner.unitDir(u, plan.unit(1));
    try (Child c = Child.start(unit(u, 1))) {
      assertTrue(c.awaitLine(l -> l.contains("epoch 2/3"), LONG), c.output());
      assertEquals(137, c.kill9());
    }
    assertFalse(UnitRunner.isDone(d1));
    assertTrue(Checkpoint.readHeader(d1.resolve(Checkpoint.FILE_NAME)).epochsCompleted() < 3);
    try (Child c = Child.start(unit(u, 1))) {
      assertEquals(0, c.waitFor(LONG), c.output());
      assertTrue(c.output().contains("resuming"), c.output());
    }
    assertSameUnitFiles(SuiteRunner.unitDir(ref, plan.unit(1)), d1);
    try (Child c = Child.start(unit(u, 1))) {
      assertEquals(0, c.waitFor(LONG), c.output());
      assertTrue(c.output().contains("finished earlier"), c.output());
    }

    Path d2 = SuiteRunner.unitDir(u, plan.unit(2));
    try (WorkLock held = WorkLock.tryAcquire(d2.resolve(UnitRunner.LOCK)).orElseThrow();
        Child c = Child.start(unit(u, 2))) {
      assertEquals(WorkerPool.EXIT_BUSY, c.waitFor(LONG), c.output());
      assertTrue(c.output().contains("pid " + ProcessHandle.current().pid()), c.output());
    }
    assertFalse(Files.exists(d2.resolve(Checkpoint.FILE_NAME)));
  }

  @Test
  void twoWorkersGiveTheOutputsOfOneProcess() throws Exception {
    Path w = dir.resolve("workers");
    SuiteRunner.Settings s =
        new SuiteRunner.Settings(
            PROFILE,
            Study.mixpath(List.of(4)),
            List.of(2020L),
            DataRoot.of(dir),
            DeviceOption.CPU,
            gt,
            w,
            false);
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(log, true, StandardCharsets.UTF_8);
    SuiteRunner.Outcome o =
        new SuiteRunner(err, err)
            .run(
                s,
                GroundTruthChoice.open(gt),
                new WorkerPool(2, JvmLauncher.forWorkers(1, List.of()), err));
    String text = log.toString(StandardCharsets.UTF_8);
    assertEquals(List.of(), o.notDone(), text);
    assertEquals(6, o.trainedOrEvaluated(), text);
    assertNotNull(o.report(), text);
    assertTrue(text.contains("started in worker pid"), text);
    assertTrue(Files.isRegularFile(w.resolve("logs/unit-5-spos-vanilla-m4-s2020.log")));
    assertSameOutputs(ref, w);
  }

  @Test
  void slurmTaskScriptRunsAUnitWithoutSlurm() throws Exception {
    Path s = dir.resolve("slurm-run");
    assertEquals(
        Main.OK,
        Main.run(
            "suite",
            "slurm",
            "--profile",
            profile.toString(),
            "--out",
            s.toString(),
            "--groundtruth",
            gt.toString(),
            "--data-root",
            dir.toString(),
            "--device",
            "cpu",
            "--mem",
            "1G",
            "--max-concurrent",
            "2"));
    String array = Files.readString(s.resolve("slurm/units.sbatch"));
    assertTrue(array.contains("#SBATCH --array=0-5%2"), array);
    ProcessBuilder pb =
        new ProcessBuilder("bash", s.resolve("slurm/units.sbatch").toString())
            .redirectErrorStream(true);
    pb.environment()
        .putAll(
            Map.of(
                "SLURM_ARRAY_TASK_ID",
                "3",
                "SLURM_ARRAY_JOB_ID",
                "41",
                "SLURM_CPUS_PER_TASK",
                "1",
                "SLURM_MEM_PER_NODE",
                "1024"));
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    assertTrue(
        out.contains("task 3 of array job 41") && out.contains("1 CPUs, 1024 MB -> -Xmx512m"), out);
    SuitePlan plan = SuitePlan.read(s);
    assertSameUnitFiles(
        SuiteRunner.unitDir(ref, plan.unit(3)), SuiteRunner.unitDir(s, plan.unit(3)));
    // the merge job of an incomplete array lists what is missing and writes nothing
    Process m =
        new ProcessBuilder("bash", s.resolve("slurm/merge.sbatch").toString())
            .redirectErrorStream(true)
            .start();
    String merged = new String(m.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(Main.FAILURE, m.waitFor(), merged);
    assertTrue(merged.contains("5 unit(s) not done"), merged);
    assertFalse(Files.exists(s.resolve("candidates.csv")));
  }

  /**
   * Same file names; same bytes except timings (run.json, train.json, done.json), lock holders and
   * the logs.
   */
  static void assertSameOutputs(Path expected, Path actual) throws IOException {
    List<String> e = relative(expected);
    List<String> a = relative(actual);
    assertEquals(e, a, "file names");
    int compared = 0;
    for (String f : e) {
      String name = Path.of(f).getFileName().toString();
      if (List.of("run.json", "train.json", "done.json", ".lock", ".suite.lock").contains(name)) {
        continue;
      }
      if (name.equals("report.md") || name.equals("report.html")) {
        // the title names the run folder
        String x =
            beforeManifest(expected.resolve(f))
                .replace("report: " + expected.getFileName(), "report: RUN");
        String y =
            beforeManifest(actual.resolve(f))
                .replace("report: " + actual.getFileName(), "report: RUN");
        int at = 0;
        while (at < Math.min(x.length(), y.length()) && x.charAt(at) == y.charAt(at)) {
          at++;
        }
        assertTrue(
            x.equals(y),
            f
                + " differs at "
                + at
                + ": "
                + x.substring(Math.max(0, at - 300), Math.min(x.length(), at + 100))
                + "\n----\n"
                + y.substring(Math.max(0, at - 300), Math.min(y.length(), at + 100)));
      } else {
        assertTrue(
            java.util.Arrays.equals(
                Files.readAllBytes(expected.resolve(f)), Files.readAllBytes(actual.resolve(f))),
            f + " differs");
      }
      compared++;
    }
    assertTrue(compared > 30, "compared " + compared + " files");
    for (String f :
        List.of("candidates.csv", "ranking.csv", "units/spos-vanilla-m4-s2020/checkpoint.bin")) {
      assertTrue(e.contains(f), f);
    }
  }

  static void assertSameUnitFiles(Path expected, Path actual) throws IOException {
    for (String f :
        List.of(Checkpoint.FILE_NAME, "candidates.csv", "architectures.csv", "diagnostics.json")) {
      assertTrue(
          java.util.Arrays.equals(
              Files.readAllBytes(expected.resolve(f)), Files.readAllBytes(actual.resolve(f))),
          f + " differs");
    }
    assertEquals(List.of(), tempFiles(actual));
  }

  private static String beforeManifest(Path f) throws IOException {
    String t = Files.readString(f);
    int i = t.indexOf("Run manifest");
    return i < 0 ? t : t.substring(0, i);
  }

  private static List<String> relative(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString())
          .filter(p -> !p.startsWith("logs/") && !p.startsWith("slurm/"))
          .sorted()
          .toList();
    }
  }

  static List<Path> tempFiles(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> TempFiles.isTemp(p.getFileName().toString())).toList();
    }
  }
}
