package dev.nasrank.harness.search;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A child of a parent for the evolutionary strategies: a uniformly drawn neighbour of the parent in
 * the pool (one mutation). A child already queried is free (the recorded value); after {@value
 * #STALL} such children in a row, or when the parent has no neighbour in the pool, the child is
 * instead a candidate not queried yet, drawn uniformly (an immigrant), so a search always spends
 * its budget and, given the whole pool as budget, queries every candidate.
 */
final class Mutation<A> {

  /** Children already queried, in a row, after which the next child is an immigrant. */
  static final int STALL = 20;

  private final Queries<A> queries;
  private final RandomGenerator random;
  private int stalled;
  private int immigrants;

  Mutation(Queries<A> queries, RandomGenerator random) {
    this.queries = queries;
    this.random = random;
  }

  /** A child of {@code parent}; call only while {@code !queries.exhausted()}. */
  A child(A parent) {
    List<A> near = queries.problem().neighbours(parent);
    if (near.isEmpty() || stalled >= STALL) {
      stalled = 0;
      immigrants++;
      return queries.randomUnqueried(random);
    }
    A child = near.get(random.nextInt(near.size()));
    if (queries.queried(child)) {
      stalled++;
    } else {
      stalled = 0;
    }
    return child;
  }

  /** Children that were immigrants rather than mutants. */
  int immigrants() {
    return immigrants;
  }
}
