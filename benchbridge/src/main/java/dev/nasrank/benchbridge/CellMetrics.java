package dev.nasrank.benchbridge;

import java.util.List;
import java.util.SortedMap;

/**
 * Everything recorded for one cell: fixed statistics and, per epoch budget, one {@link Run} per
 * repeat in file order. No budget is charged to obtain it.
 *
 * @param hash module hash
 * @param spec the pruned cell, or null if the source holds no specs
 * @param trainableParameters trainable parameters of the network
 * @param runs per epoch budget, the runs (repeats) in order
 * @param missing fields the source lacks (NaN in the evaluations), e.g. {@code
 *     final_test_accuracy@108}
 */
public record CellMetrics(
    String hash,
    ModelSpec spec,
    int trainableParameters,
    SortedMap<Integer, List<Run>> runs,
    List<String> missing) {

  /**
   * One training run.
   *
   * @param halfway evaluation at epochs / 2, or null if the source has none
   * @param finalEvaluation evaluation at the end of training
   */
  public record Run(Evaluation halfway, Evaluation finalEvaluation) {}
}
