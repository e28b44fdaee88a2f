package dev.nasrank.harness.exec;

import dev.nasrank.files.AtomicFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Slurm job array of harness commands plus one follow-up harness command that runs after the
 * whole array succeeded ({@code --dependency=afterok}, with {@code --kill-on-invalid-dep=yes} so a
 * failed array cancels it instead of leaving it pending). Writes {@code <name>.sbatch} (the array),
 * {@code <after>.sbatch} and {@code submit.sh} into a folder; every task logs to {@code
 * logs/<name>-<index>.job<array job id>.log} there, so a resubmitted task keeps the log of its
 * earlier attempt. Each task's JVM takes its processor count ({@code -XX:ActiveProcessorCount},
 * torch threads, {@code OMP_NUM_THREADS}) from {@code SLURM_CPUS_PER_TASK} and half of the task's
 * memory ({@code SLURM_MEM_PER_NODE}, else {@code SLURM_MEM_PER_CPU} x CPUs) as its heap; {@code
 * NASRANK_JAVA_OPTS} in the submitting environment adds JVM options last.
 */
public final class SlurmJob {

  /**
   * The scripts written.
   *
   * @param folder the folder holding them
   * @param array the array script, or null when there is no index left to run
   * @param after the follow-up script
   * @param submit a shell script that submits both as {@link #submit} does
   * @param indices the array's indices
   */
  public record Scripts(Path folder, Path array, Path after, Path submit, List<Integer> indices) {}

  /**
   * Job ids of a submission.
   *
   * @param arrayJobId the array's job id, or null when no array was submitted
   * @param afterJobId the follow-up job's id
   */
  public record Submission(String arrayJobId, String afterJobId) {}

  private SlurmJob() {}

  /**
   * Writes the scripts.
   *
   * @param folder where the scripts and {@code logs/} go (created)
   * @param jobName Slurm job name prefix
   * @param name array script name (e.g. {@code units}); also the log prefix
   * @param indices array indices, ascending; may be empty (then only the follow-up is written)
   * @param taskArgs harness arguments of one task; {@link Shell#TASK_ID} stands for the index
   * @param afterName follow-up script name (e.g. {@code merge})
   * @param afterArgs harness arguments of the follow-up job
   * @param res resources per task (the follow-up asks for one CPU and the same memory)
   * @param jvm java binary, classpath and options ({@link JvmLauncher#forScripts}); the scripts add
   *     the sizing
   * @param workDir the jobs' working directory (relative paths in the arguments resolve against it)
   */
  public static Scripts write(
      Path folder,
      String jobName,
      String name,
      List<Integer> indices,
      List<String> taskArgs,
      String afterName,
      List<String> afterArgs,
      SlurmResources res,
      JvmLauncher jvm,
      Path workDir)
      throws IOException {
    Path dir = folder.toAbsolutePath().normalize();
    Path logs = dir.resolve("logs");
    Files.createDirectories(logs);
    Path array = null;
    if (!indices.isEmpty()) {
      array = dir.resolve(name + ".sbatch");
      String header =
          header(
                  jobName + "-" + name,
                  logs.resolve(name + "-%a.job%A.log"),
                  workDir,
                  res,
                  res.cpusPerTask(),
                  res.gpus())
              + "#SBATCH --array="
              + arraySpec(indices)
              + (res.maxConcurrent() > 0 ? "%" + res.maxConcurrent() : "")
              + "\n";
      writeScript(
          array,
          header
              + body(
                  "task ${SLURM_ARRAY_TASK_ID:-?} of array job ${SLURM_ARRAY_JOB_ID:-?}",
                  jvm,
                  taskArgs));
    }
    Path after = dir.resolve(afterName + ".sbatch");
    writeScript(
        after,
        header(
                jobName + "-" + afterName,
                logs.resolve(afterName + ".job%j.log"),
                workDir,
                res,
                1,
                0)
            + body(afterName + " job ${SLURM_JOB_ID:-?}", jvm, afterArgs));
    Path submit = dir.resolve("submit.sh");
    String sub =
        "#!/bin/bash\n# Submits "
            + (array == null ? "" : name + ".sbatch and then ")
            + afterName
            + ".sbatch"
            + (array == null ? "" : " (afterok: it runs once every task succeeded)")
            + ".\n"
            + "set -euo pipefail\ncd "
            + Shell.word(dir.toString())
            + "\n"
            + (array == null
                ? "dep=()\n"
                : "array=$(sbatch --parsable "
                    + Shell.word(array.getFileName().toString())
                    + ")\narray=${array%%;*}\n"
                    + "echo \"array job $array\"\ndep=(--dependency=afterok:$array --kill-on-invalid-dep=yes)\n")
            + "after=$(sbatch --parsable \"${dep[@]}\" "
            + Shell.word(after.getFileName().toString())
            + ")\n"
            + "echo \""
            + afterName
            + " job ${after%%;*}\"\n";
    writeScript(submit, sub);
    return new Scripts(dir, array, after, submit, List.copyOf(indices));
  }

