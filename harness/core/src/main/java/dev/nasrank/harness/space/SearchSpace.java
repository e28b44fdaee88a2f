package dev.nasrank.harness.space;

import java.util.List;
import java.util.function.Predicate;

/**
 * A search space: its candidates, how the trainer samples them, and how a file names them.
 *
 * <p>A space is identified by {@link #id()} ({@value Spaces#S4} for MixPath's S4, the default),
 * which candidates.csv records in its {@code space} column; {@link #parse} reads a candidate's
 * {@link Architecture#id()} back. {@link #candidates()} enumerates the space in a stable order (for
 * S4 every choice the supernet's sampler can produce; for a NAS-Bench-101 cell space, its unique
 * cells sorted by hash). What a supernet is evaluated on is either all of them or {@link #sample}:
 * a seeded sample of a given size among those a ground truth holds, the same for every setting and
 * seed.
 *
 * @param <A> the candidate type
 */
public interface SearchSpace<A extends Architecture> {

  /** The space's name in files and commands, e.g. {@value Spaces#S4}. */
  String id();

  /** Every candidate, in the space's stable order; unmodifiable. */
  List<A> candidates();

  /** True if {@code a} is a candidate of this space. */
  boolean contains(Architecture a);

  /**
   * The candidate of a stable id ({@link Architecture#id()}).
   *
   * @throws IllegalArgumentException naming the id and the space when it is not a candidate here
   */
  A parse(String id);

  /** A training sampler over this space, seeded. */
  ArchitectureSampler<A> sampler(long seed);

  /**
   * A seeded uniform sample, without replacement, of {@code n} candidates among those {@code
   * eligible} accepts (e.g. the cells a ground truth holds), in the order of {@link #candidates()}.
   * The same space, {@code n}, seed and eligible set give the same sample on every machine.
   *
   * @throws IllegalArgumentException when {@code n < 1} or fewer than {@code n} candidates are
   *     eligible, naming both counts
   */
  default List<A> sample(int n, long seed, Predicate<? super A> eligible) {
    List<A> pool = candidates().stream().filter(eligible).toList();
    return UniformSample.of(pool, n, seed, id());
  }
}
