package dev.nasrank.harness.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Adapts picocli's output {@link PrintWriter} to an {@link OutputStream} (UTF-8) for library log
 * streams.
 */
final class WriterOutputStream extends OutputStream {

  private final PrintWriter writer;
  private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

  WriterOutputStream(PrintWriter writer) {
    this.writer = writer;
  }

  /** An auto-flushing UTF-8 {@link java.io.PrintStream} onto picocli's {@code writer}. */
  static java.io.PrintStream printStream(PrintWriter writer) {
    return new java.io.PrintStream(new WriterOutputStream(writer), true, StandardCharsets.UTF_8);
  }

  @Override
  public void write(int b) {
    line.write(b);
    if (b == '\n') {
      flush();
    }
  }

  @Override
  public void flush() {
    writer.print(line.toString(StandardCharsets.UTF_8));
    writer.flush();
    line.reset();
  }
}
