package dev.nasrank.harness.space;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How {@link S4Sampler} picks the active nodes. */
public enum SamplerMode {
  /** m' distinct nodes drawn uniformly from all four nodes (the default). */
  CORRECTED,
  /**
   * m' distinct nodes drawn from the first m nodes only, replicating the reference code's defect
   * (with m &lt; 4 the last 4 - m nodes are never trained).
   */
  REFERENCE;

  /** The lower-case name files and commands use, e.g. {@code corrected}. */
  @JsonValue
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a name, case-insensitive (so the upper-case enum names of older checkpoints read too).
   *
   * @throws IllegalArgumentException naming the value and the accepted names
   */
  @JsonCreator
  public static SamplerMode parse(String s) {
    for (SamplerMode m : values()) {
      if (m.cliName().equalsIgnoreCase(s)) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "unknown sampler mode '"
            + s
            + "' (expected "
            + String.join(
                " or ", java.util.Arrays.stream(values()).map(SamplerMode::cliName).toList())
            + ")");
  }
}
