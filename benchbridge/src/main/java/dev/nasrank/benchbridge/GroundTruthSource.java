package dev.nasrank.benchbridge;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * NAS-Bench-101 ground truth keyed by module hash: the full data ({@link NasBench}) or a partial
 * dump ({@link dev.nasrank.benchbridge.io.PartialDump}), behind one interface.
 *
 * <p>Two ways to read it, as in the reference {@code api.py}:
 *
 * <ul>
 *   <li>analysis, no budget: {@link #metrics(String)}, {@link #finalEvaluation}, and the <em>mean
 *       over repeats</em> ({@link #meanFinalValidationAccuracy}, {@link #meanFinalTestAccuracy}),
 *       the ground truth the papers report and the one a ranking should use;
 *   <li>benchmarking a search: {@link #session(long)} gives a seeded {@link QuerySession} whose
 *       {@code query} samples ONE repeat uniformly and charges training time and epochs to a
 *       budget.
 * </ul>
 *
 * <p>Accuracies are fractions in [0,1]; times are seconds. A source that lacks a field (a dump with
 * no test accuracy, no halfway evaluation, no specs) throws {@link UnsupportedOperationException}
 * naming the source and the field; {@link #has(Metric, int)}, {@link #hasHalfway()} and {@link
 * #hasSpecs()} tell in advance.
 */
public interface GroundTruthSource {

  /** A short name of the source used in messages, e.g. the file name. */
  String name();

  /** Number of unique cells. */
  int size();

  /** The module hashes of all cells, ascending. */
  Stream<String> hashes();

  /** True if the source has data for this hash. */
  boolean contains(String hash);

  /** True if {@link #spec(String)} can answer (the 20k dump alone cannot). */
  boolean hasSpecs();

  /**
   * The pruned cell of a hash.
   *
   * @throws NoSuchElementException if the hash is unknown
   * @throws UnsupportedOperationException if the source holds no specs
   */
  ModelSpec spec(String hash);

  /**
   * Trainable parameters and FLOPs of the cell's NAS-Bench-101 network (C = 128, 3 stacks x 3
   * cells, 32x32 input), computed from {@link #spec} (the stored vertex order); see {@link
   * NetworkCost}.
   *
   * @throws NoSuchElementException if the hash is unknown
   * @throws UnsupportedOperationException if the source holds no specs
   */
  default NetworkCost cost(String hash) {
    return NetworkCost.of(spec(hash));
  }

  /** The epoch budgets with data, ascending (4, 12, 36, 108 for the full file). */
  int[] epochBudgets();

  /** Number of repeats (training runs) recorded for a cell at a budget; 0 when none. */
  int repeats(String hash, int epochs);

  /** True if halfway evaluations are recorded. */
  boolean hasHalfway();

  /** True if the final evaluation's {@code metric} is recorded at {@code epochs}. */
  boolean has(Metric metric, int epochs);

  /**
   * One metric of the final evaluation of one repeat.
   *
   * @throws NoSuchElementException for an unknown hash, budget or repeat
   * @throws UnsupportedOperationException if the source lacks the field
   */
  double finalMetric(String hash, int epochs, int repeat, Metric metric);

  /**
   * One metric of the halfway evaluation (at epochs / 2) of one repeat.
   *
   * @throws UnsupportedOperationException if the source has no halfway evaluations or lacks the
   *     field
   */
  double halfwayMetric(String hash, int epochs, int repeat, Metric metric);

  /** Trainable parameters of the cell's network. */
  int trainableParameters(String hash);

  /** The final evaluation of one repeat; every field must be recorded. */
  default Evaluation finalEvaluation(String hash, int epochs, int repeat) {
    return new Evaluation(
        epochs,
        finalMetric(hash, epochs, repeat, Metric.TRAINING_TIME),
        finalMetric(hash, epochs, repeat, Metric.TRAIN_ACCURACY),
        finalMetric(hash, epochs, repeat, Metric.VALIDATION_ACCURACY),
        finalMetric(hash, epochs, repeat, Metric.TEST_ACCURACY));
  }

  /** The halfway evaluation of one repeat; every field must be recorded. */
  default Evaluation halfwayEvaluation(String hash, int epochs, int repeat) {
    return new Evaluation(
        epochs / 2.0,
        halfwayMetric(hash, epochs, repeat, Metric.TRAINING_TIME),
        halfwayMetric(hash, epochs, repeat, Metric.TRAIN_ACCURACY),
        halfwayMetric(hash, epochs, repeat, Metric.VALIDATION_ACCURACY),
        halfwayMetric(hash, epochs, repeat, Metric.TEST_ACCURACY));
  }

  /** Mean over all recorded repeats of a final metric (the papers' ground truth for accuracies). */
  default double meanFinal(String hash, int epochs, Metric metric) {
    int r = repeats(hash, epochs);
    if (r == 0) {
      throw new NoSuchElementException(
          name() + ": no runs of " + hash + " at " + epochs + " epochs");
    }
    double sum = 0;
    for (int i = 0; i < r; i++) {
      sum += finalMetric(hash, epochs, i, metric);
    }
    return sum / r;
  }

  /** Mean over repeats of the final validation accuracy, a fraction in [0,1]. */
  default double meanFinalValidationAccuracy(String hash, int epochs) {
    return meanFinal(hash, epochs, Metric.VALIDATION_ACCURACY);
  }

  /** Mean over repeats of the final test accuracy, a fraction in [0,1]. */
  default double meanFinalTestAccuracy(String hash, int epochs) {
    return meanFinal(hash, epochs, Metric.TEST_ACCURACY);
  }

  /**
   * Everything recorded for a cell, all budgets and all repeats, charging no budget (like the
   * reference {@code get_metrics_from_hash}). Fields the source lacks are NaN in the result and
   * listed in {@link CellMetrics#missing()}.
   */
  default CellMetrics metrics(String hash) {
    if (!contains(hash)) {
      throw new NoSuchElementException(name() + ": unknown module hash " + hash);
    }
    TreeMap<Integer, List<CellMetrics.Run>> runs = new TreeMap<>();
    List<String> missing = new ArrayList<>();
    for (int e : epochBudgets()) {
      int r = repeats(hash, e);
      if (r == 0) {
        continue;
      }
      List<CellMetrics.Run> list = new ArrayList<>(r);
      for (int i = 0; i < r; i++) {
        Evaluation half = hasHalfway() ? collect(hash, e, i, true, missing) : null;
        list.add(new CellMetrics.Run(half, collect(hash, e, i, false, missing)));
      }
      runs.put(e, List.copyOf(list));
    }
    return new CellMetrics(
        hash,
        hasSpecs() ? spec(hash) : null,
        trainableParameters(hash),
        runs,
        List.copyOf(missing));
  }

  /** As {@link #metrics(String)} for a spec (looked up by its hash). */
  default CellMetrics metrics(ModelSpec spec) {
    if (!spec.isValid()) {
      throw new IllegalArgumentException(
          "invalid spec (input cannot reach output) is not in NAS-Bench-101");
    }
    return metrics(spec.hash());
  }

  private Evaluation collect(String hash, int e, int i, boolean half, List<String> missing) {
    double[] v = new double[4];
    Metric[] ms = Metric.values();
    for (int k = 0; k < 4; k++) {
      try {
        v[k] = half ? halfwayMetric(hash, e, i, ms[k]) : finalMetric(hash, e, i, ms[k]);
      } catch (UnsupportedOperationException ex) {
        v[k] = Double.NaN;
        String f = (half ? "halfway_" : "final_") + ms[k].field() + "@" + e;
        if (!missing.contains(f)) {
          missing.add(f);
        }
      }
    }
    return new Evaluation(half ? e / 2.0 : e, v[0], v[1], v[2], v[3]);
  }

  /** A seeded query session with budget counters, as the reference {@code api.query}. */
  default QuerySession session(long seed) {
    return new QuerySession(this, seed);
  }

  /** The error for a field this source does not record. */
  default UnsupportedOperationException missingField(String field) {
    return new UnsupportedOperationException(name() + " does not record " + field);
  }
}
