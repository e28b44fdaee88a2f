package dev.nasrank.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nasrank.harness.config.DataSplit;
import dev.nasrank.harness.config.EvalBudget;
import dev.nasrank.harness.config.NetworkShape;
import dev.nasrank.harness.config.Optimizer;
import dev.nasrank.harness.groundtruth.EmbeddedGroundTruth;
import dev.nasrank.harness.manifest.ManifestIo;
import dev.nasrank.harness.manifest.RunManifest;
import dev.nasrank.harness.report.SyntheticRun;
import dev.nasrank.harness.suite.SuiteProfile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * What a new user hit (issue 8): each path now works, the report ones against the real embedded
 * ground truth.
 */
class NewUserPathsTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int cli(String... args) {
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  private static Path run(Path dir) {
    Path run = dir.resolve("run");
    SyntheticRun.write(
        run,
        List.<String[]>of(new String[] {"mixpath", "linear_sbn"}),
        new long[] {1},
        new int[] {4});
    return run;
  }

  private static void recordGroundTruth(Path run, String sha) {
    Path embedded = EmbeddedGroundTruth.resolve(null);
    RunManifest.Builder b =
        RunManifest.builder()
            .profile("synthetic")
            .configuration(Map.of("groundTruthFile", "embedded"));
    b.dataset("groundtruth", embedded);
    RunManifest m = b.build();
    ManifestIo.write(run.resolve("run.json"), m);
    if (sha != null) {
      try {
        String text = Files.readString(run.resolve("run.json"));
        Files.writeString(
            run.resolve("run.json"), text.replace(m.datasets().get("groundtruth"), sha));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  @Test
  void reportOfASuiteRunRanksAgainstTheGroundTruthItsRunJsonRecords(@TempDir Path dir)
      throws Exception {
    Path run = run(dir);
    recordGroundTruth(run, null);
    // started in another folder than the clone, with the run folder given relative to it
    StringBuilder log = new StringBuilder();
    assertEquals(
        Main.OK,
        child(
            dir,
            log,
            "report",
            "--run",
            "run",
            "--bootstrap",
            "20",
            "--study-bootstrap",
            "100",
            "--no-plots"),
        log.toString());
    assertTrue(log.toString().contains("groundtruth.tfrecord"), log.toString());
    assertTrue(log.toString().contains("n=34"), log.toString());
    assertTrue(Files.isRegularFile(run.resolve("ranking.csv")), log.toString());
  }

  @Test
  void aGroundTruthFileThatChangedSinceTheRunIsNamed(@TempDir Path dir) {
    Path run = run(dir);
    recordGroundTruth(run, "0".repeat(64));
    assertEquals(Main.FAILURE, cli("report", "--run", run.toString(), "--no-plots"));
    assertTrue(
        err.toString().contains("0".repeat(64)) && err.toString().contains("groundtruth.tfrecord"),
        err.toString());
  }

  @Test
  void theS4MiniTfRecordAndItsExportCsvNeedNoEpochsAndRankAlike(@TempDir Path dir)
      throws Exception {
    Path tfrecord = EmbeddedGroundTruth.resolve(null);
    Path a = run(dir.resolve("a"));
    Path b = run(dir.resolve("b"));
    // all three commands started in another folder than the clone, with paths relative to it
    StringBuilder log = new StringBuilder();
    String[] quick = {"--bootstrap", "20", "--study-bootstrap", "100", "--no-plots"};
    assertEquals(
        Main.OK,
        child(
            dir,
            log,
            concat(
                new String[] {"report", "--run", "a/run", "--groundtruth", tfrecord.toString()},
                quick)),
        log.toString());
    assertEquals(
        Main.OK,
        child(dir, log, "nasbench", "export-csv", tfrecord.toString(), "--out", "s4-mini.csv"),
        log.toString());
    assertEquals(
        Main.OK,
        child(
            dir,
            log,
            concat(
                new String[] {"report", "--run", "b/run", "--groundtruth", "s4-mini.csv"}, quick)),
        log.toString());
    assertEquals(
        Files.readAllLines(a.resolve("ranking.csv")), Files.readAllLines(b.resolve("ranking.csv")));
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void aCommandStartedInAnotherFolderPrintsNoCudaProbeWarning(@TempDir Path elsewhere)
      throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "train",
                "--split",
                "synthetic",
                "--stem-channels",
                "4",
                "--cells-per-stack",
                "1",
                "--batch-size",
                "8",
                "--epochs",
                "1",
                "--max-steps-per-epoch",
                "1",
                "-o",
                "tiny",
                "--no-progress")
            .directory(elsewhere.toFile())
            .redirectErrorStream(true)
            .start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), log);
    assertTrue(Files.isRegularFile(elsewhere.resolve("tiny").resolve("checkpoint.bin")), log);
    assertFalse(log.contains("Failed to detect GPU count"), log);
  }

