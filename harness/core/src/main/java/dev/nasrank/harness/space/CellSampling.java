package dev.nasrank.harness.space;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * How a cell-space supernet's trainer draws a cell per step (recorded in the checkpoint, train.json
 * and the run's identity as {@link #cliName()}).
 */
public enum CellSampling {
  /**
   * Uniform over the space's unique cells ({@link UniformCellSampler}), the default: every cell as
   * likely, whatever its number of labelled graphs.
   */
  UNIFORM,
  /**
   * Per-decision uniform, the NAS-Bench-101 API's {@code random_spec} and NAS-Bench-1Shot1's random
   * sampling ({@link RandomSpecSampler}): every edge of the 7-vertex upper-triangular matrix on
   * with probability 1/2 and every inner op uniform, redrawn until the pruned cell is in the space.
   * Cells with many labelled graphs (and the large cells) are drawn more often.
   */
  RANDOM_SPEC;

  /** The name files and commands use, e.g. {@code uniform}, {@code random_spec}. */
  @JsonValue
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The sampler of this mode over {@code space}, seeded. */
  public ArchitectureSampler<Nb101Cell> sampler(CellSearchSpace space, long seed) {
    return switch (this) {
      case UNIFORM -> space.sampler(seed);
      case RANDOM_SPEC -> new RandomSpecSampler(space, seed);
    };
  }

  /**
   * Parses a name, case-insensitive.
   *
   * @throws IllegalArgumentException naming the value and the accepted names
   */
  @JsonCreator
  public static CellSampling parse(String s) {
    for (CellSampling m : values()) {
      if (m.cliName().equalsIgnoreCase(s == null ? "" : s.trim())) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "unknown cell sampling '"
            + s
            + "' (expected "
            + String.join(" or ", Arrays.stream(values()).map(CellSampling::cliName).toList())
            + ")");
  }
}
