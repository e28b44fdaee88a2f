package dev.nasrank.harness.setting;

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

  /** Lower-case name used in CLI options and CSV files. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a CLI/CSV name, case-insensitive. */
  public static Method parse(String s) {
    for (Method m : values()) {
      if (m.cliName().equalsIgnoreCase(s)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown method '" + s + "' (expected mixpath or spos)");
  }
}
