package dev.nasrank.harness.suite;

import dev.nasrank.harness.exec.JvmLauncher;
import dev.nasrank.harness.exec.Shell;
import dev.nasrank.harness.exec.SlurmJob;
import dev.nasrank.harness.exec.SlurmResources;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The suite as a Slurm job array: pins the plan, then writes {@code DIR/slurm/units.sbatch} (one
 * task per unit not done and not running, task id = unit index, {@code suite unit --index
 * $SLURM_ARRAY_TASK_ID}), {@code DIR/slurm/merge.sbatch} ({@code suite merge}, afterok on the
 * array) and {@code DIR/slurm/submit.sh} ({@link SlurmJob}).
 */
public final class SuiteSlurm {

  /** Folder of the scripts and logs inside the run folder. */
  public static final String FOLDER = "slurm";

  /**
   * What was written.
   *
   * @param scripts the scripts
   * @param plan the plan pinned
   * @param running units another worker runs now (left out of the array)
   * @param done units already done (left out of the array)
   */
  public record Written(
      SlurmJob.Scripts scripts, SuitePlan plan, List<UnitState> running, int done) {

    /** Lines for stdout: the plan size, what the array holds and the scripts. */
    public String summary() {
      StringBuilder b = new StringBuilder();
      b.append(
          String.format(
              Locale.ROOT,
              "plan: %d units (%s); %d done, %d running elsewhere, %d in the array%n",
              plan.units().size(),
              scripts.folder().getParent().resolve(SuitePlan.UNITS_TXT),
              done,
              running.size(),
              scripts.indices().size()));
      for (UnitState u : running) {
        b.append("  left out, running: ").append(u.line()).append('\n');
      }
      if (scripts.array() != null) {
        b.append("array script: ")
            .append(scripts.array())
            .append(" (--array=")
            .append(SlurmJob.arraySpec(scripts.indices()))
            .append(")\n");
      }
      b.append("merge script: ").append(scripts.after()).append('\n');
      b.append("task logs:    ").append(scripts.folder().resolve("logs")).append('\n');
      return b.toString();
    }
  }

  private SuiteSlurm() {}

  /** Pins the plan of {@code s} and writes the scripts. */
  public static Written write(SuiteRunner.Settings s, SlurmResources res, JvmLauncher jvm)
      throws IOException {
    SuitePlan plan = SuitePlan.pin(s);
    List<Integer> indices = new ArrayList<>();
    List<UnitState> running = new ArrayList<>();
    int done = 0;
    for (UnitState u : SuiteMerger.states(s.out(), plan)) {
      switch (u.status()) {
        case DONE -> done++;
        case RUNNING -> running.add(u);
        default -> indices.add(u.index());
      }
    }
    String out = s.out().toAbsolutePath().normalize().toString();
    String root = s.dataRoot().root().toAbsolutePath().normalize().toString();
    String device = s.device().name().toLowerCase(Locale.ROOT);
    List<String> task =
        List.of(
            "suite",
            "unit",
            "--out",
            out,
            "--index",
            Shell.TASK_ID,
            "--data-root",
            root,
            "--device",
            device,
            "--no-progress");
    List<String> merge =
        List.of(
            "suite",
            "merge",
            "--out",
            out,
            "--data-root",
            root,
            "--device",
            device,
            "--no-progress");
    String name =
        "nasrank-"
            + s.out()
                .toAbsolutePath()
                .normalize()
                .getFileName()
                .toString()
                .replaceAll("[^A-Za-z0-9_.-]", "_");
    SlurmJob.Scripts scripts =
        SlurmJob.write(
            s.out().resolve(FOLDER),
            name,
            "units",
            indices,
            task,
            "merge",
            merge,
            res,
            jvm,
            Path.of("").toAbsolutePath());
    return new Written(scripts, plan, running, done);
  }
}
