package dev.nasrank.harness.exec;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts the harness in a child JVM: the same {@code java} binary and classpath as this JVM, the
 * {@code -Dai.djl.*} and {@code -Dnasrank.*} options this JVM was started with, and thread settings
 * of its own: {@code threads} torch threads ({@code -Dai.djl.pytorch.num_threads}), one inter-op
 * thread, {@code -XX:ActiveProcessorCount} and {@code OMP_NUM_THREADS}, passive OpenMP waiting and
 * the glibc malloc tunables that keep evaluation free of a page-fault storm ({@link
 * #GLIBC_TUNABLES}). A variable the user already set in this process's environment ({@code
 * OMP_WAIT_POLICY}, {@code GLIBC_TUNABLES}) is kept; extra JVM options come last, so they override.
 *
 * @param java the java binary
 * @param classpath absolute classpath
 * @param jvmOptions options before the main class
 * @param environment variables set in the child (on top of this process's environment)
 */
public record JvmLauncher(
    Path java, String classpath, List<String> jvmOptions, Map<String, String> environment) {

  /** The CLI's main class. */
  public static final String MAIN = "dev.nasrank.harness.cli.Main";

  /**
   * Default glibc malloc settings of child JVMs (a large mmap threshold and top pad, no trimming).
   */
  public static final String GLIBC_TUNABLES =
      "glibc.malloc.mmap_threshold=33554432:"
          + "glibc.malloc.trim_threshold=4294967296:glibc.malloc.top_pad=268435456";

  /** Copies the lists. */
  public JvmLauncher {
    jvmOptions = List.copyOf(jvmOptions);
    environment = Map.copyOf(environment);
  }

  /**
   * A launcher for worker JVMs like this one.
   *
   * @param threads torch threads, processors and OpenMP threads of each child (>= 1)
   * @param extraOptions JVM options appended last (e.g. {@code -Xmx2g}); they win over the defaults
   */
  public static JvmLauncher forWorkers(int threads, List<String> extraOptions) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads per worker must be >= 1, got " + threads);
    }
    List<String> opts = new ArrayList<>(forwardedProperties());
    opts.add("-XX:ActiveProcessorCount=" + threads);
    opts.add("-Dai.djl.pytorch.num_threads=" + threads);
    opts.add("-Dai.djl.pytorch.num_interop_threads=1");
    opts.addAll(extraOptions);
    return new JvmLauncher(
        currentJava(), currentClasspath(), opts, environmentFor(threads, System.getenv()));
  }

  /**
   * A launcher for scripts that size the JVM themselves (Slurm tasks): this JVM's binary, classpath
   * and forwarded options, then {@code extraOptions}; no thread options and no environment.
   */
  public static JvmLauncher forScripts(List<String> extraOptions) {
    List<String> opts = new ArrayList<>(forwardedProperties());
    opts.addAll(extraOptions);
    return new JvmLauncher(currentJava(), currentClasspath(), opts, Map.of());
  }

  /** The java binary of this JVM (its process's command, else {@code java.home/bin/java}). */
  public static Path currentJava() {
    return ProcessHandle.current()
        .info()
        .command()
        .map(Path::of)
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java"));
  }

  /** This JVM's classpath with every entry made absolute (a child may start in another folder). */
  public static String currentClasspath() {
    List<String> parts = new ArrayList<>();
    for (String p : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!p.isEmpty()) {
        parts.add(Path.of(p).toAbsolutePath().normalize().toString());
      }
    }
    return String.join(File.pathSeparator, parts);
  }

  /**
   * The {@code -Dai.djl.*} and {@code -Dnasrank.*} options this JVM was started with, except the
   * two torch thread counts (a child gets its own).
   */
  public static List<String> forwardedProperties() {
    List<String> out = new ArrayList<>();
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if ((a.startsWith("-Dai.djl.") || a.startsWith("-Dnasrank."))
          && !a.startsWith("-Dai.djl.pytorch.num_threads=")
          && !a.startsWith("-Dai.djl.pytorch.num_interop_threads=")) {
        out.add(a);
      }
    }
    return out;
  }

  /**
   * The child environment for {@code threads} threads, keeping what the user set in {@code
   * current}.
   */
  static Map<String, String> environmentFor(int threads, Map<String, String> current) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("OMP_NUM_THREADS", String.valueOf(threads));
    env.put("OMP_WAIT_POLICY", current.getOrDefault("OMP_WAIT_POLICY", "PASSIVE"));
    env.put("GLIBC_TUNABLES", current.getOrDefault("GLIBC_TUNABLES", GLIBC_TUNABLES));
    return env;
  }

  /** The full command line: java, options, classpath, main class, {@code args}. */
  public List<String> command(List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(java.toString());
    cmd.addAll(jvmOptions);
    cmd.add("-cp");
    cmd.add(classpath);
    cmd.add(MAIN);
    cmd.addAll(args);
    return cmd;
  }

  /** A process builder for {@code args}, with {@link #environment()} set. */
  public ProcessBuilder processBuilder(List<String> args) {
    ProcessBuilder pb = new ProcessBuilder(command(args));
    pb.environment().putAll(environment);
    return pb;
  }
}
