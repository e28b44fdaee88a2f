package dev.nasrank.harness.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The budget of one search: every distinct candidate it asks the oracle about is one query; asking
 * again about a candidate already queried returns the recorded value and costs nothing. The queries
 * are kept in order, which is what anytime regret is computed from ({@link SearchTrace}).
 *
 * <p>It also draws candidates not queried yet uniformly ({@link #randomUnqueried}), in O(1), from a
 * swap-remove list over the pool, so random search, the initial populations and the strategies'
 * fallbacks draw the same way. Not thread-safe; one per search.
 *
 * @param <A> the candidate type
 */
public final class Queries<A> {

  private final SearchProblem<A> problem;
  private final Oracle<? super A> oracle;
  private final int budget;
  private final Map<A, Double> values = new HashMap<>();
  private final List<A> order = new ArrayList<>();
  private final List<Double> orderValues = new ArrayList<>();
  private final int[] unqueried;
  private final int[] position;
  private int remaining;

  /**
   * A fresh budget.
   *
   * @param budget the most distinct queries; more than the pool holds is the pool's size
   * @throws IllegalArgumentException when {@code budget < 1}
   */
  public Queries(SearchProblem<A> problem, Oracle<? super A> oracle, int budget) {
    this.problem = Objects.requireNonNull(problem, "problem");
    this.oracle = Objects.requireNonNull(oracle, "oracle");
    if (budget < 1) {
      throw new IllegalArgumentException("the query budget must be >= 1, got " + budget);
    }
    this.budget = Math.min(budget, problem.size());
    int n = problem.size();
    unqueried = new int[n];
    position = new int[n];
    for (int i = 0; i < n; i++) {
      unqueried[i] = i;
      position[i] = i;
    }
    remaining = n;
  }

  /** The problem searched. */
  public SearchProblem<A> problem() {
    return problem;
  }

  /** The budget in distinct queries (at most the pool's size). */
  public int budget() {
    return budget;
  }

  /** Distinct queries made so far. */
  public int used() {
    return order.size();
  }

  /** True when no further new candidate may be queried (budget spent or pool exhausted). */
  public boolean exhausted() {
    return order.size() >= budget || remaining == 0;
  }

  /** True if {@code candidate} was queried already (asking again is free). */
  public boolean queried(A candidate) {
    return values.containsKey(candidate);
  }

  /**
   * The oracle's value of {@code candidate}: recorded if it was queried before, else asked once and
   * charged.
   *
   * @throws IllegalStateException when the candidate is new and the budget is spent
   * @throws IllegalArgumentException when the candidate is not in the pool or the oracle answers a
   *     non-finite value
   */
  public double query(A candidate) {
    Double known = values.get(candidate);
    if (known != null) {
      return known;
    }
    int i = problem.indexOf(candidate);
    if (i < 0) {
      throw new IllegalArgumentException("candidate " + candidate + " is not in the pool");
    }
    if (exhausted()) {
      throw new IllegalStateException(
          "query budget of " + budget + " spent; cannot query " + candidate);
    }
    double v = oracle.accuracy(candidate);
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("the oracle answered " + v + " for " + candidate);
    }
    values.put(candidate, v);
    order.add(candidate);
    orderValues.add(v);
    int p = position[i];
    int last = unqueried[--remaining];
    unqueried[p] = last;
    position[last] = p;
    unqueried[remaining] = i;
    position[i] = remaining;
    return v;
  }

  /**
   * A candidate not queried yet, uniformly among them (not queried by this call).
   *
   * @throws IllegalStateException when every candidate has been queried
   */
  public A randomUnqueried(RandomGenerator random) {
    if (remaining == 0) {
      throw new IllegalStateException("every candidate of the pool has been queried");
    }
    return problem.pool().get(unqueried[random.nextInt(remaining)]);
  }

  /** The queries so far, in order. */
  public SearchTrace<A> trace() {
    double[] v = new double[orderValues.size()];
    for (int k = 0; k < v.length; k++) {
      v[k] = orderValues.get(k);
    }
    return new SearchTrace<>(List.copyOf(order), v);
  }
}
