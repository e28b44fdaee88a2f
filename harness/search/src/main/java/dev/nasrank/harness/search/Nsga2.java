package dev.nasrank.harness.search;

import io.jenetics.ext.moea.Pareto;
import io.jenetics.ext.moea.Vec;
import io.jenetics.util.ISeq;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * NSGA-II (Deb, Pratap, Agarwal, Meyarivan, "A fast and elitist multiobjective genetic algorithm:
 * NSGA-II", IEEE TEVC 6(2), 2002) for two objectives: the oracle's accuracy (maximised) and the
 * problem's cost (minimised), as MixPath searches its supernet (one-shot accuracy against FLOPs).
 *
 * <p>The (mu + lambda) loop of the paper: a population of {@code population} random candidates;
 * each generation breeds {@code population} distinct offspring, each a mutation ({@link Mutation})
 * of a parent chosen by binary tournament under the crowded-comparison order (lower non-domination
 * rank, then larger crowding distance); parents and offspring together are ranked and the first
 * {@code population} in crowded-comparison order survive. Non-dominated ranking and the crowding
 * distance (within each front, range-normalised) are Jenetics' ({@code
 * io.jenetics.ext.moea.Pareto}); the loop is ours. There is no crossover: the pool and its
 * neighbourhood define mutation only (a NAS-Bench-101 cell has no natural crossover that keeps it
 * valid and inside a sampled pool). The last generation stops where the budget does. The search
 * returns the front of everything it queried ({@link SearchTrace#front}).
 *
 * @param population N, at least 2
 */
public record Nsga2(int population) implements SearchStrategy {

  /** Validates N. */
  public Nsga2 {
    if (population < 2) {
      throw new IllegalArgumentException(
          "NSGA-II needs a population of at least 2, got " + population);
    }
  }

  @Override
  public String name() {
    return Strategy.NSGA2.cliName();
  }

  @Override
  public <A> SearchTrace<A> search(
      SearchProblem<A> problem, Oracle<? super A> oracle, int budget, long seed) {
    Queries<A> q = new Queries<>(problem, oracle, budget);
    SplittableRandom random = new SplittableRandom(seed);
    List<A> parents = new ArrayList<>();
    while (parents.size() < population && !q.exhausted()) {
      A a = q.randomUnqueried(random);
      q.query(a);
      parents.add(a);
    }
    Mutation<A> mutation = new Mutation<>(q, random);
    while (!q.exhausted()) {
      Crowded order = Crowded.of(parents, q, problem);
      LinkedHashSet<A> offspring = new LinkedHashSet<>();
      while (offspring.size() < population && !q.exhausted()) {
        int i = random.nextInt(parents.size());
        int j = random.nextInt(parents.size());
        A parent = parents.get(order.better(i, j) ? i : j);
        A child = mutation.child(parent);
        q.query(child);
        if (!parents.contains(child)) {
          offspring.add(child);
        }
      }
      LinkedHashSet<A> union = new LinkedHashSet<>(parents);
      union.addAll(offspring);
      List<A> all = new ArrayList<>(union);
      Crowded ranked = Crowded.of(all, q, problem);
      Integer[] idx = new Integer[all.size()];
      for (int k = 0; k < idx.length; k++) {
        idx[k] = k;
      }
      Arrays.sort(idx, ranked.comparator());
      parents = new ArrayList<>(population);
      for (int k = 0; k < Math.min(population, idx.length); k++) {
        parents.add(all.get(idx[k]));
      }
    }
    return q.trace();
  }

  /** Non-domination rank and crowding distance of a set of queried candidates. */
  record Crowded(int[] rank, double[] crowding) {

    static <A> Crowded of(List<A> set, Queries<A> q, SearchProblem<A> problem) {
      List<Vec<double[]>> points = new ArrayList<>(set.size());
      for (A a : set) {
        points.add(Vec.of(q.query(a), -problem.cost(a)));
      }
      int[] rank = Pareto.rank(ISeq.of(points));
      double[] crowding = new double[set.size()];
      int fronts = Arrays.stream(rank).max().orElse(-1) + 1;
      for (int f = 0; f < fronts; f++) {
        List<Integer> members = new ArrayList<>();
        List<Vec<double[]>> front = new ArrayList<>();
        for (int i = 0; i < rank.length; i++) {
          if (rank[i] == f) {
            members.add(i);
            front.add(points.get(i));
          }
        }
        double[] d = Pareto.crowdingDistance(ISeq.of(front));
        for (int k = 0; k < members.size(); k++) {
          crowding[members.get(k)] = Double.isNaN(d[k]) ? 0 : d[k];
        }
      }
      return new Crowded(rank, crowding);
    }

    /** True when {@code i} wins the crowded comparison against {@code j} (ties: {@code i}). */
    boolean better(int i, int j) {
      return comparator().compare(i, j) <= 0;
    }

    /** Lower rank first, then larger crowding distance; ties keep their order (stable sort). */
    Comparator<Integer> comparator() {
      return Comparator.<Integer>comparingInt(i -> rank[i]).thenComparing(i -> -crowding[i]);
    }
  }
}
