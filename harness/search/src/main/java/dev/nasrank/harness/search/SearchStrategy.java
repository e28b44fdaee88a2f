package dev.nasrank.harness.search;

/**
 * A search strategy: spends a budget of distinct oracle queries over a problem's pool, seeded.
 * Implementations: {@link RandomSearch}, {@link RegularizedEvolution}, {@link Nsga2}; {@link
 * Strategy} names them.
 */
public interface SearchStrategy {

  /** The strategy's name in files and commands ({@link Strategy#cliName()}). */
  String name();

  /**
   * Runs one search.
   *
   * @param budget the most distinct queries (more than the pool holds means all of it)
   * @param seed the seed; the same problem, oracle, budget and seed give the same trace
   * @return the queries in order; the returned candidate is {@link SearchTrace#returned()}
   */
  <A> SearchTrace<A> search(
      SearchProblem<A> problem, Oracle<? super A> oracle, int budget, long seed);
}
