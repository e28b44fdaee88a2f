package dev.nasrank.harness.suite;

import java.io.OutputStream;
import java.io.PrintStream;

/** Prefixes every line written through it (so the trainer's epoch lines name their unit). */
final class PrefixedStream extends PrintStream {
  PrefixedStream(PrintStream target, String prefix) {
    super(
        new OutputStream() {
          private boolean lineStart = true;

          @Override
          public void write(int b) {
            if (lineStart) {
              target.print(prefix);
              lineStart = false;
            }
            target.write(b);
            if (b == '\n') {
              lineStart = true;
              target.flush();
            }
          }
        },
        true);
  }
}
