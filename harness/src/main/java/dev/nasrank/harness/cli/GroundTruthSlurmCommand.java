package dev.nasrank.harness.cli;

import dev.nasrank.harness.exec.JvmLauncher;
import dev.nasrank.harness.exec.SlurmJob;
import dev.nasrank.harness.groundtruth.Architectures;
import dev.nasrank.harness.groundtruth.GroundTruthSlurm;
import dev.nasrank.harness.groundtruth.Profile;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code harness groundtruth slurm}: ground-truth generation as a Slurm job array plus an assemble
 * job.
 */
@Command(
    name = "slurm",
    mixinStandardHelpOptions = true,
    description = {
      "Pins the profile and architectures in --out (as 'generate' does) and writes "
          + "OUT/slurm/shards.sbatch, a job array with one task per shard that still has units ('groundtruth "
          + "generate --shard $SLURM_ARRAY_TASK_ID/N --no-assemble'), OUT/slurm/assemble.sbatch ('groundtruth "
          + "assemble', afterok on the array) and OUT/slurm/submit.sh. Task logs: OUT/slurm/logs/.",
      "Rerun the same command (with --submit) to resubmit: only shards with units left are in the new array; "
          + "finished units are kept and a per-unit lock keeps overlapping tasks off the same unit.",
      "Exit 0 when the scripts are written (and submitted); 1 on failure; 2 for usage errors. docs/scaling.md."
    })
final class GroundTruthSlurmCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin GroundTruthPlanOptions plan;

  @Option(
      names = "--shards",
      paramLabel = "N",
      required = true,
      description = "array size: task i trains units i, i+N, i+2N, ... of the repeat-major list")
  int shards;

  @Mixin SlurmOptions slurm;

  @Override
  public Integer call() throws Exception {
    if (shards < 1) {
      throw new ParameterException(spec.commandLine(), "--shards must be >= 1, got " + shards);
    }
    Profile p = plan.profile();
    String archsArg =
        "s4".equals(plan.archs)
            ? plan.archs
            : Path.of(plan.archs).toAbsolutePath().normalize().toString();
    GroundTruthSlurm.Request r =
        new GroundTruthSlurm.Request(
            plan.out(),
            p,
            Architectures.resolve(plan.archs),
            archsArg,
            plan.repeats(),
            shards,
            plan.dataRoot);
    GroundTruthSlurm.Written w =
        GroundTruthSlurm.write(
            r, slurm.resources(spec.commandLine()), JvmLauncher.forScripts(slurm.jvmOptions));
    PrintStream o = WriterOutputStream.printStream(spec.commandLine().getOut());
    o.printf(
        "%d units left in %d of %d shards%n",
        w.pendingUnits(), w.scripts().indices().size(), shards);
    if (w.scripts().array() != null) {
      o.println(
          "array script:    "
              + w.scripts().array()
              + " (--array="
              + SlurmJob.arraySpec(w.scripts().indices())
              + ")");
    }
    o.println("assemble script: " + w.scripts().after());
    o.println("task logs:       " + w.scripts().folder().resolve("logs"));
    if (!slurm.submit) {
      o.println("submit with: bash " + w.scripts().submit() + "   (or add --submit)");
      return Main.OK;
    }
    SlurmJob.Submission sub = SlurmJob.submit(w.scripts(), slurm.sbatch, o);
    o.printf(
        "array job: %s%nassemble job: %s%n",
        sub.arrayJobId() == null ? "none (every unit is done)" : sub.arrayJobId(),
        sub.afterJobId());
    return Main.OK;
  }
}
