package dev.nasrank.harness.suite;

import dev.nasrank.harness.exec.JvmLauncher;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A harness command in a child JVM (one torch thread), its output collected line by line, killable
 * with -9.
 */
final class Child implements AutoCloseable {
  private final Process process;
  private final List<String> lines = new ArrayList<>();
  private final Thread reader;

  private Child(Process process) {
    this.process = process;
    this.reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l = r.readLine(); l != null; l = r.readLine()) {
                  synchronized (lines) {
                    lines.add(l);
                    lines.notifyAll();
                  }
                }
              } catch (IOException e) {
                // the process was killed
              }
            },
            "child-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code harness <args>} in a child JVM. */
  static Child start(List<String> args) throws IOException {
    return new Child(
        JvmLauncher.forWorkers(1, List.of())
            .processBuilder(args)
            .redirectErrorStream(true)
            .start());
  }

  /** Waits until a line matches; false on timeout or when the process ended first. */
  boolean awaitLine(Predicate<String> p, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    int seen = 0;
    synchronized (lines) {
      while (System.nanoTime() < end) {
        for (; seen < lines.size(); seen++) {
          if (p.test(lines.get(seen))) {
            return true;
          }
        }
        if (!process.isAlive() && !reader.isAlive()) {
          return false;
        }
        lines.wait(20);
      }
    }
    return false;
  }

  /** SIGKILL, and wait for the process to be gone; its exit status. */
  int kill9() throws InterruptedException {
    process.destroyForcibly();
    return process.waitFor();
  }

  /** Waits for the exit status. */
  int waitFor(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("timed out; output:\n" + output());
    }
    reader.join(10_000);
    return process.exitValue();
  }

  /** Everything it printed so far. */
  String output() {
    synchronized (lines) {
      return String.join("\n", lines);
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill9();
    }
  }
}
