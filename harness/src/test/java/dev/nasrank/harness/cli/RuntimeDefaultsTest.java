package dev.nasrank.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The start-up defaults, each checked in a fresh JVM: applied when unset, left alone when the user
 * set them.
 */
class RuntimeDefaultsTest {

  private static String probe(Map<String, String> env, String... jvmFlags)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new java.util.ArrayList<>(List.of(java));
    cmd.addAll(List.of(jvmFlags));
    cmd.addAll(
        List.of(
            "-cp", System.getProperty("java.class.path"), RuntimeDefaultsProbe.class.getName()));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().remove("OMP_WAIT_POLICY");
    pb.environment().remove("GLIBC_TUNABLES");
    pb.environment().remove(RuntimeDefaults.MALLOC_SWITCH);
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    return out;
  }

  @Test
  void unsetSettingsGetTheRecommendedValuesAndRunJsonSeesThem() throws Exception {
    String out = probe(Map.of());
    assertTrue(out.contains("C getenv OMP_WAIT_POLICY=PASSIVE"), out);
    assertTrue(out.contains("ai.djl.pytorch.num_threads=1"), out);
    assertTrue(out.contains("ai.djl.pytorch.num_interop_threads=1"), out);
    assertTrue(out.contains("OMP_WAIT_POLICY=PASSIVE"), out);
    assertTrue(
        out.contains(
            "malloc=mallopt mmap_threshold=33554432 trim_threshold=2147483647 top_pad=268435456"),
        out);
  }

  @Test
  void whatTheUserSetStays() throws Exception {
    String out =
        probe(
            Map.of("OMP_WAIT_POLICY", "ACTIVE", RuntimeDefaults.MALLOC_SWITCH, "default"),
            "-Dai.djl.pytorch.num_threads=2");
    assertTrue(out.contains("C getenv OMP_WAIT_POLICY=ACTIVE"), out);
    assertTrue(out.contains("ai.djl.pytorch.num_threads=2"), out);
    assertTrue(out.contains("malloc=unset"), out);
    assertTrue(
        out.contains("applied [ai.djl.pytorch.num_interop_threads=1, ai.djl.offline=true]"), out);
  }
}
