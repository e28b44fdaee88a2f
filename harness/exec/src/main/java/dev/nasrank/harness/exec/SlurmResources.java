package dev.nasrank.harness.exec;

/**
 * What each Slurm task asks for; null or 0 leaves a field to the cluster's defaults.
 *
 * @param partition {@code --partition}, or null
 * @param time {@code --time} (e.g. {@code 04:00:00}), or null
 * @param cpusPerTask {@code --cpus-per-task} (>= 1); also the task JVM's processor count and torch
 *     threads
 * @param mem {@code --mem} per task (e.g. {@code 4G}), or null for the cluster's {@code
 *     DefMemPerCPU}; the task JVM takes half of it as its heap (tensors live outside the heap)
 * @param gpus GPUs per task ({@code --gres=gpu:N}), 0 for none
 * @param account {@code --account}, or null
 * @param maxConcurrent tasks of the array running at once ({@code --array=...%N}), 0 for no limit
 */
public record SlurmResources(
    String partition,
    String time,
    int cpusPerTask,
    String mem,
    int gpus,
    String account,
    int maxConcurrent) {

  /**
   * Validates the counts and the free-text fields (no white space or quotes that would break the
   * script).
   */
  public SlurmResources {
    if (cpusPerTask < 1 || gpus < 0 || maxConcurrent < 0) {
      throw new IllegalArgumentException(
          "cpus per task must be >= 1, gpus and the concurrency limit >= 0");
    }
    for (String s : new String[] {partition, time, mem, account}) {
      if (s != null && !s.matches("[A-Za-z0-9_.:,+\\-]+")) {
        throw new IllegalArgumentException("not a Slurm value: '" + s + "'");
      }
    }
  }
}
