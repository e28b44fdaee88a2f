package dev.nasrank.harness.supernet;

import dev.nasrank.harness.config.NetworkShape;
import dev.nasrank.harness.setting.BnStrategy;
import dev.nasrank.harness.setting.Method;
import dev.nasrank.harness.space.S4Choice;
import dev.nasrank.harness.space.S4Space;
import dev.nasrank.harness.space.SamplerMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
public record S4SupernetConfig(
    Method method,
    BnStrategy bnStrategy,
    int maxPaths,
    SamplerMode samplerMode,
    NetworkShape network)
    implements SupernetConfig<S4Choice> {

  /** Validates every field, naming the value and the limit. */
  public S4SupernetConfig {
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
  public static S4SupernetConfig paper(Method method, BnStrategy bnStrategy) {
    return new S4SupernetConfig(
        method, bnStrategy, 4, SamplerMode.CORRECTED, NetworkShape.NASBENCH101);
  }

  /** A copy with another network shape. */
  public S4SupernetConfig withNetwork(NetworkShape shape) {
    return new S4SupernetConfig(method, bnStrategy, maxPaths, samplerMode, shape);
  }

  /** A copy with another method and strategy. */
  public S4SupernetConfig with(Method method, BnStrategy bnStrategy) {
    return new S4SupernetConfig(method, bnStrategy, maxPaths, samplerMode, network);
  }

  /** S4 with this m and sampler mode. */
  @Override
  public S4Space space() {
    return new S4Space(maxPaths, samplerMode);
  }

  @Override
  public S4Supernet newSupernet() {
    return new S4Supernet(this);
  }

  /**
   * {@code method, bn-strategy, max-paths, sampler, stem-channels, stacks, cells-per-stack,
   * classes}.
   */
  @Override
  public Map<String, String> identity() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("method", method.cliName());
    m.put("bn-strategy", bnStrategy.cliName());
    m.put("max-paths", Integer.toString(maxPaths));
    m.put("sampler", samplerMode.cliName());
    m.put("stem-channels", Integer.toString(network.stemChannels()));
    m.put("stacks", Integer.toString(network.stacks()));
    m.put("cells-per-stack", Integer.toString(network.cellsPerStack()));
    m.put("classes", Integer.toString(network.classes()));
    return m;
  }

  /** The node subsets the sampler can activate ({@link S4Space#reachableMasks()}). */
  public List<Integer> reachableMasks() {
    return space().reachableMasks();
  }

  /** True if the supernet can run {@code choice} (at most m paths, a reachable node subset). */
  public boolean accepts(S4Choice choice) {
    return space().contains(choice);
  }
}
