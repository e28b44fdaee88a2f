package dev.nasrank.harness.groundtruth;

import dev.nasrank.benchbridge.ModelSpec;
import dev.nasrank.benchbridge.NetworkCost;
import dev.nasrank.harness.config.NetworkShape;

/**
 * Trainable parameter count of the NAS-Bench-101 network ({@link Nb101Network}) for a cell,
 * computed from layer shapes alone by benchbridge's {@link NetworkCost} (the one implementation of
 * the channel arithmetic): convolutions without bias, a scale and an offset per batch-norm channel,
 * the dense layer with bias. Comparable with NAS-Bench-101's {@code trainable_parameters}; equal to
 * the DJL network's count ({@code ParameterCountGoldenTest}).
 */
public final class ParameterCount {
  private ParameterCount() {}

  /** Parameters of the whole network for {@code spec} under {@code config}. */
  public static long network(ModelSpec spec, NetworkShape config) {
    return NetworkCost.of(spec, config.costShape()).parameters();
  }
}
