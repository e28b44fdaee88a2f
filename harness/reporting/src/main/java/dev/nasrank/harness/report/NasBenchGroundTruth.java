package dev.nasrank.harness.report;

import dev.nasrank.benchbridge.GroundTruthSource;
import dev.nasrank.benchbridge.Metric;
import dev.nasrank.benchbridge.NasBench;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;

/**
 * The reporter's {@link GroundTruth} over NAS-Bench-101 data ({@link NasBench} or any {@link
 * GroundTruthSource}) at one epoch budget: per repeat, the final validation and test accuracies
 * (fractions in [0,1]).
 */
public final class NasBenchGroundTruth implements GroundTruth {
  private final GroundTruthSource source;
  private final int epochs;

  private NasBenchGroundTruth(GroundTruthSource source, int epochs) {
    this.source = source;
    this.epochs = epochs;
  }

  /** Wraps a source at a budget it records (108 for nasbench_only108). */
  public static NasBenchGroundTruth of(GroundTruthSource source, int epochs) {
    boolean known = false;
    for (int e : source.epochBudgets()) {
      known |= e == epochs;
    }
    if (!known) {
      throw new IllegalArgumentException(
          source.name()
              + " has no "
              + epochs
              + "-epoch budget (it has "
              + java.util.Arrays.toString(source.epochBudgets())
              + ")");
    }
    return new NasBenchGroundTruth(source, epochs);
  }

  /** Opens a NAS-Bench-101 TFRecord file or cache ({@link NasBench#open}). */
  public static NasBenchGroundTruth open(Path file, int epochs) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("missing ground-truth file " + file);
    }
    try {
      return of(NasBench.open(file), epochs);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String description() {
    String d = "NAS-Bench-101 " + source.name() + ", " + epochs + " epochs";
    // a partial dump holds one repeat per cell: every table that names the ground truth says so
    return source instanceof dev.nasrank.benchbridge.io.PartialDump
        ? d + ", " + GroundTruthLabel.ONE_REPEAT + dumpSuffix()
        : d;
  }

  private String dumpSuffix() {
    String name = GroundTruthLabel.dumpName(source.name());
    return name == null ? "" : " (" + name + ")";
  }

  @Override
  public int epochs() {
    return epochs;
  }

  @Override
  public boolean contains(String moduleHash) {
    return source.contains(moduleHash) && source.repeats(moduleHash, epochs) > 0;
  }

  @Override
  public int repeats(String moduleHash) {
    return source.repeats(moduleHash, epochs);
  }

  @Override
  public double validationAccuracy(String moduleHash, int repeat) {
    return source.finalMetric(moduleHash, epochs, repeat, Metric.VALIDATION_ACCURACY);
  }

  @Override
  public OptionalDouble testAccuracy(String moduleHash, int repeat) {
    return source.has(Metric.TEST_ACCURACY, epochs)
        ? OptionalDouble.of(source.finalMetric(moduleHash, epochs, repeat, Metric.TEST_ACCURACY))
        : OptionalDouble.empty();
  }
}
