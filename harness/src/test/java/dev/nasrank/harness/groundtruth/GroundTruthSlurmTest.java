package dev.nasrank.harness.groundtruth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nasrank.harness.cli.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code groundtruth slurm}: the folder is pinned, shards with units left form the array, assemble
 * follows.
 */
class GroundTruthSlurmTest {

  @Test
  void writesAShardArrayAndAnAssembleJob(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("gt");
    assertEquals(
        Main.OK,
        Main.run(
            "groundtruth",
            "slurm",
            "--out",
            out.toString(),
            "--shards",
            "4",
            "--repeats",
            "1",
            "--epochs",
            "2",
            "--cpus-per-task",
            "2",
            "--data-root",
            dir.toString()));
    assertTrue(Files.isRegularFile(out.resolve("profile.json")), "pinned before any task runs");
    assertTrue(Files.isRegularFile(out.resolve(GroundTruthAssembler.ARCHITECTURES)));
    String array = Files.readString(out.resolve("slurm/shards.sbatch"));
    assertTrue(array.contains("#SBATCH --array=0-3%8\n"), array);
    assertTrue(array.contains("#SBATCH --cpus-per-task=2\n"), array);
    assertTrue(array.contains("'--shard' \"$SLURM_ARRAY_TASK_ID\"'/4' '--no-assemble'"), array);
    assertTrue(array.contains("'--epochs' '2'"), array);
    String assemble = Files.readString(out.resolve("slurm/assemble.sbatch"));
    assertTrue(
        assemble.contains(
            "'groundtruth' 'assemble' '" + out.toAbsolutePath() + "' '--repeats' '1'"),
        assemble);
    // another profile in the same folder is refused like 'generate' refuses it
    assertEquals(
        Main.FAILURE,
        Main.run(
            "groundtruth",
            "slurm",
            "--out",
            out.toString(),
            "--shards",
            "4",
            "--repeats",
            "1",
            "--epochs",
            "3"));
    assertEquals(
        Main.USAGE, Main.run("groundtruth", "slurm", "--out", out.toString(), "--shards", "0"));
  }
}
