package dev.nasrank.harness.search;

/**
 * What a search maximises: a candidate's accuracy as one judge sees it. Today's oracles are a run
 * folder's recorded one-shot accuracies ({@code search.stage.RunSearch}) and the ground truth; a
 * live supernet (evaluate the candidate with inherited weights, with BN calibration as in the
 * evaluation) is one more implementation, without change to the strategies.
 *
 * <p>{@link Queries} calls it at most once per distinct candidate and charges the budget for each
 * such call; an oracle need not cache.
 *
 * @param <A> the candidate type
 */
@FunctionalInterface
public interface Oracle<A> {

  /**
   * The accuracy of {@code candidate}, a fraction in [0,1] (any finite value orders candidates;
   * larger is better).
   */
  double accuracy(A candidate);
}
