package dev.nasrank.harness.train;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * Told how a training run advances, epoch by epoch and step by step: a progress bar on stderr
 * ({@link #console()}), nothing ({@link #NONE}), or a caller's own (a library user, a test).
 */
@FunctionalInterface
public interface TrainProgress {

  /** Reports nothing. */
  TrainProgress NONE = (epoch, epochs, steps) -> Epoch.NONE;

  /**
   * An epoch starts.
   *
   * @param epoch zero-based epoch
   * @param epochs epochs of the schedule
   * @param steps steps this epoch will take
   * @return what the epoch's steps report to; closed when the epoch ends, also on failure
   */
  Epoch epoch(int epoch, int epochs, int steps);

  /** The progress of one epoch. */
  interface Epoch extends AutoCloseable {

    /** Reports nothing. */
    Epoch NONE = (done, meanLoss) -> {};

    /**
     * A step finished.
     *
     * @param done steps done this epoch
     * @param meanLoss mean loss of those steps
     */
    void step(int done, double meanLoss);

    @Override
    default void close() {}
  }

  /** A progress bar per epoch on stderr, with the running mean loss, redrawn every 0.5 s. */
  static TrainProgress console() {
    return (epoch, epochs, steps) -> {
      ProgressBar bar =
          new ProgressBarBuilder()
              .setTaskName("epoch " + (epoch + 1) + "/" + epochs)
              .setInitialMax(steps)
              .setConsumer(new ConsoleProgressBarConsumer(System.err))
              .setUpdateIntervalMillis(500)
              .build();
      return new Epoch() {
        @Override
        public void step(int done, double meanLoss) {
          bar.step();
          bar.setExtraMessage(String.format(" loss %.3f", meanLoss));
        }

        @Override
        public void close() {
          bar.close();
        }
      };
    };
  }
}
