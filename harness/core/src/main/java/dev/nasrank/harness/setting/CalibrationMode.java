package dev.nasrank.harness.setting;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How BN post-calibration recomputes a candidate's batch-norm running statistics. */
public enum CalibrationMode {
  /**
   * The clean protocol (default): reset the running statistics of the candidate's batch norms, then
   * take the exact cumulative average over K fixed, seeded training batches (update weight 1/i at
   * batch i).
   */
  EXACT,
  /**
   * Replicates the reference code: no reset, update weight 0.1 (PyTorch momentum 0.1), over every
   * batch of the evaluation set itself.
   */
  REFERENCE;

  /** Lower-case name files and commands use, e.g. {@code exact}. */
  @JsonValue
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Every name, as help texts and error messages list them: {@code exact, reference}. */
  public static String names() {
    return Names.of(values(), CalibrationMode::cliName);
  }

  /**
   * Parses a name, case-insensitive.
   *
   * @throws IllegalArgumentException naming the value and the accepted names
   */
  @JsonCreator
  public static CalibrationMode parse(String s) {
    return Names.parse(values(), CalibrationMode::cliName, s, "calibration mode");
  }
}
