package dev.nasrank.harness.supernet;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.nasrank.harness.config.NetworkShape;
import dev.nasrank.harness.setting.BnStrategy;
import dev.nasrank.harness.setting.Method;
import dev.nasrank.harness.space.ArchitectureSampler;
import dev.nasrank.harness.space.CellSampling;
import dev.nasrank.harness.space.CellSearchSpace;
import dev.nasrank.harness.space.Nb101Cell;
import dev.nasrank.harness.space.SearchSpace;
import dev.nasrank.harness.space.Spaces;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A supernet over a NAS-Bench-101 cell space ({@link CellSupernet}, design in docs/cellnet.md): the
 * space, the BN strategy at the summing vertices, the training sampler and the network shape.
 * Assembled with {@link #builder()}.
 *
 * <p>The method is always {@link Method#MIXPATH} (weights shared per vertex position and op, one
 * cell sampled per step): in a NAS-Bench-101 cell every vertex already runs exactly one op, so
 * SPOS's "one path per node" is what every step trains, and SPOS's copies per number of active
 * paths have no counterpart; {@link Method#SPOS} is refused with that reason (docs/cellnet.md).
 *
 * @param space the cell space, written as its id in train.json ({@code nb101}, {@code nb101-v4} ..
 *     {@code nb101-v6}, {@code 1shot1-ss1} .. {@code 1shot1-ss3})
 * @param method {@link Method#MIXPATH}
 * @param bnStrategy the normaliser after each vertex convolution, keyed by the vertex's input mask
 * @param sampling how the trainer draws a cell per step
 * @param network stem channels C (the first stack's cells' width), stacks, cells per stack, classes
 */
public record CellSupernetConfig(
    @JsonSerialize(using = ToStringSerializer.class) CellSearchSpace space,
    Method method,
    BnStrategy bnStrategy,
    CellSampling sampling,
    NetworkShape network)
    implements SupernetConfig<Nb101Cell> {

  /** Validates every field, naming the bad one. */
  public CellSupernetConfig {
    if (space == null
        || method == null
        || bnStrategy == null
        || sampling == null
        || network == null) {
      throw new IllegalArgumentException(
          "space, method, bn strategy, sampling and network shape are required");
    }
    if (method != Method.MIXPATH) {
      throw new IllegalArgumentException(
          "method "
              + method.cliName()
              + " has no distinct meaning in cell space "
              + space.id()
              + ": every NAS-Bench-101 vertex runs one op, so each sampled cell already is a single"
              + " path (docs/cellnet.md, 'SPOS'); use "
              + Method.MIXPATH.cliName());
    }
  }

  /**
   * The cell space of an id.
   *
   * @throws IllegalArgumentException for an unknown id or S4, naming it
   */
  public static CellSearchSpace cellSpace(String id) {
    SearchSpace<?> s = Spaces.byId(id);
    if (!(s instanceof CellSearchSpace c)) {
      throw new IllegalArgumentException(
          "space " + id + " is not a NAS-Bench-101 cell space (S4 has its own supernet)");
    }
    return c;
  }

  @Override
  public CellSupernet newSupernet() {
    return new CellSupernet(this);
  }

  /** The training sampler of {@link #sampling()} over the space. */
  public ArchitectureSampler<Nb101Cell> sampler(long seed) {
    return sampling.sampler(space, seed);
  }

  /** The (position, op) pairs and input masks the space's cells use. */
  public CellInputSets inputSets() {
    return CellInputSets.of(space);
  }

  /** A copy with another network shape. */
  public CellSupernetConfig withNetwork(NetworkShape shape) {
    return new CellSupernetConfig(space, method, bnStrategy, sampling, shape);
  }

  /**
   * A copy with another method.
   *
   * @throws IllegalArgumentException for any method but {@link Method#MIXPATH}, with the reason
   */
  public CellSupernetConfig withMethod(Method method) {
    return new CellSupernetConfig(space, method, bnStrategy, sampling, network);
  }

  /** A copy with another BN strategy. */
  public CellSupernetConfig withBnStrategy(BnStrategy strategy) {
    return new CellSupernetConfig(space, method, strategy, sampling, network);
  }

  /**
   * {@code space, method, bn-strategy, sampler, stem-channels, stacks, cells-per-stack, classes}.
   */
  @Override
  public Map<String, String> identity() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("space", space.id());
    m.put("method", method.cliName());
    m.put("bn-strategy", bnStrategy.cliName());
    m.put("sampler", sampling.cliName());
    m.put("stem-channels", Integer.toString(network.stemChannels()));
    m.put("stacks", Integer.toString(network.stacks()));
    m.put("cells-per-stack", Integer.toString(network.cellsPerStack()));
    m.put("classes", Integer.toString(network.classes()));
    return m;
  }

  /** A builder: space required; defaults below. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Assembles a {@link CellSupernetConfig}: {@link #setSpace} required; BN strategy default {@link
   * BnStrategy#VANILLA} (NAS-Bench-101's own conv-bn-relu), sampling {@link CellSampling#UNIFORM},
   * network {@link NetworkShape#S4_MINI} (the mini profile's C = 16, 3 x 1).
   */
  public static final class Builder {
    private CellSearchSpace space;
    private BnStrategy bnStrategy = BnStrategy.VANILLA;
    private CellSampling sampling = CellSampling.UNIFORM;
    private NetworkShape network = NetworkShape.S4_MINI;

    private Builder() {}

    /** The cell space; required. */
    public Builder setSpace(CellSearchSpace space) {
      this.space = space;
      return this;
    }

    /** The cell space by id; required. */
    public Builder setSpace(String id) {
      return setSpace(cellSpace(id));
    }

    /** The BN strategy; default vanilla. */
    public Builder optBnStrategy(BnStrategy strategy) {
      this.bnStrategy = strategy;
      return this;
    }

    /** The training sampler; default uniform over unique cells. */
    public Builder optSampling(CellSampling sampling) {
      this.sampling = sampling;
      return this;
    }

    /** The network shape; default {@link NetworkShape#S4_MINI}. */
    public Builder optNetwork(NetworkShape network) {
      this.network = network;
      return this;
    }

    /**
     * The configuration.
     *
     * @throws IllegalStateException when the space is not set
     */
    public CellSupernetConfig build() {
      if (space == null) {
        throw new IllegalStateException("a cell supernet needs setSpace(...)");
      }
      return new CellSupernetConfig(space, Method.MIXPATH, bnStrategy, sampling, network);
    }
  }
}
