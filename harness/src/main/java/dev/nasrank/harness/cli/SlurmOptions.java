package dev.nasrank.harness.cli;

import dev.nasrank.harness.exec.SlurmResources;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Slurm resources and submission options shared by {@code suite slurm} and {@code groundtruth
 * slurm}; add with {@code @Mixin SlurmOptions slurm;}.
 */
public final class SlurmOptions {

  @Option(
      names = "--partition",
      paramLabel = "NAME",
      description = "Slurm partition (default: the cluster's).")
  String partition;

  @Option(
      names = "--time",
      paramLabel = "LIMIT",
      description =
          "Time limit per task, e.g. 04:00:00 (default: the partition's). A task killed at its limit "
              + "resumes when resubmitted.")
  String time;

  @Option(
      names = "--cpus-per-task",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "CPUs per task; also the task JVM's processor count and torch threads (1 is deterministic). "
              + "Default: ${DEFAULT-VALUE}.")
  int cpusPerTask;

  @Option(
      names = "--mem",
      paramLabel = "SIZE",
      description =
          "Memory per task, e.g. 4G (default: the cluster's DefMemPerCPU x CPUs). The task JVM takes "
              + "half of it as heap; tensors live outside the heap.")
  String mem;

  @Option(
      names = "--gpus",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "GPUs per task (--gres=gpu:N); use with --device gpu. Default: ${DEFAULT-VALUE}.")
  int gpus;

  @Option(
      names = "--account",
      paramLabel = "NAME",
      description = "Slurm account to charge (default: yours).")
  String account;

  @Option(
      names = "--max-concurrent",
      paramLabel = "N",
      defaultValue = "8",
      description =
          "Tasks of the array running at once (--array=...%%N); 0 for no limit. Default: "
              + "${DEFAULT-VALUE}.")
  int maxConcurrent;

  @Option(
      names = "--submit",
      negatable = true,
      defaultValue = "false",
      fallbackValue = "true",
      description =
          "Submit the array and the follow-up job (afterok) with sbatch and print their job ids "
              + "(default: only write the scripts and print how to submit them).")
  boolean submit;

  @Option(
      names = "--sbatch",
      paramLabel = "PATH",
      defaultValue = "sbatch",
      description = "The sbatch command. Default: ${DEFAULT-VALUE}.")
  String sbatch;

  @Option(
      names = "--jvm-option",
      paramLabel = "OPT",
      description =
          "Extra option for the task JVMs, after the sizing from the allocation (repeatable).")
  List<String> jvmOptions = new ArrayList<>();

  /** The resources, or a usage error (exit 2) naming the bad value. */
  SlurmResources resources(CommandLine cl) {
    try {
      return new SlurmResources(partition, time, cpusPerTask, mem, gpus, account, maxConcurrent);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cl, e.getMessage());
    }
  }
}
