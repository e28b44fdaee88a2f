package dev.nasrank.harness.cli;

import dev.nasrank.harness.config.NetworkShape;
import dev.nasrank.harness.setting.BnStrategy;
import dev.nasrank.harness.setting.Method;
import dev.nasrank.harness.space.SamplerMode;
import dev.nasrank.harness.supernet.S4SupernetConfig;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/**
 * Shared supernet options (method, BN strategy, m, sampler, C, stacks, cells per stack); add with
 * {@code @Mixin SupernetOptions supernet;} (the paper's network shape by default) or {@code @Mixin
 * SupernetOptions supernet = SupernetOptions.shapedAs(shape);} and call {@link #config()}.
 */
public final class SupernetOptions {

  /** Options whose network-shape defaults are the paper's ({@link NetworkShape#NASBENCH101}). */
  public SupernetOptions() {
    this(NetworkShape.NASBENCH101);
  }

  private SupernetOptions(NetworkShape defaults) {
    stemChannels = defaults.stemChannels();
    stacks = defaults.stacks();
    cellsPerStack = defaults.cellsPerStack();
  }

  /** Options whose C, stacks and cells-per-stack default to {@code shape}'s. */
  static SupernetOptions shapedAs(NetworkShape shape) {
    return new SupernetOptions(shape);
  }

  @Option(
      names = "--method",
      paramLabel = "METHOD",
      defaultValue = "mixpath",
      converter = MethodConverter.class,
      completionCandidates = MethodNames.class,
      description =
          "${COMPLETION-CANDIDATES}: mixpath shares node weights, spos keeps one node copy per "
              + "number of active paths. Default: ${DEFAULT-VALUE}.")
  Method method;

  @Option(
      names = "--bn-strategy",
      paramLabel = "STRATEGY",
      defaultValue = "linear_sbn",
      converter = BnStrategyConverter.class,
      completionCandidates = BnStrategyNames.class,
      description =
          "Normalisation of the summed paths: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
  BnStrategy bnStrategy;

  @Option(
      names = "--max-paths",
      paramLabel = "M",
      defaultValue = "4",
      description = "m, the most active nodes per cell (1..4). Default: ${DEFAULT-VALUE}.")
  int maxPaths;

  @Option(
      names = "--sampler",
      paramLabel = "MODE",
      defaultValue = "corrected",
      converter = SamplerConverter.class,
      completionCandidates = SamplerNames.class,
      description =
          "${COMPLETION-CANDIDATES}: corrected draws nodes from all 4, reference from the first m "
              + "(the reference code's defect). Default: ${DEFAULT-VALUE}.")
  SamplerMode sampler;

  @Option(
      names = "--stem-channels",
      paramLabel = "C",
      description = "Stem width C; channels double per stack. Default: ${DEFAULT-VALUE}.")
  int stemChannels;

  @Option(names = "--stacks", paramLabel = "N", description = "Stacks. Default: ${DEFAULT-VALUE}.")
  int stacks;

  @Option(
      names = "--cells-per-stack",
      paramLabel = "N",
      description = "Cells per stack. Default: ${DEFAULT-VALUE}.")
  int cellsPerStack;

  /** The supernet configuration (10 classes). */
  public S4SupernetConfig config() {
    return new S4SupernetConfig(
        method,
        bnStrategy,
        maxPaths,
        sampler,
        NetworkShape.cifar10(stemChannels, stacks, cellsPerStack));
  }

  /** picocli converter for {@link Method}. */
  static final class MethodConverter implements ITypeConverter<Method> {
    @Override
    public Method convert(String value) {
      return Method.parse(value);
    }
  }

  /** picocli converter for {@link BnStrategy}. */
  static final class BnStrategyConverter implements ITypeConverter<BnStrategy> {
    @Override
    public BnStrategy convert(String value) {
      return BnStrategy.parse(value);
    }
  }

  /** picocli converter for {@link SamplerMode}. */
  static final class SamplerConverter implements ITypeConverter<SamplerMode> {
    @Override
    public SamplerMode convert(String value) {
      return SamplerMode.parse(value);
    }
  }

  /** Names for a help text's {@code ${COMPLETION-CANDIDATES}}, from an enum's values(). */
  abstract static class Names implements Iterable<String> {
    private final List<String> names;

    <E> Names(E[] values, Function<E, String> name) {
      this.names = Arrays.stream(values).map(name).toList();
    }

    @Override
    public Iterator<String> iterator() {
      return names.iterator();
    }
  }

  /** The method names, from {@link Method#values()}. */
  static final class MethodNames extends Names {
    MethodNames() {
      super(Method.values(), Method::cliName);
    }
  }

  /** The BN-strategy names, from {@link BnStrategy#values()}. */
  static final class BnStrategyNames extends Names {
    BnStrategyNames() {
      super(BnStrategy.values(), BnStrategy::cliName);
    }
  }

  /** The sampler names, from {@link SamplerMode#values()}. */
  static final class SamplerNames extends Names {
    SamplerNames() {
      super(SamplerMode.values(), SamplerMode::cliName);
    }
  }
}
