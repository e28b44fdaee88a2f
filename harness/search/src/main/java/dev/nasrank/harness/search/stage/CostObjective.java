package dev.nasrank.harness.search.stage;

import dev.nasrank.benchbridge.ModelSpec;
import dev.nasrank.benchbridge.NetworkCost;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * NSGA-II's second objective: a cost of the NAS-Bench-101 network of a cell ({@link NetworkCost}: C
 * = 128, 3 stacks x 3 cells, 32x32 CIFAR-10 images), minimised.
 */
public enum CostObjective {
  /** FLOPs of one forward pass of one image, in MFLOPs. */
  FLOPS("flops", "MFLOPs"),
  /** Trainable parameters, in millions. */
  PARAMS("params", "M parameters");

  private final String cliName;
  private final String unit;

  CostObjective(String cliName, String unit) {
    this.cliName = cliName;
    this.unit = unit;
  }

  /** The name in files and commands. */
  public String cliName() {
    return cliName;
  }

  /** The unit of {@link #of}, e.g. {@code MFLOPs}. */
  public String unit() {
    return unit;
  }

  /** The cost of a valid, pruned cell, in {@link #unit()}. */
  public double of(ModelSpec spec) {
    NetworkCost c = NetworkCost.of(spec);
    return this == FLOPS ? c.flops() / 1e6 : c.parameters() / 1e6;
  }

  /** Every name, comma separated. */
  public static String names() {
    return Arrays.stream(values()).map(CostObjective::cliName).collect(Collectors.joining(", "));
  }

  /**
   * The objective of a name (case-insensitive).
   *
   * @throws IllegalArgumentException naming the value and the known names
   */
  public static CostObjective parse(String name) {
    String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    for (CostObjective o : values()) {
      if (o.cliName.equals(key)) {
        return o;
      }
    }
    throw new IllegalArgumentException(
        "unknown cost objective '" + name + "' (expected one of " + names() + ")");
  }
}
