package dev.nasrank.harness.candidates;

import dev.nasrank.harness.setting.BnStrategy;
import dev.nasrank.harness.setting.Method;
import dev.nasrank.harness.space.S4Choice;
import dev.nasrank.harness.space.Spaces;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One row of a run's {@code candidates.csv}: the one-shot accuracy (fraction in [0,1]) of one
 * candidate of a search space, evaluated with the inherited weights of one supernet (method, BN
 * strategy, calibration, training seed). Rows read from a file are validated by {@link
 * CandidatesCsv}; rows assembled by hand come from {@link #builder()}.
 *
 * @param method {@code mixpath} or {@code spos}
 * @param bnStrategy one of {@link #BN_STRATEGIES}
 * @param calibrated whether BN statistics were recomputed for the candidate before evaluation
 * @param seed the supernet's training seed
 * @param choice the candidate's stable id in its space ({@code
 *     dev.nasrank.harness.space.Architecture#id()}; for S4 the choice, e.g. {@code n1:conv3x3})
 * @param activePaths the candidate's number of summed paths (for S4 its active nodes, 1..m)
 * @param moduleHash NAS-Bench-101 module hash (32 lowercase hex digits) of the choice's pruned spec
 * @param oneShotAccuracy accuracy with inherited weights, fraction in [0,1]
 * @param maxPaths the supernet's maximum number of active paths m (1..4); 4 when the file has no
 *     {@code max_paths} column
 * @param space the search space's id ({@link Spaces}); {@value Spaces#DEFAULT} when the file has no
 *     {@code space} column
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
    int maxPaths,
    String space) {

  /**
   * S4Supernet training methods: the {@link Method#cliName()}s, the one vocabulary the trainer
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

  /**
   * The method name of a trivial predictor's rows (the reporter's, never a supernet's): the
   * "one-shot accuracy" is a cost of the cell's NAS-Bench-101 network scaled into [0,1], and the
   * {@code bn_strategy} column names the predictor, one of {@link #PREDICTORS}.
   */
  public static final String PREDICTOR = "predictor";

  /**
   * The trivial predictors, in table order: trainable parameters, FLOPs and number of conv3x3
   * vertices of the cell's NAS-Bench-101 network.
   */
  public static final List<String> PREDICTORS = List.of("params", "flops", "conv3x3");

  /** Validates every field, naming the column and the value. */
  public Candidate {
    Objects.requireNonNull(choice, "choice");
    Spaces.byId(space);
    boolean predictor = PREDICTOR.equals(method);
    if (!predictor && !METHODS.contains(method)) {
      throw new IllegalArgumentException(
          "unknown method '" + method + "' (expected one of " + Method.names() + ")");
    }
    if (predictor ? !PREDICTORS.contains(bnStrategy) : !BN_STRATEGIES.contains(bnStrategy)) {
      throw new IllegalArgumentException(
          "unknown bn_strategy '"
              + bnStrategy
              + "' (expected one of "
              + (predictor ? String.join(", ", PREDICTORS) : BnStrategy.names())
              + ")");
    }
    if (maxPaths < 1 || maxPaths > S4Choice.NODES) {
      throw new IllegalArgumentException(
          "max_paths must be in 1.." + S4Choice.NODES + ", got " + maxPaths);
    }
    // a NAS-Bench-101 cell without inner vertex (input -> output) sums nothing
    int fewest = Spaces.isS4(space) ? 1 : 0;
    if (activePaths < fewest || activePaths > maxPaths) {
      throw new IllegalArgumentException(
          "active_paths must be in " + fewest + ".." + maxPaths + ", got " + activePaths);
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
    return builder()
        .setMethod(method)
        .setBnStrategy(bnStrategy)
        .setCalibrated(calibrated)
        .setSeed(seed)
        .setArchitecture(choice, activePaths, moduleHash)
        .setOneShotAccuracy(oneShotAccuracy)
        .optMaxPaths(m)
        .optSpace(space)
        .build();
  }

  /** A builder for rows assembled by hand (tests, converters). */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Assembles a {@link Candidate}: {@code setX} for the required fields, {@code optX} for those
   * with a default; {@link #build()} names what is missing, then validates as the constructor does.
   */
  public static final class Builder {
    private String method;
    private String bnStrategy;
    private Boolean calibrated;
    private Long seed;
    private String choice;
    private Integer activePaths;
    private String moduleHash;
    private Double oneShotAccuracy;
    private int maxPaths = S4Choice.NODES;
    private String space = Spaces.DEFAULT;

    private Builder() {}

    /** The method's name ({@link Method#cliName()}); required. */
    public Builder setMethod(String method) {
      this.method = method;
      return this;
    }

    /** The BN strategy's name ({@link BnStrategy#cliName()}); required. */
    public Builder setBnStrategy(String bnStrategy) {
      this.bnStrategy = bnStrategy;
      return this;
    }

    /** Whether BN post-calibration ran before the evaluation; required. */
    public Builder setCalibrated(boolean calibrated) {
      this.calibrated = calibrated;
      return this;
    }

    /** The supernet's training seed; required. */
    public Builder setSeed(long seed) {
      this.seed = seed;
      return this;
    }

    /** The candidate's id, its number of summed paths and its module hash; required. */
    public Builder setArchitecture(String choice, int activePaths, String moduleHash) {
      this.choice = choice;
      this.activePaths = activePaths;
      this.moduleHash = moduleHash;
      return this;
    }

    /** The one-shot accuracy, a fraction in [0,1]; required. */
    public Builder setOneShotAccuracy(double accuracy) {
      this.oneShotAccuracy = accuracy;
      return this;
    }

    /** The supernet's m; default 4. */
    public Builder optMaxPaths(int maxPaths) {
      this.maxPaths = maxPaths;
      return this;
    }

    /** The space's id; default {@value Spaces#DEFAULT}. */
    public Builder optSpace(String space) {
      this.space = space;
      return this;
    }

    /**
     * The row.
     *
     * @throws IllegalStateException naming every required field not set
     * @throws IllegalArgumentException when a value is out of its domain
     */
    public Candidate build() {
      List<String> missing = new ArrayList<>();
      if (method == null) {
        missing.add("method");
      }
      if (bnStrategy == null) {
        missing.add("bnStrategy");
      }
      if (calibrated == null) {
        missing.add("calibrated");
      }
      if (seed == null) {
        missing.add("seed");
      }
      if (choice == null) {
        missing.add("architecture");
      }
      if (oneShotAccuracy == null) {
        missing.add("oneShotAccuracy");
      }
      if (!missing.isEmpty()) {
        throw new IllegalStateException(
            "a candidate needs " + String.join(", ", missing) + ": set them before build()");
      }
      return new Candidate(
          method,
          bnStrategy,
          calibrated,
          seed,
          choice,
          activePaths,
          moduleHash,
          oneShotAccuracy,
          maxPaths,
          space);
    }
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
      if (c == 0) {
        c = bnStrategy.compareTo(o.bnStrategy);
      }
      return c != 0 ? c : Boolean.compare(calibrated, o.calibrated);
    }

    /** True for a trivial predictor ({@link Candidate#PREDICTOR}), which has no calibration. */
    public boolean predictor() {
      return PREDICTOR.equals(method);
    }

    /** E.g. {@code mixpath/linear_sbn/calibrated}; a predictor {@code predictor/params}. */
    public String label() {
      return predictor()
          ? method + "/" + bnStrategy
          : method + "/" + bnStrategy + "/" + (calibrated ? "calibrated" : "uncalibrated");
    }

    /**
     * Compact form for figures, e.g. {@code linear_sbn cal} (MixPath), {@code spos vanilla uncal}
     * or {@code predictor params}.
     */
    public String shortLabel() {
      if (predictor()) {
        return method + " " + bnStrategy;
      }
      return (method.equals("mixpath") ? "" : method + " ")
          + bnStrategy
          + (calibrated ? " cal" : " uncal");
    }

    /** File-name friendly form, e.g. {@code mixpath-linear_sbn-cal} or {@code predictor-params}. */
    public String slug() {
      return predictor()
          ? method + "-" + bnStrategy
          : method + "-" + bnStrategy + "-" + (calibrated ? "cal" : "nocal");
    }

    private static int strategyOrder(String s) {
      if (BN_STRATEGIES.contains(s)) {
        return BnStrategy.parse(s).ordinal();
      }
      int p = PREDICTORS.indexOf(s);
      return BnStrategy.values().length + (p < 0 ? PREDICTORS.size() : p);
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