  /**
   * Runs the CLI in a child JVM whose working directory is {@code cwd}; the exit code, output
   * appended to log.
   */
  static int child(Path cwd, StringBuilder log, String... args) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd =
        new java.util.ArrayList<>(
            List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true).start();
    log.append(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    return p.waitFor();
  }

  @Test
  void aSuiteWithoutAUsableGroundTruthStopsBeforeTrainingUnlessAskedTo(@TempDir Path elsewhere)
      throws Exception {
    new SuiteProfile(
            "micro-nogt",
            DataSplit.SYNTHETIC,
            NetworkShape.cifar10(4, 1, 1),
            1,
            8,
            2,
            Optimizer.MIXPATH_REFERENCE,
            new EvalBudget(8, 1, 1, 3))
        .write(elsewhere.resolve("micro.json"));
    Files.writeString(
        elsewhere.resolve("other.csv"),
        "module_hash,repeat,validation_accuracy\n0123456789abcdef0123456789abcdef,0,0.5\n");
    StringBuilder log = new StringBuilder();
    int refused =
        child(
            elsewhere,
            log,
            "suite",
            "--profile",
            "micro.json",
            "--groundtruth",
            "other.csv",
            "--out",
            "refused",
            "--no-progress");
    assertEquals(Main.FAILURE, refused, log.toString());
    assertTrue(
        log.toString().contains("no ground truth: other.csv holds none of the 34 S4 architectures"),
        log.toString());
    assertTrue(log.toString().contains("nothing was trained"), log.toString());
    assertFalse(
        Files.exists(elsewhere.resolve("refused").resolve("units")), "no unit may start: " + log);

    StringBuilder both = new StringBuilder();
    assertEquals(
        Main.USAGE,
        child(
            elsewhere,
            both,
            "suite",
            "--profile",
            "micro.json",
            "--no-groundtruth",
            "--groundtruth",
            "other.csv",
            "--out",
            "both"),
        both.toString());
    assertTrue(
        both.toString().contains("--no-groundtruth and --groundtruth exclude each other"),
        both.toString());

    StringBuilder asked = new StringBuilder();
    int ok =
        child(
            elsewhere,
            asked,
            "suite",
            "--profile",
            "micro.json",
            "--no-groundtruth",
            "--out",
            "unranked",
            "--no-progress");
    assertEquals(Main.OK, ok, asked.toString());
    Path run = elsewhere.resolve("unranked");
    assertTrue(asked.toString().contains("not ranked (--no-groundtruth)"), asked.toString());
    // 6 supernets x 3 choices x 2 evaluations, no ranking
    assertEquals(1 + 6 * 3 * 2, Files.readAllLines(run.resolve("candidates.csv")).size());
    assertFalse(Files.exists(run.resolve("ranking.csv")), asked.toString());
    // the plan records "none": a separate merge (what a Slurm merge job runs) leaves it unranked
    // too
    StringBuilder merged = new StringBuilder();
    assertEquals(
        Main.OK,
        child(elsewhere, merged, "suite", "merge", "--out", "unranked"),
        merged.toString());
    assertTrue(merged.toString().contains("not ranked (--no-groundtruth)"), merged.toString());
    assertFalse(Files.exists(run.resolve("ranking.csv")), merged.toString());

    // suite plan and suite slurm refuse before writing a plan, as the plain suite does
    for (String sub : new String[] {"plan", "slurm"}) {
      StringBuilder log2 = new StringBuilder();
      assertEquals(
          Main.FAILURE,
          child(
              elsewhere,
              log2,
              "suite",
              sub,
              "--profile",
              "micro.json",
              "--groundtruth",
              "other.csv",
              "--out",
              "refused-" + sub),
          log2.toString());
      assertTrue(
          log2.toString().contains("no ground truth: other.csv holds none"), log2.toString());
      assertFalse(Files.exists(elsewhere.resolve("refused-" + sub).resolve("units.txt")), sub);
    }
  }
}
