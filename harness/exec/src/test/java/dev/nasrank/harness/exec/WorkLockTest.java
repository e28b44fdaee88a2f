package dev.nasrank.harness.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Locks, temp-file cleanup and the worker JVM's settings (cross-process locking: SuiteProcessTest).
 */
class WorkLockTest {

  @Test
  void oneHolderAtATimeAndTheFileStays(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("a/b/.lock");
    assertEquals(Optional.empty(), WorkLock.holder(f));
    try (WorkLock l = WorkLock.tryAcquire(f).orElseThrow()) {
      assertTrue(WorkLock.tryAcquire(f).isEmpty());
      assertTrue(WorkLock.holder(f).orElseThrow().startsWith("this process"));
      assertTrue(Files.readString(f).startsWith("pid " + ProcessHandle.current().pid() + " on "));
    }
    assertEquals(Optional.empty(), WorkLock.holder(f));
    assertTrue(Files.exists(f));
    try (WorkLock again = WorkLock.tryAcquire(f).orElseThrow()) {
      assertEquals(f.toAbsolutePath().normalize(), again.file());
    }
  }

  @Test
  void removesOnlyAtomicWriteLeftovers(@TempDir Path dir) throws Exception {
    for (String n :
        List.of(".checkpoint.bin.123.tmp", ".done.json.9.tmp", "keep.tmp", ".lock", "a.csv")) {
      Files.writeString(dir.resolve(n), "x");
    }
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("sub/.x.csv.1.tmp"), "x");
    assertEquals(2, TempFiles.removeStale(dir).size());
    assertTrue(Files.exists(dir.resolve("keep.tmp")) && Files.exists(dir.resolve(".lock")));
    assertTrue(Files.exists(dir.resolve("sub/.x.csv.1.tmp")), "subfolders are left alone");
    assertFalse(Files.exists(dir.resolve(".done.json.9.tmp")));
    assertEquals(List.of(), TempFiles.removeStale(dir.resolve("absent")));
  }

  @Test
  void workersGetOneThreadPassiveWaitingAndTheMallocTunablesUnlessTheUserSetThem() {
    JvmLauncher l = JvmLauncher.forWorkers(1, List.of("-Xmx1g"));
    assertTrue(
        l.jvmOptions()
            .containsAll(
                List.of(
                    "-XX:ActiveProcessorCount=1",
                    "-Dai.djl.pytorch.num_threads=1",
                    "-Dai.djl.pytorch.num_interop_threads=1")),
        l.jvmOptions().toString());
    assertEquals("-Xmx1g", l.jvmOptions().get(l.jvmOptions().size() - 1));
    assertTrue(l.java().isAbsolute());
    assertTrue(l.command(List.of("suite")).contains(JvmLauncher.MAIN));
    assertEquals(
        Map.of(
            "OMP_NUM_THREADS",
            "1",
            "OMP_WAIT_POLICY",
            "PASSIVE",
            "GLIBC_TUNABLES",
            JvmLauncher.GLIBC_TUNABLES),
        JvmLauncher.environmentFor(1, Map.of()));
    assertEquals(
        "ACTIVE",
        JvmLauncher.environmentFor(2, Map.of("OMP_WAIT_POLICY", "ACTIVE")).get("OMP_WAIT_POLICY"));
    assertEquals(
        "glibc.malloc.arena_max=2",
        JvmLauncher.environmentFor(2, Map.of("GLIBC_TUNABLES", "glibc.malloc.arena_max=2"))
            .get("GLIBC_TUNABLES"));
  }
}
