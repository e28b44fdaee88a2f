package dev.nasrank.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import dev.nasrank.harness.train.Checkpoint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SupernetCommandsTest {

  private static final String[] TINY = {
    "--split", "synthetic", "--stem-channels", "4", "--cells-per-stack", "1", "--batch-size", "8"
  };

  private static String[] args(String[] head, String... tail) {
    String[] out = new String[head.length + TINY.length + tail.length];
    System.arraycopy(head, 0, out, 0, head.length);
    System.arraycopy(TINY, 0, out, head.length, TINY.length);
    System.arraycopy(tail, 0, out, head.length + TINY.length, tail.length);
    return out;
  }

  @Test
  void trainThenEvaluateWritesCheckpointAndCsvs(@TempDir Path dir) throws IOException {
    Path run = dir.resolve("run");
    assertEquals(
        Main.OK,
        Main.run(
            args(
                new String[] {"train"},
                "--epochs",
                "1",
                "--max-steps-per-epoch",
                "2",
                "--method",
                "spos",
                "--bn-strategy",
                "simple-scaling",
                "-o",
                run.toString(),
                "--no-progress")));
    Checkpoint c = Checkpoint.readHeader(run.resolve(Checkpoint.FILE_NAME));
    assertEquals(1, c.epochsCompleted());
    assertEquals(2, c.globalStep());
    assertEquals("SPOS", c.config().method().name());
    assertEquals(4, c.config().network().stemChannels());
    assertTrue(Files.exists(run.resolve("train.json")));

    // The evaluate command takes the supernet's shape from the checkpoint; --no-calibrate leaves
    // one row per choice.
    assertEquals(
        Main.OK,
        Main.run(
            "evaluate",
            "--checkpoint",
            run.toString(),
            "--split",
            "synthetic",
            "--batch-size",
            "8",
            "--max-choices",
            "3",
            "--max-eval-batches",
            "1",
            "--no-calibrate",
            "--no-progress"));
    var rows = dev.nasrank.harness.candidates.CandidatesCsv.read(run.resolve("candidates.csv"));
    assertEquals(3, rows.size());
    assertTrue(rows.stream().noneMatch(r -> r.calibrated()));
    assertTrue(rows.stream().allMatch(r -> r.oneShotAccuracy() >= 0 && r.oneShotAccuracy() <= 1));

    Path out2 = dir.resolve("eval2");
    assertEquals(
        Main.OK,
        Main.run(
            "evaluate",
            "--checkpoint",
            run.resolve(Checkpoint.FILE_NAME).toString(),
            "--split",
            "synthetic",
            "--batch-size",
            "8",
            "--max-choices",
            "2",
            "--max-eval-batches",
            "1",
            "--calibration-batches",
            "1",
            "-o",
            out2.toString(),
            "--no-progress"));
    assertEquals(
        4,
        dev.nasrank.harness.candidates.CandidatesCsv.read(out2.resolve("candidates.csv")).size());
    assertTrue(Files.exists(out2.resolve("architectures.csv")));

    // A second train into the same folder without --resume is refused (exit 1); --resume with
    // another schedule
    // is refused naming the fields (issue 11, defect 8); --resume with the same settings has
    // nothing to do.
    assertEquals(
        Main.FAILURE,
        Main.run(
            args(
                new String[] {"train"},
                "--epochs",
                "1",
                "--max-steps-per-epoch",
                "2",
                "--method",
                "spos",
                "--bn-strategy",
                "simple_scaling",
                "-o",
                run.toString(),
                "--no-progress")));
    PrintStream errBefore = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      String[] changed =
          args(
              new String[] {"train"},
              "--epochs",
              "2",
              "--max-steps-per-epoch",
              "2",
              "--method",
              "spos",
              "--bn-strategy",
              "simple_scaling",
              "-o",
              run.toString(),
              "--resume",
              "--no-progress",
              "--lr",
              "0.5",
              "--momentum=0");
      changed[java.util.Arrays.asList(changed).indexOf("--batch-size") + 1] = "4";
      assertEquals(Main.FAILURE, Main.run(changed));
    } finally {
      System.setErr(errBefore);
    }
    String e = err.toString(StandardCharsets.UTF_8);
    assertTrue(
        e.contains("epochs 1 (now 2)")
            && e.contains("lr 0.025 (now 0.5)")
            && e.contains("momentum 0.9 (now " + "0.0)")
            && e.contains("batch-size 8 (now 4)"),
        e);
    assertEquals(
        Main.OK,
        Main.run(
            args(
                new String[] {"train"},
                "--epochs",
                "1",
                "--max-steps-per-epoch",
                "2",
                "--method",
                "spos",
                "--bn-strategy",
                "simple_scaling",
                "-o",
                run.toString(),
                "--resume",
                "--no-progress")));
    assertEquals(1, Checkpoint.readHeader(run.resolve(Checkpoint.FILE_NAME)).epochsCompleted());
  }

  @Test
  void usageAndDeviceErrors(@TempDir Path dir) {
    assertEquals(Main.USAGE, Main.run("train", "--method", "darts", "-o", dir.toString()));
    assertEquals(Main.USAGE, Main.run("train", "--split", "synthetic"));
    assertEquals(
        Main.USAGE,
        Main.run("evaluate", "--checkpoint", dir.toString(), "--calibration-mode", "fuzzy"));
    assertEquals(
        Main.FAILURE,
        Main.run(
            "evaluate",
            "--checkpoint",
            dir.resolve("none.bin").toString(),
            "--split",
            "synthetic",
            "--no-progress"));
    // an unknown split is a bad option value now that splits are one vocabulary (DataSplit),
    // checked on parsing
    assertEquals(
        Main.USAGE,
        Main.run(
            "train",
            "--split",
            "nosuch",
            "--stem-channels",
            "4",
            "-o",
            dir.resolve("x").toString()));
    assertEquals(
        dev.nasrank.harness.config.DataSplit.NB101,
        dev.nasrank.harness.config.DataSplit.parse("full"));
    assertEquals(
        "unknown split 'nosuch' (expected one of mini, nb101, reference, jpg, synthetic)",
        assertThrows(
                IllegalArgumentException.class,
                () -> dev.nasrank.harness.config.DataSplit.parse("nosuch"))
            .getMessage());
    if (Engine.getInstance().getGpuCount() == 0) {
      assertEquals(
          Main.FAILURE,
          Main.run(
              args(
                  new String[] {"train"},
                  "--device",
                  "gpu",
                  "-o",
                  dir.resolve("g").toString(),
                  "--no-progress")));
    }
    assertEquals(Main.OK, Main.run("bench", "train-step", "--help"));
    assertEquals(Main.USAGE, Main.run("bench"));
  }
}
