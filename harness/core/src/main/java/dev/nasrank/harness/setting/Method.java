package dev.nasrank.harness.setting;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How the supernet shares weights between branch combinations. */
public enum Method {
  /**
   * MixPath (Chu et al., arXiv 2001.05887): one set of weights per (node, op); any subset of nodes
   * is summed, so every combination shares the node weights.
   */
  MIXPATH,
  /**
   * SPOS (Guo et al., ECCV 2020) applied to the multi-path space: one independent copy of the four
   * choice nodes per number of active paths k = 1..m, so combinations of different sizes share no
   * op weights (about 4x MixPath's parameters at m = 4; see docs/harness.md).
   */
  SPOS;

  /** The method's one name, in every file and command ({@code mixpath}). */
  @JsonValue
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Every name, as help texts and error messages list them, in declaration order. */
  public static String names() {
    return Names.of(values(), Method::cliName);
  }

  /**
   * Parses a name, case-insensitive.
   *
   * @throws IllegalArgumentException naming the value and every accepted name
   */
  @JsonCreator
  public static Method parse(String s) {
    return Names.parse(values(), Method::cliName, s, "method");
  }
}
