package dev.nasrank.harness.search;

import io.jenetics.ext.moea.Pareto;
import io.jenetics.ext.moea.Vec;
import io.jenetics.util.ISeq;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * What a search did: the distinct candidates it queried, in order, with the oracle's value of each.
 * The search returns the incumbent, the candidate with the best value among those queried (the
 * first queried among equals), as NAS-Bench-101's and NAS-Bench-1Shot1's anytime evaluations do;
 * for two objectives, the Pareto front of everything queried ({@link #front}).
 *
 * @param <A> the candidate type
 * @param queried the candidates in query order, distinct
 * @param values the oracle's value of each, same order
 */
public record SearchTrace<A>(List<A> queried, double[] values) {

  /** Checks that the two lists have one value per candidate. */
  public SearchTrace {
    queried = List.copyOf(queried);
    values = values.clone();
    if (queried.size() != values.length) {
      throw new IllegalArgumentException(
          queried.size() + " candidates but " + values.length + " values");
    }
  }

  /** Number of queries. */
  public int size() {
    return queried.size();
  }

  /**
   * Position of the incumbent after the first {@code k} queries (1..size): the best value, the
   * earliest among equals.
   */
  public int incumbentIndex(int k) {
    if (k < 1 || k > queried.size()) {
      throw new IllegalArgumentException("k must be in 1.." + queried.size() + ", got " + k);
    }
    int best = 0;
    for (int i = 1; i < k; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    return best;
  }

  /** The candidate the search returns: the incumbent after every query. */
  public A returned() {
    if (queried.isEmpty()) {
      throw new IllegalStateException("the search made no query");
    }
    return queried.get(incumbentIndex(queried.size()));
  }

  /**
   * The non-dominated queried candidates for (oracle value, maximised; cost, minimised), in query
   * order: the front a two-objective search returns. Dominance and ranking are Jenetics' ({@code
   * Pareto.rank}).
   */
  public List<A> front(ToDoubleFunction<? super A> cost) {
    List<Vec<double[]>> points = new ArrayList<>(queried.size());
    for (int i = 0; i < queried.size(); i++) {
      points.add(Vec.of(values[i], -cost.applyAsDouble(queried.get(i))));
    }
    int[] rank = Pareto.rank(ISeq.of(points));
    List<A> out = new ArrayList<>();
    for (int i = 0; i < rank.length; i++) {
      if (rank[i] == 0) {
        out.add(queried.get(i));
      }
    }
    return out;
  }
}
