package dev.nasrank.harness.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slurm scripts: array syntax, quoting, JVM sizing from the allocation, submission with a stand-in
 * sbatch.
 */
class SlurmJobTest {

  private static final SlurmResources RES =
      new SlurmResources("debug", "01:00:00", 2, "4G", 0, null, 3);
  private static final JvmLauncher JVM =
      new JvmLauncher(
          Path.of("/opt/java dir/bin/java"),
          "/a.jar:/b c.jar",
          List.of("-Dai.djl.offline=true"),
          Map.of());

  @Test
  void arraySpecCompressesRuns() {
    assertEquals("0-5", SlurmJob.arraySpec(List.of(0, 1, 2, 3, 4, 5)));
    assertEquals("1,3-4,9", SlurmJob.arraySpec(List.of(1, 3, 4, 9)));
    assertEquals("7", SlurmJob.arraySpec(List.of(7)));
  }

  @Test
  void quotesWordsAndExpandsTheTaskId() {
    assertEquals("'it'\\''s'", Shell.word("it's"));
    assertEquals("\"$SLURM_ARRAY_TASK_ID\"'/4'", Shell.word(Shell.TASK_ID + "/4"));
    assertEquals("\"$SLURM_ARRAY_TASK_ID\"", Shell.word(Shell.TASK_ID));
    assertEquals("''", Shell.word(""));
  }

  @Test
  void writesArrayFollowUpAndSubmitScripts(@TempDir Path dir) throws Exception {
    SlurmJob.Scripts s =
        SlurmJob.write(
            dir.resolve("slurm"),
            "nasrank-x",
            "units",
            List.of(0, 1, 2, 4),
            List.of("suite", "unit", "--out", "/runs/my run", "--index", Shell.TASK_ID),
            "merge",
            List.of("suite", "merge", "--out", "/runs/my run"),
            RES,
            JVM,
            dir);
    String array = Files.readString(s.array());
    assertTrue(array.contains("#SBATCH --array=0-2,4%3\n"), array);
    assertTrue(
        array.contains(
            "#SBATCH --cpus-per-task=2\n#SBATCH --mem=4G\n#SBATCH --time=01:00:00\n"
                + "#SBATCH --partition=debug\n"),
        array);
    assertTrue(
        array.contains("#SBATCH --output=" + dir.resolve("slurm/logs/units-%a.job%A.log")), array);
    assertTrue(
        array.contains("'suite' 'unit' '--out' '/runs/my run' '--index' \"$SLURM_ARRAY_TASK_ID\""),
        array);
    assertTrue(
        array.contains("exec '/opt/java dir/bin/java' -XX:ActiveProcessorCount=\"$cpus\""), array);
    assertTrue(array.contains("-cp '/a.jar:/b c.jar' dev.nasrank.harness.cli.Main"), array);
    String merge = Files.readString(s.after());
    assertTrue(merge.contains("#SBATCH --cpus-per-task=1\n"), merge);
    assertTrue(!merge.contains("--array"), merge);
    for (Path p : List.of(s.array(), s.after(), s.submit())) {
      Process bash =
          new ProcessBuilder("bash", "-n", p.toString()).redirectErrorStream(true).start();
      assertEquals(0, bash.waitFor(), p + ": " + new String(bash.getInputStream().readAllBytes()));
    }
  }

