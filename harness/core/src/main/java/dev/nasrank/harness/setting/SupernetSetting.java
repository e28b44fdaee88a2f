package dev.nasrank.harness.setting;

import dev.nasrank.harness.space.Spaces;
import java.util.ArrayList;
import java.util.List;

/**
 * One setting of a study: a supernet of a space under a method and a BN strategy with at most m
 * active paths, trained once per seed and evaluated with the trained BN statistics and after BN
 * post-calibration with {@code calibration}. A study lists its settings explicitly ({@link Study}),
 * so a new strategy runs only where a study names it.
 *
 * @param space the search space's id ({@link Spaces})
 * @param method weight sharing
 * @param bnStrategy normalisation of the summed paths
 * @param maxPaths m, the most active paths (1..4 in S4)
 * @param calibration the BN post-calibration protocol of the calibrated evaluation
 */
public record SupernetSetting(
    String space, Method method, BnStrategy bnStrategy, int maxPaths, CalibrationMode calibration) {

  /** Validates every field, naming the bad one. */
  public SupernetSetting {
    Spaces.byId(space);
    if (method == null || bnStrategy == null || calibration == null) {
      throw new IllegalArgumentException("method, bn strategy and calibration are required");
    }
    if (maxPaths < 1) {
      throw new IllegalArgumentException("max paths m must be >= 1, got " + maxPaths);
    }
  }

  /** An S4 setting with exact calibration, the suite's. */
  public static SupernetSetting s4(Method method, BnStrategy bnStrategy, int maxPaths) {
    return builder().setMethod(method).setBnStrategy(bnStrategy).setMaxPaths(maxPaths).build();
  }

  /**
   * The setting's part of a unit's folder name, e.g. {@code mixpath-linear_sbn-m4}; a space other
   * than {@value Spaces#DEFAULT} leads it ({@code <space>-mixpath-...}), so the folders of S4 runs
   * keep their names.
   */
  public String id() {
    String s = method.cliName() + "-" + bnStrategy.cliName() + "-m" + maxPaths;
    return space.equals(Spaces.DEFAULT) ? s : space + "-" + s;
  }

  /** A builder: method, BN strategy and m required; space and calibration with defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Assembles a {@link SupernetSetting}; {@link #build()} names what is missing. */
  public static final class Builder {
    private String space = Spaces.DEFAULT;
    private Method method;
    private BnStrategy bnStrategy;
    private int maxPaths;
    private CalibrationMode calibration = CalibrationMode.EXACT;

    private Builder() {}

    /** The method; required. */
    public Builder setMethod(Method method) {
      this.method = method;
      return this;
    }

    /** The BN strategy; required. */
    public Builder setBnStrategy(BnStrategy bnStrategy) {
      this.bnStrategy = bnStrategy;
      return this;
    }

    /** m; required. */
    public Builder setMaxPaths(int maxPaths) {
      this.maxPaths = maxPaths;
      return this;
    }

    /** The space's id; default {@value Spaces#DEFAULT}. */
    public Builder optSpace(String space) {
      this.space = space;
      return this;
    }

    /** The calibration protocol; default exact. */
    public Builder optCalibration(CalibrationMode calibration) {
      this.calibration = calibration;
      return this;
    }

    /**
     * The setting.
     *
     * @throws IllegalStateException naming every required field not set
     */
    public SupernetSetting build() {
      List<String> missing = new ArrayList<>();
      if (method == null) {
        missing.add("method");
      }
      if (bnStrategy == null) {
        missing.add("bnStrategy");
      }
      if (maxPaths == 0) {
        missing.add("maxPaths");
      }
      if (!missing.isEmpty()) {
        throw new IllegalStateException(
            "a setting needs " + String.join(", ", missing) + ": set them before build()");
      }
      return new SupernetSetting(space, method, bnStrategy, maxPaths, calibration);
    }
  }
}
