package dev.nasrank.harness.supernet;

import dev.nasrank.harness.config.NetworkShape;
import dev.nasrank.harness.setting.BnStrategy;
import dev.nasrank.harness.setting.Method;
import dev.nasrank.harness.space.Architecture;
import dev.nasrank.harness.space.ArchitectureSampler;
import dev.nasrank.harness.space.SearchSpace;
import java.util.Map;

/**
 * What a {@link Supernet} is built from: its space, method, BN strategy and network shape. The
 * trainer builds the supernet ({@link #newSupernet()}) and its sampler ({@link #sampler}) from it
 * and compares {@link #identity()} when a run resumes; the checkpoint records it. {@link
 * S4SupernetConfig} is the one of MixPath's S4, {@link CellSupernetConfig} that of the
 * NAS-Bench-101 cell spaces.
 *
 * @param <A> the space's candidate type
 */
public interface SupernetConfig<A extends Architecture> {

  /** The space the supernet's candidates come from (what its sampler draws from). */
  SearchSpace<A> space();

  /** Weight sharing between candidates. */
  Method method();

  /** Normalisation of summed paths. */
  BnStrategy bnStrategy();

  /** Stem channels, stacks, cells per stack, classes. */
  NetworkShape network();

  /**
   * The training sampler, seeded: the space's own ({@code space().sampler(seed)}) unless the
   * configuration chooses another ({@link CellSupernetConfig#sampling()}).
   */
  default ArchitectureSampler<A> sampler(long seed) {
    return space().sampler(seed);
  }

  /** A new, uninitialised supernet of this configuration. */
  Supernet<A> newSupernet();

  /**
   * Every field that changes what the supernet computes, by the name of its command-line option
   * (e.g. {@code method}, {@code bn-strategy}, {@code stem-channels}), in a stable order: what a
   * resumed run must match.
   */
  Map<String, String> identity();
}
