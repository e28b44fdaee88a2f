package dev.nasrank.harness.search.stage;

import dev.nasrank.harness.config.Seeds;
import dev.nasrank.harness.report.GroundTruth;
import dev.nasrank.harness.search.SearchOptions;
import dev.nasrank.harness.search.Strategy;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@link RunSearch#run} searches and where it writes. Defaults (stated here once): every
 * strategy, budget {@value #DEFAULT_BUDGET} distinct queries, {@value #DEFAULT_SEEDS} search seeds
 * from {@link Seeds#DEFAULT}, cost {@code flops}, {@link SearchOptions#defaults()}, {@value
 * #DEFAULT_RESAMPLES} bootstrap resamples seeded {@link Seeds#DEFAULT}, output folder {@code
 * RUN/search}, plots on.
 *
 * @param run the run folder (its candidates.csv)
 * @param groundTruth what the searches are scored against (and the oracle baseline)
 * @param out the folder the files go to
 * @param strategies the strategies; random search runs in any case, as the baseline
 * @param budget distinct oracle queries per search
 * @param seeds number of search seeds
 * @param firstSeed the first search seed; the others follow it
 * @param objective NSGA-II's cost
 * @param options the strategies' parameters
 * @param resamples bootstrap resamples of the intervals
 * @param bootstrapSeed the bootstrap's seed
 * @param plots whether to draw the PNGs
 */
public record SearchRequest(
    Path run,
    GroundTruth groundTruth,
    Path out,
    List<Strategy> strategies,
    int budget,
    int seeds,
    long firstSeed,
    CostObjective objective,
    SearchOptions options,
    int resamples,
    long bootstrapSeed,
    boolean plots) {

  /** Default budget in distinct queries (a fifth of S4's 255 choices). */
  public static final int DEFAULT_BUDGET = 50;

  /** Default number of search seeds. */
  public static final int DEFAULT_SEEDS = 10;

  /** Default bootstrap resamples. */
  public static final int DEFAULT_RESAMPLES = 10_000;

  /** Validates, naming the bad value. */
  public SearchRequest {
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(groundTruth, "groundTruth");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(objective, "objective");
    Objects.requireNonNull(options, "options");
    strategies = List.copyOf(strategies);
    if (strategies.isEmpty()) {
      throw new IllegalArgumentException("name at least one strategy (" + Strategy.names() + ")");
    }
    if (budget < 1) {
      throw new IllegalArgumentException("the budget must be >= 1 query, got " + budget);
    }
    if (seeds < 1) {
      throw new IllegalArgumentException("the number of search seeds must be >= 1, got " + seeds);
    }
    if (resamples < 1) {
      throw new IllegalArgumentException("bootstrap resamples must be >= 1, got " + resamples);
    }
  }

  /** A builder with the defaults; the run folder and the ground truth are required. */
  public static Builder builder(Path run, GroundTruth groundTruth) {
    return new Builder(run, groundTruth);
  }

  /** Assembles a {@link SearchRequest}; {@code optX} overrides a default. */
  public static final class Builder {
    private final Path run;
    private final GroundTruth groundTruth;
    private Path out;
    private List<Strategy> strategies = List.of(Strategy.values());
    private int budget = DEFAULT_BUDGET;
    private int seeds = DEFAULT_SEEDS;
    private long firstSeed = Seeds.DEFAULT;
    private CostObjective objective = CostObjective.FLOPS;
    private SearchOptions options = SearchOptions.defaults();
    private int resamples = DEFAULT_RESAMPLES;
    private long bootstrapSeed = Seeds.DEFAULT;
    private boolean plots = true;

    private Builder(Path run, GroundTruth groundTruth) {
      this.run = run;
      this.groundTruth = groundTruth;
    }

    /** Output folder (default {@code RUN/search}). */
    public Builder optOut(Path out) {
      this.out = out;
      return this;
    }

    /** Strategies (default all). */
    public Builder optStrategies(List<Strategy> strategies) {
      this.strategies = strategies;
      return this;
    }

    /** Budget in distinct queries. */
    public Builder optBudget(int budget) {
      this.budget = budget;
      return this;
    }

    /** Number of search seeds. */
    public Builder optSeeds(int seeds) {
      this.seeds = seeds;
      return this;
    }

    /** First search seed. */
    public Builder optFirstSeed(long firstSeed) {
      this.firstSeed = firstSeed;
      return this;
    }

    /** NSGA-II's cost. */
    public Builder optObjective(CostObjective objective) {
      this.objective = objective;
      return this;
    }

    /** The strategies' parameters. */
    public Builder optOptions(SearchOptions options) {
      this.options = options;
      return this;
    }

    /** Bootstrap resamples. */
    public Builder optResamples(int resamples) {
      this.resamples = resamples;
      return this;
    }

    /** Bootstrap seed. */
    public Builder optBootstrapSeed(long bootstrapSeed) {
      this.bootstrapSeed = bootstrapSeed;
      return this;
    }

    /** Whether to draw plots. */
    public Builder optPlots(boolean plots) {
      this.plots = plots;
      return this;
    }

    /** The request. */
    public SearchRequest build() {
      return new SearchRequest(
          run,
          groundTruth,
          out != null ? out : run.resolve("search"),
          strategies,
          budget,
          seeds,
          firstSeed,
          objective,
          options,
          resamples,
          bootstrapSeed,
          plots);
    }
  }
}
