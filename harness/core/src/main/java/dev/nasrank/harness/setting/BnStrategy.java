package dev.nasrank.harness.setting;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
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

  /**
   * The strategy's one name, in every file and command ({@code linear_sbn}); checkpoints written
   * before 2026-12 spelled it as the enum constant, which {@link #parse} reads too.
   */
  @JsonValue
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Every name, as help texts and error messages list them, in declaration order. */
  public static String names() {
    return Names.of(values(), BnStrategy::cliName);
  }

  /**
   * Parses a name, case-insensitive, '-' accepted for '_'.
   *
   * @throws IllegalArgumentException naming the value and every accepted name
   */
  @JsonCreator
  public static BnStrategy parse(String s) {
    return Names.parse(values(), BnStrategy::cliName, s, "bn strategy");
  }
}
