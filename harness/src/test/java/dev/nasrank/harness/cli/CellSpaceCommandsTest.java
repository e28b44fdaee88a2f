package dev.nasrank.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nasrank.harness.candidates.Candidate;
import dev.nasrank.harness.candidates.CandidatesCsv;
import dev.nasrank.harness.space.CellSearchSpace;
import dev.nasrank.harness.space.Nb101Cell;
import dev.nasrank.harness.space.Spaces;
import dev.nasrank.harness.supernet.CellSupernetConfig;
import dev.nasrank.harness.train.Checkpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --space} and {@code evaluate --cells / --sample} on a NAS-Bench-101 cell space. */
class CellSpaceCommandsTest {

  @Test
  void trainAndEvaluateACellSpace(@TempDir Path dir) throws IOException {
    Path run = dir.resolve("run");
    assertEquals(
        Main.OK,
        Main.run(
            "train",
            "--space",
            "1shot1-ss3",
            "--bn-strategy",
            "linear_sbn",
            "--cell-sampler",
            "random_spec",
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
            "2",
            "-o",
            run.toString(),
            "--no-progress"));
    Checkpoint c = Checkpoint.readHeader(run.resolve(Checkpoint.FILE_NAME));
    CellSupernetConfig cfg = (CellSupernetConfig) c.config();
    assertEquals("1shot1-ss3", cfg.space().id());
    assertEquals("random_spec", cfg.sampling().cliName());
    assertEquals(4, cfg.network().stemChannels());

    CellSearchSpace space = (CellSearchSpace) Spaces.byId("1shot1-ss3");
    List<Nb101Cell> cells = space.candidates();
    Path list = dir.resolve("cells.txt");
    Files.writeString(
        list,
        "# three cells\n"
            + cells.get(40).id()
            + "\n\n"
            + cells.get(3).id()
            + "\n"
            + cells.get(2000).id()
            + "\n");
    String[] common = {
      "--split",
      "synthetic",
      "--batch-size",
      "8",
      "--max-eval-batches",
      "1",
      "--calibration-batches",
      "1",
      "--no-progress"
    };
    Path out = dir.resolve("listed");
    assertEquals(
        Main.OK,
        Main.run(
            concat(
                new String[] {
                  "evaluate",
                  "--checkpoint",
                  run.toString(),
                  "--space",
                  "1shot1-ss3",
                  "--cells",
                  list.toString(),
                  "-o",
                  out.toString()
                },
                common)));
    List<Candidate> rows = CandidatesCsv.read(out.resolve("candidates.csv"));
    assertEquals(6, rows.size(), "3 cells x 2 modes");
    assertEquals(
        List.of(cells.get(40).id(), cells.get(3).id(), cells.get(2000).id()),
        rows.subList(0, 3).stream().map(Candidate::moduleHash).toList());
    assertTrue(rows.stream().allMatch(r -> r.space().equals("1shot1-ss3")));

    Path sampled = dir.resolve("sampled");
    assertEquals(
        Main.OK,
        Main.run(
            concat(
                new String[] {
                  "evaluate",
                  "--checkpoint",
                  run.toString(),
                  "--sample",
                  "5",
                  "--sample-seed",
                  "3",
                  "--no-calibrate",
                  "-o",
                  sampled.toString()
                },
                common)));
    List<String> expected = space.sample(5, 3, x -> true).stream().map(Nb101Cell::id).toList();
    assertEquals(
        expected,
        CandidatesCsv.read(sampled.resolve("candidates.csv")).stream()
            .map(Candidate::moduleHash)
            .toList());

    // the whole space is not evaluated by default; a wrong --space, a hash outside it and SPOS
    // are refused
    assertEquals(
        Main.FAILURE,
        Main.run(concat(new String[] {"evaluate", "--checkpoint", run.toString()}, common)));
    assertEquals(
        Main.FAILURE,
        Main.run(
            concat(
                new String[] {
                  "evaluate", "--checkpoint", run.toString(), "--space", "nb101-v4", "--sample", "2"
                },
                common)));
    Files.writeString(list, "0123456789abcdef0123456789abcdef\n");
    assertEquals(
        Main.FAILURE,
        Main.run(
            concat(
                new String[] {
                  "evaluate", "--checkpoint", run.toString(), "--cells", list.toString()
                },
                common)));
    assertEquals(
        Main.FAILURE,
        Main.run(
            "train",
            "--space",
            "1shot1-ss3",
            "--method",
            "spos",
            "--split",
            "synthetic",
            "--stem-channels",
            "4",
            "--cells-per-stack",
            "1",
            "--epochs",
            "1",
            "-o",
            dir.resolve("spos").toString(),
            "--no-progress"));
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = new String[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
