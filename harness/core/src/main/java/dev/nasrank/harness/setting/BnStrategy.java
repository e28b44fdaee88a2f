package dev.nasrank.harness.setting;

import java.util.Locale;

/**
 * Normalisation of the summed multi-path feature of an S4 cell, applied after the cell's 1x1 conv.
 */
public enum BnStrategy {
  /** No batch norm on the sum (what the reference NAS-Bench-101 code effectively runs). */
  NONE,
  /** One batch norm on the sum, shared by every number of active paths. */
  VANILLA,
  /** Shadow BN: one batch norm per number of active paths k = 1..m (m of them). */
  LINEAR_SBN,
  /** One batch norm per subset of active nodes the sampler can produce (2^m - 1 at m = 4). */
  EXPONENTIAL_SBN,
  /** The sum divided by the number of active paths, then one batch norm. */
  SIMPLE_SCALING;

  /** Lower-case name used in CLI options and CSV files, e.g. {@code linear_sbn}. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a CLI/CSV name, case-insensitive, '-' accepted for '_'. */
  public static BnStrategy parse(String s) {
    String n = s.replace('-', '_');
    for (BnStrategy b : values()) {
      if (b.cliName().equalsIgnoreCase(n)) {
        return b;
      }
    }
    throw new IllegalArgumentException(
        "unknown bn strategy '"
            + s
            + "' (expected none, vanilla, linear_sbn, exponential_sbn or simple_scaling)");
  }
}