  @Test
  void taskSizesItsJvmFromTheAllocation(@TempDir Path dir) throws Exception {
    Path fakeJava =
        script(
            dir.resolve("java"),
            "#!/bin/bash\necho \"ARGS $*\"\necho \"ENV $OMP_NUM_THREADS "
                + "$OMP_WAIT_POLICY ${GLIBC_TUNABLES:0:30}\"\n");
    JvmLauncher jvm = new JvmLauncher(fakeJava, "/a.jar", List.of(), Map.of());
    SlurmJob.Scripts s =
        SlurmJob.write(
            dir.resolve("slurm"),
            "j",
            "units",
            List.of(0),
            List.of("x", Shell.TASK_ID),
            "merge",
            List.of("y"),
            RES,
            jvm,
            dir);
    ProcessBuilder pb = new ProcessBuilder("bash", s.array().toString()).redirectErrorStream(true);
    pb.environment().remove("OMP_WAIT_POLICY");
    pb.environment().remove("GLIBC_TUNABLES");
    pb.environment()
        .putAll(
            Map.of(
                "SLURM_ARRAY_TASK_ID",
                "4",
                "SLURM_ARRAY_JOB_ID",
                "77",
                "SLURM_CPUS_PER_TASK",
                "2",
                "SLURM_MEM_PER_CPU",
                "1500",
                "NASRANK_JAVA_OPTS",
                "-Dmy.opt=1"));
    pb.environment().remove("SLURM_MEM_PER_NODE");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    assertTrue(out.contains("task 4 of array job 77"), out);
    assertTrue(out.contains("2 CPUs, 3000 MB -> -Xmx1500m, 2 torch threads"), out);
    assertTrue(
        out.contains(
            "ARGS -XX:ActiveProcessorCount=2 -Xmx1500m -Dai.djl.pytorch.num_threads=2 "
                + "-Dai.djl.pytorch.num_interop_threads=1 -Dmy.opt=1 -cp /a.jar dev.nasrank.harness.cli.Main x 4"),
        out);
    assertTrue(out.contains("ENV 2 PASSIVE glibc.malloc.mmap_threshold=33"), out);
  }

  @Test
  void submitsTheArrayThenTheFollowUpWithAfterok(@TempDir Path dir) throws Exception {
    Path calls = dir.resolve("calls.txt");
    Path sbatch =
        script(
            dir.resolve("sbatch"),
            "#!/bin/bash\necho \"$*\" >> '"
                + calls
                + "'\n"
                + "n=$(wc -l < '"
                + calls
                + "')\necho \"sbatch: warning: a note\" >&2\necho \"$((100 + n));cluster\"\n");
    SlurmJob.Scripts s =
        SlurmJob.write(
            dir.resolve("slurm"),
            "j",
            "units",
            List.of(0, 1),
            List.of("x"),
            "merge",
            List.of("y"),
            RES,
            JVM,
            dir);
    SlurmJob.Submission sub =
        SlurmJob.submit(s, sbatch.toString(), new PrintStream(new ByteArrayOutputStream()));
    assertEquals("101", sub.arrayJobId());
    assertEquals("102", sub.afterJobId());
    List<String> lines = Files.readAllLines(calls);
    assertEquals("--parsable " + s.array(), lines.get(0));
    assertEquals(
        "--parsable --dependency=afterok:101 --kill-on-invalid-dep=yes " + s.after(), lines.get(1));

    SlurmJob.Scripts none =
        SlurmJob.write(
            dir.resolve("slurm2"),
            "j",
            "units",
            List.of(),
            List.of("x"),
            "merge",
            List.of("y"),
            RES,
            JVM,
            dir);
    assertNull(none.array());
    SlurmJob.Submission only =
        SlurmJob.submit(none, sbatch.toString(), new PrintStream(new ByteArrayOutputStream()));
    assertNull(only.arrayJobId());
    assertEquals("--parsable " + none.after(), Files.readAllLines(calls).get(2));

    Path failing =
        script(
            dir.resolve("bad-sbatch"),
            "#!/bin/bash\necho 'sbatch: error: invalid partition' >&2\n" + "exit 1\n");
    java.io.IOException e =
        assertThrows(
            java.io.IOException.class,
            () ->
                SlurmJob.submit(
                    s, failing.toString(), new PrintStream(new ByteArrayOutputStream())));
    assertTrue(e.getMessage().contains("invalid partition"), e.getMessage());
  }

  @Test
  void refusesValuesThatWouldBreakTheScript() {
    assertThrows(
        IllegalArgumentException.class, () -> new SlurmResources("a b", null, 1, null, 0, null, 0));
    assertThrows(
        IllegalArgumentException.class, () -> new SlurmResources(null, null, 0, null, 0, null, 0));
  }

  private static Path script(Path file, String text) throws Exception {
    Files.writeString(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }
}
