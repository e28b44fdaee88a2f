package dev.nasrank.harness.supernet;

import dev.nasrank.harness.config.NetworkShape;
import dev.nasrank.harness.setting.BnStrategy;
import dev.nasrank.harness.setting.Method;
import dev.nasrank.harness.space.S4Choice;
import dev.nasrank.harness.space.SamplerMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An S4 supernet: method, BN strategy, sampler and the network shape it shares with the
 * NAS-Bench-101 network.
 *
 * @param method weight sharing between branch combinations
 * @param bnStrategy normalisation of the summed paths
 * @param maxPaths m, the most active nodes per cell (1..4)
 * @param samplerMode which nodes the sampler may activate (decides the node subsets {@link
 *     BnStrategy#EXPONENTIAL_SBN} needs a batch norm for)
 * @param network C (128 in the paper), stacks (channels double and a 2x2 max-pool halves the
 *     resolution between stacks), cells per stack, classes (10 for CIFAR-10)
 */
public record SupernetConfig(
    Method method,
    BnStrategy bnStrategy,
    int maxPaths,
    SamplerMode samplerMode,
    NetworkShape network) {

  /** Validates every field, naming the value and the limit. */
  public SupernetConfig {
    if (method == null || bnStrategy == null || samplerMode == null || network == null) {
      throw new IllegalArgumentException(
          "method, bn strategy, sampler mode and network shape are required");
    }
    if (maxPaths < 1 || maxPaths > S4Choice.NODES) {
      throw new IllegalArgumentException(
          "max paths must be 1.." + S4Choice.NODES + ", got " + maxPaths);
    }
  }

  /**
   * The paper's configuration: m = 4, C = 128, 3 stacks of 3 cells, 10 classes, corrected sampler.
   */
  public static SupernetConfig paper(Method method, BnStrategy bnStrategy) {
    return new SupernetConfig(
        method, bnStrategy, 4, SamplerMode.CORRECTED, NetworkShape.NASBENCH101);
  }

  /** A copy with another network shape. */
  public SupernetConfig withNetwork(NetworkShape shape) {
    return new SupernetConfig(method, bnStrategy, maxPaths, samplerMode, shape);
  }

  /** A copy with another method and strategy. */
  public SupernetConfig with(Method method, BnStrategy bnStrategy) {
    return new SupernetConfig(method, bnStrategy, maxPaths, samplerMode, network);
  }

  /**
   * The non-empty node subsets (bit masks, ascending) the sampler can activate: at most m nodes,
   * drawn from all four ({@link SamplerMode#CORRECTED}) or from the first m ({@link
   * SamplerMode#REFERENCE}, 2^m - 1 subsets).
   */
  public List<Integer> reachableMasks() {
    int pool = samplerMode == SamplerMode.REFERENCE ? maxPaths : S4Choice.NODES;
    List<Integer> masks = new ArrayList<>();
    for (int mask = 1; mask < 1 << pool; mask++) {
      if (Integer.bitCount(mask) <= maxPaths) {
        masks.add(mask);
      }
    }
    return Collections.unmodifiableList(masks);
  }

  /** True if the supernet can run {@code choice} (at most m paths, a reachable node subset). */
  public boolean accepts(S4Choice choice) {
    return choice.activePaths() <= maxPaths && reachableMasks().contains(choice.activeMask());
  }
}
