package dev.nasrank.harness.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nasrank.harness.supernet.S4SupernetConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bit-reproducibility under the settings docs/suite.md recommends (one torch intra-op and inter-op
 * thread, passive OpenMP waiting): two JVMs started at the same time train every BN strategy and
 * SPOS with the same seed ({@link DeterminismProbe}), and each pair of checkpoints must be
 * byte-identical. The two processes compete for the cores, so timing differences between them are
 * as large as this machine makes them.
 */
class ConcurrentDeterminismTest {

  private static Process start(Path out, Path log) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
            java,
            "-Dai.djl.offline=true",
            "-Dai.djl.pytorch.num_threads=1",
            "-Dai.djl.pytorch.num_interop_threads=1",
            "-Xmx1g",
            "-cp",
            System.getProperty("java.class.path"),
            DeterminismProbe.class.getName(),
            out.toString());
    pb.environment().put("OMP_WAIT_POLICY", "PASSIVE");
    pb.redirectErrorStream(true).redirectOutput(log.toFile());
    return pb.start();
  }

  @Test
  void twoConcurrentProcessesTrainIdenticalCheckpointsForEveryStrategyAndSpos(@TempDir Path dir)
      throws IOException, InterruptedException {
    List<Process> ps = new ArrayList<>();
    for (String r : List.of("a", "b")) {
      ps.add(start(dir.resolve(r), dir.resolve(r + ".log")));
    }
    for (int i = 0; i < ps.size(); i++) {
      Process p = ps.get(i);
      boolean finished = p.waitFor(10, TimeUnit.MINUTES);
      if (!finished) {
        ps.forEach(Process::destroyForcibly);
      }
      String log = Files.readString(dir.resolve((i == 0 ? "a" : "b") + ".log"));
      assertTrue(finished, "probe " + i + " did not finish in 10 minutes:\n" + log);
      assertEquals(0, p.exitValue(), "probe " + i + " failed:\n" + log);
    }
    List<S4SupernetConfig> settings = DeterminismProbe.settings();
    for (int i = 0; i < settings.size(); i++) {
      Path a = dir.resolve("a").resolve(String.valueOf(i)).resolve(Checkpoint.FILE_NAME);
      Path b = dir.resolve("b").resolve(String.valueOf(i)).resolve(Checkpoint.FILE_NAME);
      assertEquals(8, Checkpoint.readHeader(a).globalStep(), settings.get(i).toString());
      assertArrayEquals(
          Files.readAllBytes(a),
          Files.readAllBytes(b),
          settings.get(i) + ": the two concurrent runs wrote different checkpoints");
    }
  }
}