  /**
   * Submits the array, then the follow-up depending on it ({@code afterok}).
   *
   * @param sbatch the sbatch binary (e.g. {@code sbatch} on the PATH)
   */
  public static Submission submit(Scripts s, String sbatch, PrintStream log) throws IOException {
    String arrayId = null;
    List<String> afterCmd = new ArrayList<>(List.of(sbatch, "--parsable"));
    if (s.array() != null) {
      arrayId = sbatch(List.of(sbatch, "--parsable", s.array().toString()));
      log.println(
          "submitted "
              + s.array()
              + ": array job "
              + arrayId
              + " ("
              + s.indices().size()
              + " tasks)");
      afterCmd.add("--dependency=afterok:" + arrayId);
      afterCmd.add("--kill-on-invalid-dep=yes");
    }
    afterCmd.add(s.after().toString());
    String afterId = sbatch(afterCmd);
    log.println(
        "submitted "
            + s.after()
            + ": job "
            + afterId
            + (arrayId == null ? "" : " (runs after every task of " + arrayId + " succeeded)"));
    return new Submission(arrayId, afterId);
  }

  /** Compresses ascending indices to Slurm's array syntax, e.g. {@code 0-3,5,7-8}. */
  public static String arraySpec(List<Integer> indices) {
    StringBuilder b = new StringBuilder();
    int i = 0;
    while (i < indices.size()) {
      int j = i;
      while (j + 1 < indices.size() && indices.get(j + 1) == indices.get(j) + 1) {
        j++;
      }
      if (b.length() > 0) {
        b.append(',');
      }
      b.append(indices.get(i));
      if (j > i) {
        b.append('-').append(indices.get(j));
      }
      i = j + 1;
    }
    return b.toString();
  }

  private static String header(
      String jobName, Path log, Path workDir, SlurmResources r, int cpus, int gpus) {
    StringBuilder b = new StringBuilder("#!/bin/bash\n");
    b.append("#SBATCH --job-name=").append(jobName).append('\n');
    b.append("#SBATCH --output=").append(log).append('\n');
    b.append("#SBATCH --chdir=").append(workDir.toAbsolutePath().normalize()).append('\n');
    b.append("#SBATCH --ntasks=1\n");
    b.append("#SBATCH --cpus-per-task=").append(cpus).append('\n');
    if (r.mem() != null) {
      b.append("#SBATCH --mem=").append(r.mem()).append('\n');
    }
    if (r.time() != null) {
      b.append("#SBATCH --time=").append(r.time()).append('\n');
    }
    if (r.partition() != null) {
      b.append("#SBATCH --partition=").append(r.partition()).append('\n');
    }
    if (r.account() != null) {
      b.append("#SBATCH --account=").append(r.account()).append('\n');
    }
    if (gpus > 0) {
      b.append("#SBATCH --gres=gpu:").append(gpus).append('\n');
    }
    return b.toString();
  }

  private static String body(String what, JvmLauncher jvm, List<String> args) {
    List<String> fixed = jvm.jvmOptions();
    return "# Written by the nasrank harness. Size the JVM from the allocation; without cgroups a task still sees\n"
        + "# every CPU of the node, so the processor count is set explicitly.\n"
        + "set -euo pipefail\n"
        + "cpus=\"${SLURM_CPUS_PER_TASK:-1}\"\n"
        + "mem_mb=\"\"\n"
        + "if [ -n \"${SLURM_MEM_PER_NODE:-}\" ]; then mem_mb=\"$SLURM_MEM_PER_NODE\"\n"
        + "elif [ -n \"${SLURM_MEM_PER_CPU:-}\" ]; then mem_mb=$(( SLURM_MEM_PER_CPU * cpus )); fi\n"
        + "heap=()\n"
        + "if [ -n \"$mem_mb\" ]; then heap=(\"-Xmx$(( mem_mb / 2 ))m\"); fi\n"
        + "export OMP_NUM_THREADS=\"$cpus\" OMP_WAIT_POLICY=\"${OMP_WAIT_POLICY:-PASSIVE}\"\n"
        + "export GLIBC_TUNABLES=\"${GLIBC_TUNABLES:-"
        + JvmLauncher.GLIBC_TUNABLES
        + "}\"\n"
        + "echo \""
        + what
        + " on $(hostname): $cpus CPUs, ${mem_mb:-unknown} MB -> ${heap[*]:-default heap}, "
        + "$cpus torch threads\"\n"
        + "# shellcheck disable=SC2086\n"
        + "exec "
        + Shell.word(jvm.java().toString())
        + " -XX:ActiveProcessorCount=\"$cpus\" \"${heap[@]}\" \\\n"
        + "  -Dai.djl.pytorch.num_threads=\"$cpus\" -Dai.djl.pytorch.num_interop_threads=1 "
        + (fixed.isEmpty() ? "" : Shell.words(fixed) + " ")
        + "${NASRANK_JAVA_OPTS:-} \\\n"
        + "  -cp "
        + Shell.word(jvm.classpath())
        + " "
        + JvmLauncher.MAIN
        + " \\\n"
        + "  "
        + Shell.words(args)
        + "\n";
  }

  private static void writeScript(Path file, String text) throws IOException {
    AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  private static String sbatch(List<String> cmd) throws IOException {
    Process p = new ProcessBuilder(cmd).start();
    String out;
    String err;
    try {
      out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException(String.join(" ", cmd) + " did not answer within 120 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for sbatch", e);
    }
    String last = out.isEmpty() ? "" : out.lines().reduce((a, b) -> b).orElse("");
    if (p.exitValue() != 0 || !last.matches("\\d+(;\\S+)?")) {
      throw new IOException(
          String.join(" ", cmd)
              + " failed (exit "
              + p.exitValue()
              + "): "
              + (out + " " + err).strip());
    }
    return last.split(";")[0];
  }
}
