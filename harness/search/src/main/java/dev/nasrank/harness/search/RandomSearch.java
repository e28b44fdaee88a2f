package dev.nasrank.harness.search;

import java.util.SplittableRandom;

/**
 * Random search: distinct candidates drawn uniformly without replacement until the budget is spent
 * (the NAS-Bench-101 and NAS-Bench-1Shot1 baseline). The first draws equal the initial population
 * of {@link RegularizedEvolution} and {@link Nsga2} under the same seed.
 */
public final class RandomSearch implements SearchStrategy {

  @Override
  public String name() {
    return Strategy.RANDOM.cliName();
  }

  @Override
  public <A> SearchTrace<A> search(
      SearchProblem<A> problem, Oracle<? super A> oracle, int budget, long seed) {
    Queries<A> q = new Queries<>(problem, oracle, budget);
    SplittableRandom random = new SplittableRandom(seed);
    while (!q.exhausted()) {
      q.query(q.randomUnqueried(random));
    }
    return q.trace();
  }
}
