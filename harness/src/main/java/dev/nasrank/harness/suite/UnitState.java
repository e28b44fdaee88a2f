package dev.nasrank.harness.suite;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nasrank.harness.eval.OneShotRun;
import dev.nasrank.harness.exec.WorkLock;
import dev.nasrank.harness.train.Checkpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Where one unit of a planned folder stands, read from its folder without changing it.
 *
 * @param index the unit's index in the plan
 * @param unit the unit
 * @param status what its folder shows
 * @param detail the failure message, the lock holder, or the training progress (empty when there is
 *     nothing to say)
 */
public record UnitState(int index, SuiteUnit unit, Status status, String detail) {

  /** What a unit folder shows. */
  public enum Status {
    /** {@value UnitRunner#DONE} and the unit's candidates exist. */
    DONE,
    /** A worker holds the unit's lock now. */
    RUNNING,
    /** The last attempt threw ({@value UnitRunner#FAILED} holds the message). */
    FAILED,
    /** Work was started but did not finish (killed, timed out, node lost); a rerun resumes it. */
    INTERRUPTED,
    /** Nothing was started. */
    MISSING;

    /** Lower-case name for messages. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Reads the state of unit {@code index} of the folder {@code out}. */
  public static UnitState of(Path out, int index, SuiteUnit unit) throws IOException {
    Path dir = SuiteRunner.unitDir(out, unit);
    if (UnitRunner.isDone(dir)) {
      return new UnitState(index, unit, Status.DONE, "");
    }
    Optional<String> holder = WorkLock.holder(dir.resolve(UnitRunner.LOCK));
    if (holder.isPresent()) {
      return new UnitState(index, unit, Status.RUNNING, holder.get());
    }
    Path failed = dir.resolve(UnitRunner.FAILED);
    if (Files.isRegularFile(failed)) {
      String msg;
      try {
        msg = new ObjectMapper().readTree(failed.toFile()).path("error").asText("(no message)");
      } catch (IOException e) {
        msg = "(" + failed + " is unreadable)";
      }
      return new UnitState(index, unit, Status.FAILED, msg);
    }
    Path ckpt = dir.resolve(Checkpoint.FILE_NAME);
    if (Files.isRegularFile(ckpt)) {
      String progress;
      try {
        progress =
            "checkpoint after epoch "
                + Checkpoint.readHeader(ckpt).epochsCompleted()
                + (Files.isRegularFile(dir.resolve(OneShotRun.CANDIDATES_CSV))
                    ? ", evaluated"
                    : "");
      } catch (IOException e) {
        progress = "unreadable checkpoint: " + e.getMessage();
      }
      return new UnitState(index, unit, Status.INTERRUPTED, progress);
    }
    if (Files.isDirectory(dir)) {
      return new UnitState(index, unit, Status.INTERRUPTED, "no checkpoint yet");
    }
    return new UnitState(index, unit, Status.MISSING, "");
  }

  /** One line: {@code <index> <unit id> <status>[: detail]}. */
  public String line() {
    return String.format(
        Locale.ROOT,
        "%3d %-32s %s%s",
        index,
        unit.id(),
        status.label(),
        detail.isEmpty() ? "" : ": " + detail);
  }
}
