package dev.nasrank.harness.cli;

import dev.nasrank.benchbridge.ModelSpec;
import dev.nasrank.harness.groundtruth.GroundTruthGenerator;
import dev.nasrank.harness.groundtruth.UnitResult;
import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;

/** Progress bar updates; units and ETA in the bar's extra message. */
record GroundTruthProgress(ProgressBar bar, PrintWriter err, int stepsPerUnit, int[] count)
    implements GroundTruthGenerator.Listener {
  @Override
  public void unitStarted(ModelSpec s, int repeat, int index, int todo) {
    if (bar != null) {
      bar.setExtraMessage(
          String.format(
              Locale.ROOT,
              " unit %d/%d %s r%d",
              index + 1,
              todo,
              s.hash().substring(0, 8),
              repeat));
      bar.stepTo((long) index * stepsPerUnit);
    }
  }

  @Override
  public void step(int done, int total) {
    if (bar != null && done % 4 == 0) {
      bar.stepBy(4);
    }
  }

  @Override
  public void unitFinished(UnitResult r, int index, int todo) {
    count[0]++;
    if (bar != null) {
      bar.stepTo((long) (index + 1) * stepsPerUnit);
    } else {
      err.printf(
          Locale.ROOT,
          "unit %d/%d %s r%d val %.4f test %.4f %.0fs%n",
          index + 1,
          todo,
          r.hash(),
          r.repeat(),
          r.last().validationAccuracy(),
          r.last().testAccuracy(),
          r.totalTimeSeconds());
      err.flush();
    }
  }
}
