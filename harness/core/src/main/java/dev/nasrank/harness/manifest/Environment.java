package dev.nasrank.harness.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Where a run ran: JVM, OS, CPU architecture, DJL and engine versions (read from the DJL jars'
 * version resources, without loading the native engine), device and core count, and the thread and
 * allocator settings that decide whether results are bit-reproducible (docs/suite.md,
 * "Bit-reproducibility").
 *
 * @param device e.g. {@code cpu()} or {@code gpu(0)}, as the suite reports it; {@code unknown} if
 *     not given
 * @param threadSettings each of {@link #THREAD_SETTINGS} as set for this JVM ({@code unset} where
 *     it is not set)
 * @param cpuModel the processor's model name ({@code /proc/cpuinfo}; {@code unknown} elsewhere)
 * @param cpuIsa the vector instruction sets among {@link #ISA_FLAGS} the processor has: the
 *     engine's kernels (oneDNN, ATen) pick their code path from them, and results differ between
 *     code paths in the last bits
 */
public record Environment(
    String javaVersion,
    String javaVendor,
    String os,
    String osVersion,
    String arch,
    int cpus,
    String djlVersion,
    String engine,
    String engineVersion,
    String device,
    Map<String, String> threadSettings,
    String cpuModel,
    List<String> cpuIsa) {

  /** The processor flags that select the engine's kernel code paths. */
  public static final List<String> ISA_FLAGS =
      List.of(
          "avx",
          "avx2",
          "fma",
          "avx512f",
          "avx512bw",
          "avx512_vnni",
          "avx512_bf16",
          "avx512_fp16",
          "avx_vnni",
          "amx_tile",
          "amx_bf16",
          "amx_int8",
          "asimd",
          "sve");

  /**
   * The settings recorded in {@link #threadSettings}: DJL's torch intra-op and inter-op thread
   * counts (system properties), the OpenMP, MKL and glibc-allocator environment variables, and the
   * malloc tuning applied at start.
   */
  public static final List<String> THREAD_SETTINGS =
      List.of(
          "ai.djl.pytorch.num_threads",
          "ai.djl.pytorch.num_interop_threads",
          "OMP_NUM_THREADS",
          "OMP_WAIT_POLICY",
          "MKL_NUM_THREADS",
          "GLIBC_TUNABLES",
          "malloc");

  /** Detects everything but the device. */
  public static Environment detect(String device) {
    return new Environment(
        System.getProperty("java.version"),
        System.getProperty("java.vendor"),
        System.getProperty("os.name"),
        System.getProperty("os.version"),
        System.getProperty("os.arch"),
        Runtime.getRuntime().availableProcessors(),
        property("ai/djl/engine/api.properties", "djl_version"),
        "PyTorch",
        property("pytorch-engine.properties", "pytorch_version"),
        device == null ? "unknown" : device,
        currentThreadSettings(),
        processorModel(),
        processorIsa());
  }

  /** This machine's processor model ({@code model name} of /proc/cpuinfo), or {@code unknown}. */
  public static String processorModel() {
    return cpuInfo("model name");
  }

  /** Which of {@link #ISA_FLAGS} this machine's processor has. */
  public static List<String> processorIsa() {
    return isa(cpuInfo("flags") + " " + cpuInfo("Features"));
  }

  /** The first value of a field of /proc/cpuinfo, or {@code unknown}. */
  static String cpuInfo(String field) {
    try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
      return lines
          .filter(l -> l.startsWith(field) && l.indexOf(':') > 0)
          .map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst()
          .orElse("unknown");
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static List<String> isa(String flags) {
    Set<String> have = new HashSet<>(Arrays.asList(flags.trim().split("\\s+")));
    return ISA_FLAGS.stream().filter(have::contains).toList();
  }

  /**
   * The current JVM's values of {@link #THREAD_SETTINGS}: a dotted name is a system property; any
   * other name is the environment variable, or the value the command line set for this process at
   * start (system property {@code nasrank.env.NAME}: the passive OpenMP policy and the malloc
   * tuning that {@code harness} applies unless the user set them).
   */
  public static Map<String, String> currentThreadSettings() {
    Map<String, String> m = new TreeMap<>();
    for (String k : THREAD_SETTINGS) {
      String v = k.contains(".") ? System.getProperty(k) : System.getenv(k);
      if (v == null && !k.contains(".")) {
        v = System.getProperty("nasrank.env." + k);
      }
      m.put(k, v == null ? "unset" : v);
    }
    return m;
  }

  private static String property(String resource, String key) {
    try (InputStream in = Environment.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty(key, "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
