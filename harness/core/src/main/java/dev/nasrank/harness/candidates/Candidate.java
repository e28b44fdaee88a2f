package dev.nasrank.harness.candidates;

import dev.nasrank.harness.setting.BnStrategy;
import dev.nasrank.harness.setting.Method;
import dev.nasrank.harness.space.S4Choice;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One row of a run's {@code candidates.csv}: the one-shot accuracy (fraction in [0,1]) of one S4
 * choice, evaluated with the inherited weights of one supernet (method, BN strategy, calibration,
 * training seed).
 *
 * @param method {@code mixpath} or {@code spos}
 * @param bnStrategy one of {@link #BN_STRATEGIES}
 * @param calibrated whether BN statistics were recomputed for the candidate before evaluation
 * @param seed the supernet's training seed
 * @param choice the S4 choice in the suite's text form (opaque here; it identifies the row)
 * @param activePaths number of active choice nodes, 1..4
 * @param moduleHash NAS-Bench-101 module hash (32 lowercase hex digits) of the choice's pruned spec
 * @param oneShotAccuracy accuracy with inherited weights, fraction in [0,1]
 * @param maxPaths the supernet's maximum number of active paths m (1..4); 4 when the file has no
 *     {@code max_paths} column
 */
public record Candidate(
    String method,
    String bnStrategy,
    boolean calibrated,
    long seed,
    String choice,
    int activePaths,
    String moduleHash,
    double oneShotAccuracy,
    int maxPaths) {

  /**
   * Supernet training methods: the {@link Method#cliName()}s, the one vocabulary the trainer
   * writes.
   */
  public static final Set<String> METHODS =
      Arrays.stream(Method.values()).map(Method::cliName).collect(Collectors.toUnmodifiableSet());

  /**
   * BN strategies on the summed multi-path feature (see docs/mixpath.md): the {@link
   * BnStrategy#cliName()}s.
   */
  public static final Set<String> BN_STRATEGIES =
      Arrays.stream(BnStrategy.values())
          .map(BnStrategy::cliName)
          .collect(Collectors.toUnmodifiableSet());

  public Candidate {
    Objects.requireNonNull(choice, "choice");
    if (!METHODS.contains(method)) {
      throw new IllegalArgumentException(
          "unknown method '" + method + "' (expected one of " + METHODS + ")");
    }
    if (!BN_STRATEGIES.contains(bnStrategy)) {
      throw new IllegalArgumentException(
          "unknown bn_strategy '" + bnStrategy + "' (expected one of " + BN_STRATEGIES + ")");
    }
    if (maxPaths < 1 || maxPaths > S4Choice.NODES) {
      throw new IllegalArgumentException(
          "max_paths must be in 1.." + S4Choice.NODES + ", got " + maxPaths);
    }
    if (activePaths < 1 || activePaths > maxPaths) {
      throw new IllegalArgumentException(
          "active_paths must be in 1.." + maxPaths + ", got " + activePaths);
    }
    if (moduleHash == null || !moduleHash.matches("[0-9a-f]{32}")) {
      throw new IllegalArgumentException(
          "module_hash must be 32 lowercase hex digits, got '" + moduleHash + "'");
    }
    if (!(oneShotAccuracy >= 0 && oneShotAccuracy <= 1)) {
      throw new IllegalArgumentException(
          "one_shot_accuracy must be a fraction in [0,1], got " + oneShotAccuracy);
    }
  }

  /** A copy recording another m (the supernet's maximum number of active paths). */
  public Candidate withMaxPaths(int m) {
    return new Candidate(
        method, bnStrategy, calibrated, seed, choice, activePaths, moduleHash, oneShotAccuracy, m);
  }

  /** The supernet configuration this row belongs to (without the seed). */
  public Setting setting() {
    return new Setting(method, bnStrategy, calibrated);
  }

  /** The configuration and seed: one ranking. */
  public RunKey runKey() {
    return new RunKey(setting(), seed);
  }

  /** A supernet configuration: method x BN strategy x calibration; ordered for tables. */
  public record Setting(String method, String bnStrategy, boolean calibrated)
      implements Comparable<Setting> {
    @Override
    public int compareTo(Setting o) {
      int c = method.compareTo(o.method);
      if (c == 0) {
        c = Integer.compare(strategyOrder(bnStrategy), strategyOrder(o.bnStrategy));
      }
      return c != 0 ? c : Boolean.compare(calibrated, o.calibrated);
    }

    /** E.g. {@code mixpath/linear_sbn/calibrated}. */
    public String label() {
      return method + "/" + bnStrategy + "/" + (calibrated ? "calibrated" : "uncalibrated");
    }

    /**
     * Compact form for figures, e.g. {@code linear_sbn cal} (MixPath) or {@code spos vanilla
     * uncal}.
     */
    public String shortLabel() {
      return (method.equals("mixpath") ? "" : method + " ")
          + bnStrategy
          + (calibrated ? " cal" : " uncal");
    }

    /** File-name friendly form, e.g. {@code mixpath-linear_sbn-cal}. */
    public String slug() {
      return method + "-" + bnStrategy + "-" + (calibrated ? "cal" : "nocal");
    }

    private static int strategyOrder(String s) {
      return BN_STRATEGIES.contains(s) ? BnStrategy.parse(s).ordinal() : BnStrategy.values().length;
    }
  }

  /** A setting and a training seed. */
  public record RunKey(Setting setting, long seed) implements Comparable<RunKey> {
    @Override
    public int compareTo(RunKey o) {
      int c = setting.compareTo(o.setting);
      return c != 0 ? c : Long.compare(seed, o.seed);
    }
  }
}
