package dev.nasrank.harness.search.stage;

import dev.nasrank.harness.candidates.Candidate;
import dev.nasrank.harness.candidates.CandidatesCsv;
import dev.nasrank.harness.report.GroundTruth;
import dev.nasrank.harness.search.Neighbourhoods;
import dev.nasrank.harness.search.Oracle;
import dev.nasrank.harness.search.SearchProblem;
import dev.nasrank.harness.search.SearchStrategy;
import dev.nasrank.harness.search.SearchTrace;
import dev.nasrank.harness.search.Strategy;
import dev.nasrank.harness.search.score.GroundTruthScorer;
import dev.nasrank.harness.space.Architecture;
import dev.nasrank.harness.space.SearchSpace;
import dev.nasrank.harness.space.Spaces;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Searches a finished run folder: for every setting x supernet seed of its candidates.csv (the rows
 * of the largest m, as the reporter ranks), each strategy of the request and random search run with
 * each search seed, the oracle being the recorded one-shot accuracies; the same searches run on the
 * ground truth (the oracle baseline). The pool of a setting x seed is the candidates the run
 * evaluated whose architecture the ground truth holds (S4: all 255 choices; a NAS-Bench-101 cell
 * space: the run's sample), sorted by id. Each search is scored by {@link GroundTruthScorer};
 * {@link SearchFiles} writes the files.
 */
public final class RunSearch {

  private RunSearch() {}

  /**
   * Runs the request and writes its files into {@code request.out()}.
   *
   * @throws IllegalArgumentException naming the file and value when candidates.csv is missing,
   *     mixes spaces, or the ground truth holds none of a setting's candidates
   */
  public static SearchResult run(SearchRequest request) {
    Path csv = request.run().resolve("candidates.csv");
    List<Candidate> rows = CandidatesCsv.read(csv);
    List<String> spaces = rows.stream().map(Candidate::space).distinct().sorted().toList();
    if (spaces.size() != 1) {
      throw new IllegalArgumentException(
          csv + " mixes the spaces " + spaces + ": one run searches one space");
    }
    return runSpace(Spaces.byId(spaces.get(0)), rows, request, csv);
  }

  private static <A extends Architecture> SearchResult runSpace(
      SearchSpace<A> space, List<Candidate> rows, SearchRequest request, Path csv) {
    GroundTruth gt = request.groundTruth();
    int mainM = rows.stream().mapToInt(Candidate::maxPaths).max().orElseThrow();
    Map<Candidate.RunKey, Map<A, Double>> runs = new TreeMap<>();
    for (Candidate c : rows) {
      if (c.maxPaths() == mainM && gt.contains(c.moduleHash())) {
        runs.computeIfAbsent(c.runKey(), k -> new HashMap<>())
            .put(space.parse(c.choice()), c.oneShotAccuracy());
      }
    }
    if (runs.isEmpty()) {
      throw new IllegalArgumentException(
          "ground truth (" + gt.description() + ") holds none of the architectures in " + csv);
    }
    Function<A, List<A>> neighbourhood = Neighbourhoods.of(space);
    Map<String, Double> costs = new HashMap<>();
    Map<List<String>, Pooled<A>> pools = new HashMap<>();
    LinkedHashSet<Strategy> strategies = new LinkedHashSet<>();
    strategies.add(Strategy.RANDOM);
    strategies.addAll(request.strategies());
    Map<Strategy, SearchStrategy> impl = new LinkedHashMap<>();
    strategies.forEach(s -> impl.put(s, s.create(request.options())));

    List<SearchRow> out = new ArrayList<>();
    Map<SearchResult.Key, double[]> anytimeSums = new LinkedHashMap<>();
    Map<SearchResult.Key, Integer> anytimeCounts = new HashMap<>();
    Map<String, Scored> groundTruthRuns = new HashMap<>();
    Fronts<A> fronts = new Fronts<>();
    for (Map.Entry<Candidate.RunKey, Map<A, Double>> run : runs.entrySet()) {
      Candidate.RunKey key = run.getKey();
      Map<A, Double> oneShot = run.getValue();
      List<A> pool = new ArrayList<>(oneShot.keySet());
      pool.sort(Comparator.comparing(Architecture::id));
      List<String> ids = pool.stream().map(Architecture::id).toList();
      Pooled<A> pooled =
          pools.computeIfAbsent(
              ids,
              k -> {
                SearchProblem<A> p =
                    SearchProblem.of(
                        pool,
                        neighbourhood,
                        a ->
                            costs.computeIfAbsent(
                                a.moduleHash(), h -> request.objective().of(a.spec())));
                return new Pooled<>(
                    p,
                    new GroundTruthScorer<>(
                        p,
                        a -> gt.meanValidationAccuracy(a.moduleHash()),
                        Architecture::moduleHash),
                    pools.size());
              });
      Oracle<A> supernet = oneShot::get;
      Oracle<A> truth = a -> gt.meanValidationAccuracy(a.moduleHash());
      for (Strategy s : strategies) {
        for (int i = 0; i < request.seeds(); i++) {
          long seed = request.firstSeed() + i;
          SearchTrace<A> t = impl.get(s).search(pooled.problem(), supernet, request.budget(), seed);
          Scored sup = score(pooled, key, s, OracleKind.SUPERNET, seed, t);
          out.add(sup.row());
          add(
              anytimeSums,
              anytimeCounts,
              new SearchResult.Key(key.setting(), s, OracleKind.SUPERNET),
              sup.anytime());
          if (s == Strategy.NSGA2 && i == 0) {
            fronts.found.put(key, t.front(pooled.problem()::cost));
            fronts.pooled.put(key, pooled);
          }
          String gtKey = pooled.id() + "|" + s.cliName() + "|" + seed;
          Scored ora =
              groundTruthRuns.computeIfAbsent(
                  gtKey,
                  k ->
                      score(
                          pooled,
                          key,
                          s,
                          OracleKind.GROUND_TRUTH,
                          seed,
                          impl.get(s).search(pooled.problem(), truth, request.budget(), seed)));
          out.add(ora.row().under(key.setting(), key.seed()));
          add(
              anytimeSums,
              anytimeCounts,
              new SearchResult.Key(key.setting(), s, OracleKind.GROUND_TRUTH),
              ora.anytime());
        }
      }
    }
    Map<SearchResult.Key, double[]> anytime = new LinkedHashMap<>();
    anytimeSums.forEach(
        (k, sum) -> {
          double[] mean = sum.clone();
          int n = anytimeCounts.get(k);
          for (int q = 0; q < mean.length; q++) {
            mean[q] /= n;
          }
          anytime.put(k, mean);
        });
    List<SummaryRow> summary = summarize(out, strategies, request);
    List<Path> files =
        SearchFiles.write(request, space.id(), out, summary, anytime, fronts.plotData(summary));
    return new SearchResult(space.id(), summary, out, anytime, files);
  }

  private static void add(
      Map<SearchResult.Key, double[]> sums,
      Map<SearchResult.Key, Integer> counts,
      SearchResult.Key key,
      double[] v) {
    double[] s = sums.computeIfAbsent(key, k -> new double[v.length]);
    if (s.length != v.length) {
      throw new IllegalStateException(
          "anytime regret of " + key + " has " + v.length + " queries, not " + s.length);
    }
    for (int q = 0; q < v.length; q++) {
      s[q] += v[q];
    }
    counts.merge(key, 1, Integer::sum);
  }

  private record Pooled<A>(SearchProblem<A> problem, GroundTruthScorer<A> scorer, int id) {}

  private record Scored(SearchRow row, double[] anytime) {}

  private static <A extends Architecture> Scored score(
      Pooled<A> pooled,
      Candidate.RunKey key,
      Strategy s,
      OracleKind oracle,
      long seed,
      SearchTrace<A> t) {
    GroundTruthScorer<A> scorer = pooled.scorer();
    A r = t.returned();
    SearchRow row =
        new SearchRow(
            key.setting(),
            key.seed(),
            s,
            oracle,
            seed,
            t.size(),
            pooled.problem().size(),
            scorer.architectures(),
            r.id(),
            r.moduleHash(),
            scorer.truth(r),
            scorer.best(),
            scorer.regret(r),
            scorer.trueRank(r),
            scorer.hypervolumeRatio(t.front(pooled.problem()::cost)));
    return new Scored(row, scorer.anytimeRegret(t));
  }

  /** The NSGA-II fronts of the first search seed, kept for the front plot. */
  private static final class Fronts<A extends Architecture> {
    final Map<Candidate.RunKey, List<A>> found = new LinkedHashMap<>();
    final Map<Candidate.RunKey, Pooled<A>> pooled = new HashMap<>();

    /**
     * The setting whose NSGA-II (supernet) has the highest mean hypervolume ratio, its first
     * supernet seed: every pool point, the true front and the found front, as (cost, ground truth).
     */
    SearchFiles.FrontPlot plotData(List<SummaryRow> summary) {
      SummaryRow best =
          summary.stream()
              .filter(r -> r.strategy() == Strategy.NSGA2 && r.oracle() == OracleKind.SUPERNET)
              .max(Comparator.comparingDouble(SummaryRow::meanHypervolumeRatio))
              .orElse(null);
      if (best == null) {
        return null;
      }
      Candidate.RunKey key =
          found.keySet().stream()
              .filter(k -> k.setting().equals(best.setting()))
              .findFirst()
              .orElseThrow();
      Pooled<A> p = pooled.get(key);
      return new SearchFiles.FrontPlot(
          key.setting().label() + ", supernet seed " + key.seed(),
          points(p, p.problem().pool()),
          points(p, p.scorer().trueFront()),
          points(p, found.get(key)));
    }

    private double[][] points(Pooled<A> p, List<A> list) {
      double[][] xy = new double[2][list.size()];
      for (int i = 0; i < list.size(); i++) {
        xy[0][i] = p.problem().cost(list.get(i));
        xy[1][i] = p.scorer().truth(list.get(i));
      }
      return xy;
    }
  }

  private static List<SummaryRow> summarize(
      List<SearchRow> rows, LinkedHashSet<Strategy> strategies, SearchRequest request) {
    Map<Candidate.Setting, List<SearchRow>> bySetting = new TreeMap<>();
    rows.forEach(r -> bySetting.computeIfAbsent(r.setting(), k -> new ArrayList<>()).add(r));
    List<SummaryRow> out = new ArrayList<>();
    for (Map.Entry<Candidate.Setting, List<SearchRow>> e : bySetting.entrySet()) {
      List<Long> supernetSeeds =
          e.getValue().stream().map(SearchRow::supernetSeed).distinct().sorted().toList();
      List<Long> searchSeeds =
          e.getValue().stream().map(SearchRow::searchSeed).distinct().sorted().toList();
      SeedBootstrap boot =
          new SeedBootstrap(
              request.resamples(),
              request.bootstrapSeed(),
              supernetSeeds.size(),
              searchSeeds.size());
      double[][] randomRegret =
          grid(
              e.getValue(),
              Strategy.RANDOM,
              OracleKind.SUPERNET,
              supernetSeeds,
              searchSeeds,
              SearchRow::regret);
      for (OracleKind oracle : OracleKind.values()) {
        for (Strategy s : strategies) {
          List<SearchRow> cell =
              e.getValue().stream().filter(r -> r.strategy() == s && r.oracle() == oracle).toList();
          double[][] regret =
              grid(e.getValue(), s, oracle, supernetSeeds, searchSeeds, SearchRow::regret);
          double[][] hv =
              grid(
                  e.getValue(), s, oracle, supernetSeeds, searchSeeds, SearchRow::hypervolumeRatio);
          double[][] diff = new double[regret.length][];
          for (int i = 0; i < regret.length; i++) {
            diff[i] = new double[regret[i].length];
            for (int j = 0; j < regret[i].length; j++) {
              diff[i][j] = regret[i][j] - randomRegret[i][j];
            }
          }
          SeedBootstrap.Interval r = boot.of(regret);
          SeedBootstrap.Interval h = boot.of(hv);
          SeedBootstrap.Interval d = boot.of(diff);
          out.add(
              new SummaryRow(
                  e.getKey(),
                  s,
                  oracle,
                  supernetSeeds.size(),
                  searchSeeds.size(),
                  cell.get(0).queries(),
                  cell.get(0).architectures(),
                  r.mean(),
                  r.low(),
                  r.high(),
                  cell.stream().mapToInt(SearchRow::trueRank).average().orElse(Double.NaN),
                  cell.stream().filter(x -> x.regret() == 0).count() / (double) cell.size(),
                  h.mean(),
                  h.low(),
                  h.high(),
                  d.mean(),
                  d.low(),
                  d.high()));
        }
      }
    }
    return out;
  }

  private static double[][] grid(
      List<SearchRow> rows,
      Strategy s,
      OracleKind oracle,
      List<Long> supernetSeeds,
      List<Long> searchSeeds,
      java.util.function.ToDoubleFunction<SearchRow> value) {
    double[][] g = new double[supernetSeeds.size()][searchSeeds.size()];
    for (double[] row : g) {
      java.util.Arrays.fill(row, Double.NaN);
    }
    for (SearchRow r : rows) {
      if (r.strategy() == s && r.oracle() == oracle) {
        g[supernetSeeds.indexOf(r.supernetSeed())][searchSeeds.indexOf(r.searchSeed())] =
            value.applyAsDouble(r);
      }
    }
    return g;
  }
}
