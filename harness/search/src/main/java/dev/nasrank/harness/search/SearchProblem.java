package dev.nasrank.harness.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * What a search runs over: a finite pool of distinct candidates (e.g. the cells a run evaluated and
 * the ground truth holds), each candidate's neighbours within the pool (the mutation
 * neighbourhood), and each candidate's cost (FLOPs or parameters, smaller is better; the second
 * objective of NSGA-II). The oracle is given per search ({@link SearchStrategy#search}), so one
 * problem serves the supernet and the ground truth alike.
 *
 * <p>Neighbours outside the pool are dropped: a mutation can only propose what the oracle can
 * answer. Immutable.
 *
 * @param <A> the candidate type; equality is identity of candidates
 */
public final class SearchProblem<A> {

  private final List<A> pool;
  private final Map<A, Integer> index;
  private final List<List<A>> neighbours;
  private final double[] cost;

  private SearchProblem(
      List<A> pool, List<List<A>> neighbours, double[] cost, Map<A, Integer> index) {
    this.pool = pool;
    this.neighbours = neighbours;
    this.cost = cost;
    this.index = index;
  }

  /**
   * A problem over {@code pool}.
   *
   * @param pool the candidates, distinct, in a stable order (a seed replays a search only over the
   *     same order)
   * @param neighbourhood a candidate's neighbours in its space (one mutation away); those outside
   *     the pool, and the candidate itself, are dropped
   * @param cost the cost of a candidate, finite
   * @throws IllegalArgumentException when the pool is empty, holds a candidate twice, or a cost is
   *     not finite, naming the candidate
   */
  public static <A> SearchProblem<A> of(
      List<A> pool,
      Function<? super A, ? extends Collection<? extends A>> neighbourhood,
      ToDoubleFunction<? super A> cost) {
    Objects.requireNonNull(neighbourhood, "neighbourhood");
    Objects.requireNonNull(cost, "cost");
    if (pool.isEmpty()) {
      throw new IllegalArgumentException(
          "a search needs at least one candidate, the pool is empty");
    }
    List<A> copy = List.copyOf(pool);
    Map<A, Integer> index = new HashMap<>();
    double[] costs = new double[copy.size()];
    for (int i = 0; i < copy.size(); i++) {
      A a = copy.get(i);
      if (index.put(a, i) != null) {
        throw new IllegalArgumentException("candidate " + a + " appears twice in the pool");
      }
      costs[i] = cost.applyAsDouble(a);
      if (!Double.isFinite(costs[i])) {
        throw new IllegalArgumentException("candidate " + a + " has cost " + costs[i]);
      }
    }
    List<List<A>> near = new ArrayList<>(copy.size());
    for (A a : copy) {
      LinkedHashSet<A> in = new LinkedHashSet<>();
      for (A b : neighbourhood.apply(a)) {
        Integer j = index.get(b);
        if (j != null && !b.equals(a)) {
          in.add(copy.get(j)); // the pool's own instance (e.g. a cell's stored matrix)
        }
      }
      near.add(List.copyOf(in));
    }
    return new SearchProblem<>(copy, Collections.unmodifiableList(near), costs, index);
  }

  /** The candidates, in the order given. */
  public List<A> pool() {
    return pool;
  }

  /** Number of candidates. */
  public int size() {
    return pool.size();
  }

  /** Position of a candidate in {@link #pool()}, or -1. */
  public int indexOf(A candidate) {
    Integer i = index.get(candidate);
    return i == null ? -1 : i;
  }

  /** The candidate's neighbours inside the pool (possibly none), without itself. */
  public List<A> neighbours(A candidate) {
    return neighbours.get(require(candidate));
  }

  /** The candidate's cost. */
  public double cost(A candidate) {
    return cost[require(candidate)];
  }

  private int require(A candidate) {
    int i = indexOf(candidate);
    if (i < 0) {
      throw new IllegalArgumentException("candidate " + candidate + " is not in the pool");
    }
    return i;
  }
}
