package dev.nasrank.harness.search;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Regularized (aging) evolution, Real, Aggarwal, Huang and Le, "Regularized Evolution for Image
 * Classifier Architecture Search", AAAI 2019, Algorithm 1: a population of {@code population}
 * random candidates; each cycle draws {@code sample} members uniformly with replacement, mutates
 * the best of them ({@link Mutation}), appends the child and removes the oldest member. Written
 * from the paper's pseudo-code; the only changes are those a budget of distinct queries needs (a
 * child already queried costs nothing and still joins the population; {@link Mutation}'s
 * immigrants).
 *
 * @param population P, at least 1
 * @param sample S, the tournament size, 1..P
 */
public record RegularizedEvolution(int population, int sample) implements SearchStrategy {

  /** Validates P and S. */
  public RegularizedEvolution {
    if (population < 1 || sample < 1 || sample > population) {
      throw new IllegalArgumentException(
          "regularized evolution needs population >= 1 and 1 <= sample <= population, got population "
              + population
              + ", sample "
              + sample);
    }
  }

  @Override
  public String name() {
    return Strategy.EVOLUTION.cliName();
  }

  @Override
  public <A> SearchTrace<A> search(
      SearchProblem<A> problem, Oracle<? super A> oracle, int budget, long seed) {
    Queries<A> q = new Queries<>(problem, oracle, budget);
    SplittableRandom random = new SplittableRandom(seed);
    List<A> members = new ArrayList<>();
    List<Double> fitness = new ArrayList<>();
    while (members.size() < population && !q.exhausted()) {
      A a = q.randomUnqueried(random);
      fitness.add(q.query(a));
      members.add(a);
    }
    Mutation<A> mutation = new Mutation<>(q, random);
    // members/fitness is a ring in age order: index 'oldest' is the oldest member.
    int oldest = 0;
    while (!q.exhausted()) {
      int best = -1;
      for (int s = 0; s < sample; s++) {
        int i = random.nextInt(members.size());
        if (best < 0 || fitness.get(i) > fitness.get(best)) {
          best = i;
        }
      }
      A child = mutation.child(members.get(best));
      double f = q.query(child);
      members.set(oldest, child);
      fitness.set(oldest, f);
      oldest = (oldest + 1) % members.size();
    }
    return q.trace();
  }
}
