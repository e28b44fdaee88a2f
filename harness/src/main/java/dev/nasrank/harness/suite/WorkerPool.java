package dev.nasrank.harness.suite;

import dev.nasrank.harness.exec.JvmLauncher;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the units of a planned folder in {@code workers} child JVMs at once, each {@code harness
 * suite unit --index I} started by a {@link JvmLauncher} (this JVM's binary and classpath, its own
 * thread settings), logging to {@code DIR/logs/unit-<index>-<id>.log} (appended, so an earlier
 * attempt's log stays). A failed unit does not stop the others; the merge afterwards lists it. When
 * this JVM is stopped (Ctrl-C, SIGTERM) its children are stopped too; after a {@code kill -9} of
 * this JVM they finish their units on their own.
 */
public final class WorkerPool {

  /** Exit status of {@code suite unit} when another worker holds the unit's lock. */
  public static final int EXIT_BUSY = 3;

  /**
   * Units by what happened to them.
   *
   * @param ran finished by a worker now
   * @param skipped finished before
   * @param busy run by another process (lock held)
   * @param failed workers that exited with a failure
   */
  public record Counts(int ran, int skipped, int busy, int failed) {}

  private final int workers;
  private final JvmLauncher launcher;
  private final PrintStream err;
  private final Set<Process> live = ConcurrentHashMap.newKeySet();

  /**
   * @param workers units at once (>= 1)
   * @param launcher how to start a worker JVM
   * @param err progress lines
   */
  public WorkerPool(int workers, JvmLauncher launcher, PrintStream err) {
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be >= 1, got " + workers);
    }
    this.workers = workers;
    this.launcher = launcher;
    this.err = err;
  }

  /** The arguments of the worker that runs unit {@code index} of {@code s.out()}. */
  static List<String> unitArgs(SuiteRunner.Settings s, int index) {
    return List.of(
        "suite",
        "unit",
        "--out",
        s.out().toAbsolutePath().normalize().toString(),
        "--index",
        String.valueOf(index),
        "--data-root",
        s.dataRoot().root().toAbsolutePath().normalize().toString(),
        "--device",
        s.device().name().toLowerCase(java.util.Locale.ROOT),
        "--no-progress");
  }

  /** Runs every unit of {@code plan} not finished yet; returns when all workers have exited. */
  public Counts runAll(SuiteRunner.Settings s, SuitePlan plan) throws IOException {
    List<SuiteUnit> units = plan.units();
    List<Integer> todo = new ArrayList<>();
    int skipped = 0;
    for (int i = 0; i < units.size(); i++) {
      if (UnitRunner.isDone(SuiteRunner.unitDir(s.out(), units.get(i)))) {
        err.printf(
            "unit %d/%d %s: finished earlier, skipped%n", i + 1, units.size(), units.get(i).id());
        skipped++;
      } else {
        todo.add(i);
      }
    }
    Path logs = s.out().resolve("logs");
    Files.createDirectories(logs);
    AtomicInteger ran = new AtomicInteger();
    AtomicInteger busy = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    Thread hook = new Thread(() -> live.forEach(Process::destroy), "suite-workers-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    ExecutorService exec =
        Executors.newFixedThreadPool(Math.min(workers, Math.max(1, todo.size())));
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int index : todo) {
        futures.add(
            exec.submit(
                () -> {
                  int code =
                      runOne(
                          s,
                          units,
                          index,
                          logs.resolve("unit-" + index + "-" + units.get(index).id() + ".log"));
                  (code == 0 ? ran : code == EXIT_BUSY ? busy : failed).incrementAndGet();
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for the workers", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IOException(
          "a worker could not be started: " + e.getCause().getMessage(), e.getCause());
    } finally {
      exec.shutdownNow();
      live.forEach(Process::destroy);
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: the children are being stopped
      }
    }
    return new Counts(ran.get(), skipped, busy.get(), failed.get());
  }

  private int runOne(SuiteRunner.Settings s, List<SuiteUnit> units, int index, Path log)
      throws IOException, InterruptedException {
    String label = String.format("unit %d/%d %s", index + 1, units.size(), units.get(index).id());
    long t0 = System.nanoTime();
    Process p =
        launcher
            .processBuilder(unitArgs(s, index))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    live.add(p);
    err.printf("%s: started in worker pid %d, log %s%n", label, p.pid(), log);
    int code;
    try {
      code = p.waitFor();
    } finally {
      live.remove(p);
      if (p.isAlive()) {
        p.destroy();
        p.waitFor(10, TimeUnit.SECONDS);
      }
    }
    double sec = (System.nanoTime() - t0) / 1e9;
    if (code == 0) {
      err.printf("%s: done in %.0f s%n", label, sec);
    } else if (code == EXIT_BUSY) {
      err.printf("%s: another worker runs it, left to it%n", label);
    } else {
      err.printf(
          "%s: FAILED (worker exit %d after %.0f s); last lines of %s:%n%s",
          label, code, sec, log, tail(log, 8));
    }
    return code;
  }

  private static String tail(Path log, int n) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      StringBuilder b = new StringBuilder();
      for (String l : lines.subList(Math.max(0, lines.size() - n), lines.size())) {
        b.append("    ").append(l).append('\n');
      }
      return b.toString();
    } catch (IOException | RuntimeException e) {
      return "    (unreadable: " + e.getMessage() + ")\n";
    }
  }
}
