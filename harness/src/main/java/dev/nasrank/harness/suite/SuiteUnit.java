package dev.nasrank.harness.suite;

import dev.nasrank.harness.setting.BnStrategy;
import dev.nasrank.harness.setting.Method;
import dev.nasrank.harness.setting.SupernetSetting;

/**
 * One supernet of the suite: a setting of the study trained with one seed, then evaluated
 * uncalibrated and calibrated over all its candidates. Its files live in {@code DIR/units/<id>/}.
 *
 * @param setting space, method, BN strategy, m and calibration
 * @param seed training seed (weights, sampler, data order)
 */
public record SuiteUnit(SupernetSetting setting, long seed) {

  /** An S4 unit with exact calibration. */
  public static SuiteUnit s4(Method method, BnStrategy bnStrategy, int maxPaths, long seed) {
    return new SuiteUnit(SupernetSetting.s4(method, bnStrategy, maxPaths), seed);
  }

  /** The setting's method. */
  public Method method() {
    return setting.method();
  }

  /** The setting's BN strategy. */
  public BnStrategy bnStrategy() {
    return setting.bnStrategy();
  }

  /** The setting's m. */
  public int maxPaths() {
    return setting.maxPaths();
  }

  /** Folder name, e.g. {@code mixpath-linear_sbn-m4-s2020} ({@link SupernetSetting#id()}). */
  public String id() {
    return setting.id() + "-s" + seed;
  }
}
