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

  /**
   * The m of every setting of a NAS-Bench-101 cell space: the most inputs a vertex of such a cell
   * sums (a vertex summing 5 would need 5 earlier vertices with an edge each, 4 edges into them and
   * one out of it to the output, 10 edges against NAS-Bench-101's 9). m is not a choice there: a
   * sampled cell runs every vertex it has, so a cell-space setting's id leaves it out.
   */
  public static final int CELL_MAX_PATHS = 4;

  /** Validates every field, naming the bad one. */
  public SupernetSetting {
    Spaces.byId(space);
    if (method == null || bnStrategy == null || calibration == null) {
      throw new IllegalArgumentException("method, bn strategy and calibration are required");
    }
    if (maxPaths < 1) {
      throw new IllegalArgumentException("max paths m must be >= 1, got " + maxPaths);
    }
    if (!Spaces.isS4(space) && maxPaths != CELL_MAX_PATHS) {
      throw new IllegalArgumentException(
          "max paths m is not a choice in space "
              + space
              + ": a sampled cell runs every vertex it has (at most "
              + CELL_MAX_PATHS
              + " summed inputs), so m must be "
              + CELL_MAX_PATHS
              + ", got "
              + maxPaths);
    }
  }

  /** A setting of a NAS-Bench-101 cell space (m = {@value #CELL_MAX_PATHS}, exact calibration). */
  public static SupernetSetting cell(String space, Method method, BnStrategy bnStrategy) {
    return builder()
        .optSpace(space)
        .setMethod(method)
        .setBnStrategy(bnStrategy)
        .setMaxPaths(CELL_MAX_PATHS)
        .build();
  }

  /** An S4 setting with exact calibration, the suite's. */
  public static SupernetSetting s4(Method method, BnStrategy bnStrategy, int maxPaths) {
    return builder().setMethod(method).setBnStrategy(bnStrategy).setMaxPaths(maxPaths).build();
  }

  /**
   * The setting's part of a unit's folder name, e.g. {@code mixpath-linear_sbn-m4} in S4; a space
   * other than {@value Spaces#DEFAULT} leads it and has no m ({@code nb101-mixpath-linear_sbn}: m
   * is not a choice there, {@link #CELL_MAX_PATHS}), so the folders of S4 runs keep their names.
   */
  public String id() {
    String s = method.cliName() + "-" + bnStrategy.cliName();
    return Spaces.isS4(space) ? s + "-m" + maxPaths : space + "-" + s;
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
