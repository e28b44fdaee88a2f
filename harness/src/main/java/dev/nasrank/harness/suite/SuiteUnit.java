package dev.nasrank.harness.suite;

import dev.nasrank.harness.setting.BnStrategy;
import dev.nasrank.harness.setting.Method;

/**
 * One supernet of the suite: trained once, then evaluated uncalibrated and calibrated over all its
 * choices. Its files live in {@code DIR/units/<id>/}.
 *
 * @param method MixPath or SPOS
 * @param bnStrategy normalisation of the summed paths
 * @param maxPaths m, the most active nodes per cell
 * @param seed training seed (weights, sampler, data order)
 */
public record SuiteUnit(Method method, BnStrategy bnStrategy, int maxPaths, long seed) {

  /** Folder name, e.g. {@code mixpath-linear_sbn-m4-s2020}. */
  public String id() {
    return method.cliName() + "-" + bnStrategy.cliName() + "-m" + maxPaths + "-s" + seed;
  }
}
