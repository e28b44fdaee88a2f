package dev.nasrank.harness.groundtruth;

import dev.nasrank.benchbridge.ModelSpec;
import dev.nasrank.harness.exec.JvmLauncher;
import dev.nasrank.harness.exec.Shell;
import dev.nasrank.harness.exec.SlurmJob;
import dev.nasrank.harness.exec.SlurmResources;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Ground-truth generation as a Slurm job array: pins the profile and architectures in the folder
 * (as {@link GroundTruthGenerator} does), then writes {@code <dir>/slurm/shards.sbatch}, one task
 * per shard that still has units ({@code groundtruth generate --shard $SLURM_ARRAY_TASK_ID/N
 * --no-assemble}), and {@code <dir>/slurm/assemble.sbatch} ({@code groundtruth assemble}, afterok
 * on the array). A resubmitted shard skips its finished units; the unit a killed task was training
 * is trained again from its start.
 */
public final class GroundTruthSlurm {

  /**
   * What to generate.
   *
   * @param out generation folder
   * @param profile protocol
   * @param specs architectures
   * @param archsArgument the {@code --archs} value the tasks get ({@code s4} or an absolute file)
   * @param repeats repeats per architecture
   * @param shards array size N (task i runs shard i/N)
   * @param dataRoot data root the tasks get, or null for their own lookup
   */
  public record Request(
      Path out,
      Profile profile,
      List<ModelSpec> specs,
      String archsArgument,
      int repeats,
      int shards,
      Path dataRoot) {}

  /**
   * What was written.
   *
   * @param scripts the scripts
   * @param pendingUnits units not finished yet, over all shards
   */
  public record Written(SlurmJob.Scripts scripts, int pendingUnits) {}

  private GroundTruthSlurm() {}

  /** Pins the folder and writes the scripts. */
  public static Written write(Request r, SlurmResources res, JvmLauncher jvm) throws IOException {
    if (r.shards() < 1) {
      throw new IllegalArgumentException("shards must be >= 1, got " + r.shards());
    }
    GroundTruthGenerator g =
        new GroundTruthGenerator(new UnitStore(r.out()), r.profile(), r.specs(), r.repeats());
    List<Integer> indices = new ArrayList<>();
    int pending = 0;
    for (int i = 0; i < r.shards(); i++) {
      int n = g.pending(i, r.shards()).size();
      pending += n;
      if (n > 0) {
        indices.add(i);
      }
    }
    String out = r.out().toAbsolutePath().normalize().toString();
    List<String> task =
        new ArrayList<>(
            List.of(
                "groundtruth",
                "generate",
                "--out",
                out,
                "--profile",
                r.profile().name(),
                "--repeats",
                String.valueOf(r.repeats()),
                "--archs",
                r.archsArgument(),
                "--shard",
                Shell.TASK_ID + "/" + r.shards(),
                "--no-assemble",
                "--no-progress"));
    if (r.profile().epochs() != Profile.named(r.profile().name()).epochs()) {
      task.add("--epochs");
      task.add(String.valueOf(r.profile().epochs()));
    }
    if (r.dataRoot() != null) {
      task.add("--data-root");
      task.add(r.dataRoot().toAbsolutePath().normalize().toString());
    }
    List<String> after =
        List.of("groundtruth", "assemble", out, "--repeats", String.valueOf(r.repeats()));
    String name =
        "nasrank-gt-"
            + r.out()
                .toAbsolutePath()
                .normalize()
                .getFileName()
                .toString()
                .replaceAll("[^A-Za-z0-9_.-]", "_");
    SlurmJob.Scripts s =
        SlurmJob.write(
            r.out().resolve("slurm"),
            name,
            "shards",
            indices,
            task,
            "assemble",
            after,
            res,
            jvm,
            Path.of("").toAbsolutePath());
    return new Written(s, pending);
  }
}
