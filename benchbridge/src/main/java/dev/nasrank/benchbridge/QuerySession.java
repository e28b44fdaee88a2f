package dev.nasrank.benchbridge;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Benchmark-style access to a {@link GroundTruthSource}, as the reference {@code api.query}: each
 * query samples ONE repeat uniformly with a seeded generator and charges its training time and its
 * epochs (epochs / 2 when stopped halfway) to this session's budget counters. Use the source's
 * mean-over-repeats methods, not this, as ranking ground truth. Not thread-safe: one session per
 * searching thread.
 */
public final class QuerySession {
  private final GroundTruthSource source;
  private final SplittableRandom random;
  private double trainingTimeSpent;
  private long epochsSpent;
  private long queries;

  QuerySession(GroundTruthSource source, long seed) {
    this.source = source;
    this.random = new SplittableRandom(seed);
  }

  /**
   * Queries one sampled repeat of {@code spec} at {@code epochs}.
   *
   * @param halfway return the evaluation at epochs / 2 and charge only epochs / 2
   * @throws IllegalArgumentException for an invalid spec or a budget the source does not have
   * @throws java.util.NoSuchElementException if the cell is not in the source
   */
  public QueryResult query(ModelSpec spec, int epochs, boolean halfway) {
    if (!spec.isValid()) {
      throw new IllegalArgumentException(
          "invalid spec (input cannot reach output) is not in NAS-Bench-101");
    }
    return query(spec.hash(), spec, epochs, halfway);
  }

  /** As {@link #query(ModelSpec, int, boolean)} by module hash. */
  public QueryResult query(String hash, int epochs, boolean halfway) {
    return query(
        hash,
        source.hasSpecs() && source.contains(hash) ? source.spec(hash) : null,
        epochs,
        halfway);
  }

  private QueryResult query(String hash, ModelSpec spec, int epochs, boolean halfway) {
    if (Arrays.stream(source.epochBudgets()).noneMatch(e -> e == epochs)) {
      throw new IllegalArgumentException(
          "epochs "
              + epochs
              + " is not a budget of "
              + source.name()
              + " (have "
              + Arrays.toString(source.epochBudgets())
              + ")");
    }
    if (!source.contains(hash)) {
      throw new java.util.NoSuchElementException(source.name() + ": unknown module hash " + hash);
    }
    int r = source.repeats(hash, epochs);
    if (r == 0) {
      throw new java.util.NoSuchElementException(
          source.name() + ": no runs of " + hash + " at " + epochs + " epochs");
    }
    if (halfway && !source.hasHalfway()) {
      throw source.missingField("halfway evaluations");
    }
    int repeat = random.nextInt(r);
    double[] v = new double[4];
    Metric[] ms = Metric.values();
    for (int k = 0; k < 4; k++) {
      try {
        v[k] =
            halfway
                ? source.halfwayMetric(hash, epochs, repeat, ms[k])
                : source.finalMetric(hash, epochs, repeat, ms[k]);
      } catch (UnsupportedOperationException e) {
        v[k] = Double.NaN;
      }
    }
    if (!Double.isNaN(v[0])) {
      trainingTimeSpent += v[0];
    }
    epochsSpent += halfway ? epochs / 2 : epochs;
    queries++;
    return new QueryResult(
        source.name(),
        spec,
        hash,
        epochs,
        halfway,
        repeat,
        source.trainableParameters(hash),
        v[0],
        v[1],
        v[2],
        v[3]);
  }

  /** Seconds of training charged so far (sum of the sampled runs' training times). */
  public double trainingTimeSpent() {
    return trainingTimeSpent;
  }

  /** Epochs charged so far. */
  public long epochsSpent() {
    return epochsSpent;
  }

  /** Queries answered so far. */
  public long queries() {
    return queries;
  }

  /** Sets the budget counters back to zero (the generator is not reseeded). */
  public void resetBudget() {
    trainingTimeSpent = 0;
    epochsSpent = 0;
    queries = 0;
  }
}
