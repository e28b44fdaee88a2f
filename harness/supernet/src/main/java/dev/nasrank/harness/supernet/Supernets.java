package dev.nasrank.harness.supernet;

import dev.nasrank.harness.config.NetworkShape;
import dev.nasrank.harness.setting.SupernetSetting;
import dev.nasrank.harness.space.SamplerMode;
import dev.nasrank.harness.space.Spaces;

/**
 * The supernet of a study's setting: the one place a space's id chooses its supernet class (a new
 * space's supernet registers here, docs/architecture.md).
 */
public final class Supernets {

  private Supernets() {}

  /**
   * The supernet configuration of a setting.
   *
   * @param sampler the S4 sampler mode (which nodes the sampler may activate; unused by the cell
   *     spaces, whose supernets train with {@link dev.nasrank.harness.space.CellSampling#UNIFORM})
   * @param network the profile's network shape
   * @throws IllegalArgumentException for a space without a supernet, or SPOS in a cell space
   *     (docs/cellnet.md)
   */
  public static SupernetConfig<?> of(
      SupernetSetting setting, SamplerMode sampler, NetworkShape network) {
    if (setting.space().equals(Spaces.S4)) {
      return new S4SupernetConfig(
          setting.method(), setting.bnStrategy(), setting.maxPaths(), sampler, network);
    }
    return CellSupernetConfig.builder()
        .setSpace(setting.space())
        .optBnStrategy(setting.bnStrategy())
        .optNetwork(network)
        .build()
        .withMethod(setting.method());
  }
}
