package dev.nasrank.harness.supernet;

import dev.nasrank.harness.space.S4Choice;
import dev.nasrank.harness.space.SamplerMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The shape of an S4 supernet.
 *
 * @param method weight sharing between branch combinations
 * @param bnStrategy normalisation of the summed paths
 * @param maxPaths m, the most active nodes per cell (1..4)
 * @param samplerMode which nodes the sampler may activate (decides the node subsets
 *     {@link BnStrategy#EXPONENTIAL_SBN} needs a batch norm for)
 * @param stemChannels C, output channels of the stem and of the first stack (128 in the paper)
 * @param stacks number of stacks; channels double and a 2x2 max-pool halves the resolution between stacks
 * @param cellsPerStack cells per stack
 * @param classes output classes (10 for CIFAR-10)
 */
public record SupernetConfig(Method method, BnStrategy bnStrategy, int maxPaths, SamplerMode samplerMode,
    int stemChannels, int stacks, int cellsPerStack, int classes) {

  /** Validates every field, naming the value and the limit. */
  public SupernetConfig {
    if (method == null || bnStrategy == null || samplerMode == null) {
      throw new IllegalArgumentException("method, bn strategy and sampler mode are required");
    }
    if (maxPaths < 1 || maxPaths > S4Choice.NODES) {
      throw new IllegalArgumentException("max paths must be 1.." + S4Choice.NODES + ", got " + maxPaths);
    }
    if (stemChannels < 1) {
      throw new IllegalArgumentException("stem channels must be >= 1, got " + stemChannels);
    }
    if (stacks < 1 || stacks > 5) {
      throw new IllegalArgumentException("stacks must be 1..5 (32x32 input halves between stacks), got " + stacks);
    }
    if (cellsPerStack < 1) {
      throw new IllegalArgumentException("cells per stack must be >= 1, got " + cellsPerStack);
    }
    if (classes < 2) {
      throw new IllegalArgumentException("classes must be >= 2, got " + classes);
    }
  }

  /** The paper's configuration: m = 4, C = 128, 3 stacks of 3 cells, 10 classes, corrected sampler. */
  public static SupernetConfig paper(Method method, BnStrategy bnStrategy) {
    return new SupernetConfig(method, bnStrategy, 4, SamplerMode.CORRECTED, 128, 3, 3, 10);
  }

  /** A copy with another stem width, stack count and cells per stack. */
  public SupernetConfig withShape(int stemChannels, int stacks, int cellsPerStack) {
    return new SupernetConfig(method, bnStrategy, maxPaths, samplerMode, stemChannels, stacks, cellsPerStack,
        classes);
  }

  /** A copy with another method and strategy. */
  public SupernetConfig with(Method method, BnStrategy bnStrategy) {
    return new SupernetConfig(method, bnStrategy, maxPaths, samplerMode, stemChannels, stacks, cellsPerStack,
        classes);
  }

  /**
   * The non-empty node subsets (bit masks, ascending) the sampler can activate: at most m nodes, drawn from all
   * four ({@link SamplerMode#CORRECTED}) or from the first m ({@link SamplerMode#REFERENCE}, 2^m - 1 subsets).
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
