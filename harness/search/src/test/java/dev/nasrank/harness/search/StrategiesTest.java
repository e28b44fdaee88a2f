package dev.nasrank.harness.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nasrank.harness.search.score.GroundTruthScorer;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrategiesTest {

  private static final Landscape LAND = new Landscape(16, 11, 5);
  private static final Landscape.P OPTIMUM = new Landscape.P(11, 5);

  @Test
  void everyStrategyFindsTheOptimumWithTheWholePoolAsBudget() {
    SearchProblem<Landscape.P> problem = LAND.problem();
    for (Strategy s : Strategy.values()) {
      for (long seed = 0; seed < 5; seed++) {
        SearchTrace<Landscape.P> t =
            s.create(SearchOptions.defaults()).search(problem, LAND::accuracy, 256, seed);
        assertEquals(256, t.size(), s + " seed " + seed + " spends the whole budget");
        assertEquals(256, new HashSet<>(t.queried()).size(), "distinct queries");
        assertEquals(OPTIMUM, t.returned(), s + " seed " + seed);
        assertEquals(1.0, LAND.accuracy(t.returned()), 0.0);
      }
    }
  }

  @Test
  void budgetCountsDistinctQueriesAndSeedsReplay() {
    SearchProblem<Landscape.P> problem = LAND.problem();
    for (Strategy s : Strategy.values()) {
      int[] calls = {0};
      Oracle<Landscape.P> counting =
          p -> {
            calls[0]++;
            return LAND.accuracy(p);
          };
      SearchTrace<Landscape.P> a =
          s.create(SearchOptions.defaults()).search(problem, counting, 37, 7);
      assertEquals(37, a.size(), s.cliName());
      assertEquals(37, calls[0], s.cliName() + ": one oracle call per distinct query");
      SearchTrace<Landscape.P> b =
          s.create(SearchOptions.defaults()).search(problem, LAND::accuracy, 37, 7);
      assertEquals(a.queried(), b.queried(), s.cliName() + " replays under its seed");
    }
  }

  @Test
  void randomSearchDrawsTheInitialPopulationOfTheOthers() {
    SearchProblem<Landscape.P> problem = LAND.problem();
    List<Landscape.P> random = new RandomSearch().search(problem, LAND::accuracy, 40, 3).queried();
    for (Strategy s : List.of(Strategy.EVOLUTION, Strategy.NSGA2)) {
      List<Landscape.P> q =
          s.create(SearchOptions.defaults()).search(problem, LAND::accuracy, 40, 3).queried();
      assertEquals(
          random.subList(0, SearchOptions.DEFAULT_POPULATION),
          q.subList(0, SearchOptions.DEFAULT_POPULATION),
          s.cliName());
    }
  }

  /**
   * On the 16 x 16 landscape with 60 of 256 queries (NSGA-II: 5 generations of 10), over 40 seeds:
   * evolution's mean regret is below a tenth of random search's, NSGA-II's below half, and
   * NSGA-II's mean hypervolume ratio exceeds random search's by at least 0.005. Measured: regret
   * random 0.00259, evolution 0.00000, NSGA-II 0.00034; hypervolume ratio random 0.9839, NSGA-II
   * 0.9924. (At 30 queries, two generations, NSGA-II does not yet beat random search:
   * docs/search.md.)
   */
  @Test
  void evolutionAndNsga2BeatRandomSearchAtEqualBudget() {
    SearchProblem<Landscape.P> problem = LAND.problem();
    GroundTruthScorer<Landscape.P> scorer =
        new GroundTruthScorer<>(problem, LAND::accuracy, p -> p);
    int seeds = 40;
    int budget = 60;
    Map<Strategy, double[]> regret = new EnumMap<>(Strategy.class);
    Map<Strategy, double[]> hv = new EnumMap<>(Strategy.class);
    for (Strategy s : Strategy.values()) {
      double[] r = new double[seeds];
      double[] h = new double[seeds];
      for (int seed = 0; seed < seeds; seed++) {
        SearchTrace<Landscape.P> t =
            s.create(SearchOptions.defaults()).search(problem, LAND::accuracy, budget, seed);
        r[seed] = scorer.regret(t.returned());
        h[seed] = scorer.hypervolumeRatio(t.front(problem::cost));
      }
      regret.put(s, r);
      hv.put(s, h);
    }
    double rnd = mean(regret.get(Strategy.RANDOM));
    double evo = mean(regret.get(Strategy.EVOLUTION));
    double nsga = mean(regret.get(Strategy.NSGA2));
    String measured =
        String.format(
            "mean regret random %.5f evolution %.5f nsga2 %.5f; hv ratio random %.4f nsga2 %.4f",
            rnd, evo, nsga, mean(hv.get(Strategy.RANDOM)), mean(hv.get(Strategy.NSGA2)));
    System.out.println(measured);
    assertTrue(evo < 0.1 * rnd, measured);
    assertTrue(nsga < 0.5 * rnd, measured);
    assertTrue(mean(hv.get(Strategy.NSGA2)) > mean(hv.get(Strategy.RANDOM)) + 0.005, measured);
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }
}
