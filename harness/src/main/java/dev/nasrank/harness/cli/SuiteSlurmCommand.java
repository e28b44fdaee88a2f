package dev.nasrank.harness.cli;

import dev.nasrank.harness.exec.JvmLauncher;
import dev.nasrank.harness.exec.SlurmJob;
import dev.nasrank.harness.suite.SuiteRunner;
import dev.nasrank.harness.suite.SuiteSlurm;
import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code harness suite slurm}: the suite as a Slurm job array plus a merge job. */
@Command(
    name = "slurm",
    mixinStandardHelpOptions = true,
    description = {
      "Plans the run folder (as 'suite plan') and writes OUT/slurm/units.sbatch, a job array over the "
          + "indices of the units not done yet (at most --max-concurrent at once), each task running 'suite unit "
          + "--index $SLURM_ARRAY_TASK_ID'; OUT/slurm/merge.sbatch, running 'suite merge' after the whole array "
          + "succeeded (afterok); and OUT/slurm/submit.sh. Task logs: OUT/slurm/logs/units-<index>.job<id>.log.",
      "Each task's JVM takes its processors (torch threads) from --cpus-per-task and half of its memory "
          + "as heap. The folder must be on a file system every node sees; the java binary and classpath of "
          + "this JVM are used on the nodes.",
      "Rerun the same command (with --submit) to resubmit: only the units not done are in the new array, and an "
          + "interrupted unit resumes from its last epoch.",
      "Exit 0 when the scripts are written (and submitted); 1 on failure (e.g. sbatch refused, or no ground truth "
          + "without --no-groundtruth); 2 for usage "
          + "errors. docs/scaling.md."
    })
final class SuiteSlurmCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin SuiteRunOptions run;

  @Mixin SuitePlanOptions plan;

  @Mixin SlurmOptions slurm;

  @Override
  public Integer call() throws IOException {
    PrintStream o = WriterOutputStream.printStream(spec.commandLine().getOut());
    SuiteRunner.Settings s =
        plan.settings(
            spec.commandLine(), run.out(spec.commandLine()), run.dataRoot(), run.device, false);
    if (plan.groundTruth(spec.commandLine(), o) == null) {
      return Main.FAILURE;
    }
    JvmLauncher jvm = JvmLauncher.forScripts(slurm.jvmOptions);
    SuiteSlurm.Written w = SuiteSlurm.write(s, slurm.resources(spec.commandLine()), jvm);
    o.print(w.summary());
    if (!slurm.submit) {
      o.println("submit with: bash " + w.scripts().submit() + "   (or add --submit)");
      return Main.OK;
    }
    SlurmJob.Submission sub = SlurmJob.submit(w.scripts(), slurm.sbatch, o);
    o.printf(
        "array job: %s%nmerge job: %s%n",
        sub.arrayJobId() == null ? "none (every unit is done)" : sub.arrayJobId(),
        sub.afterJobId());
    o.println(
        "follow with: squeue -j "
            + (sub.arrayJobId() == null ? "" : sub.arrayJobId() + ",")
            + sub.afterJobId()
            + "   and: harness suite status --out "
            + s.out());
    return Main.OK;
  }
}
