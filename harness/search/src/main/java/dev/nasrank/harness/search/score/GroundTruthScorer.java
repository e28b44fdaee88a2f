package dev.nasrank.harness.search.score;

import dev.nasrank.harness.search.SearchProblem;
import dev.nasrank.harness.search.SearchTrace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Scores searches over one problem against the ground truth (accuracies as fractions; regret in the
 * same unit).
 *
 * <ul>
 *   <li><b>regret</b> of a candidate: the best ground-truth accuracy in the pool minus the
 *       candidate's (0 when the search returns an optimum);
 *   <li><b>true rank</b>: 1 + the number of distinct architectures of the pool (by {@code
 *       architecture}, e.g. the module hash: isomorphic S4 choices are one) with a strictly higher
 *       ground-truth accuracy;
 *   <li><b>anytime regret</b>: after each query k = 1..n, the regret of the incumbent (the best
 *       query so far by the oracle's value, {@link SearchTrace#incumbentIndex});
 *   <li><b>hypervolume ratio</b> of a front: the hypervolume of its candidates' (ground-truth
 *       accuracy, cost) points over that of the true front, the non-dominated (ground-truth
 *       accuracy, cost) points of the whole pool; both measured from the reference point ({@link
 *       #reference()}): the pool's worst accuracy and worst cost, each moved a tenth of the pool's
 *       range further out (so the extreme points of the true front count). The ratio is 1 for a
 *       front that reaches every point of the true front and does not depend on the units.
 * </ul>
 *
 * @param <A> the candidate type
 */
public final class GroundTruthScorer<A> {

  /** How far past the pool's worst values the reference point lies, as a fraction of the range. */
  public static final double REFERENCE_MARGIN = 0.1;

  private final SearchProblem<A> problem;
  private final ToDoubleFunction<? super A> truth;
  private final double best;
  private final double[] architectureTruths;
  private final Hypervolume reference;
  private final double trueHypervolume;
  private final List<A> trueFront;

  /**
   * A scorer.
   *
   * @param truth the ground-truth accuracy of a candidate (fraction), finite for every candidate of
   *     the pool
   * @param architecture the architecture a candidate is (candidates with one architecture have one
   *     ground truth)
   */
  public GroundTruthScorer(
      SearchProblem<A> problem,
      ToDoubleFunction<? super A> truth,
      Function<? super A, ?> architecture) {
    this.problem = Objects.requireNonNull(problem, "problem");
    this.truth = Objects.requireNonNull(truth, "truth");
    Map<Object, Double> byArchitecture = new HashMap<>();
    double max = Double.NEGATIVE_INFINITY;
    double min = Double.POSITIVE_INFINITY;
    double maxCost = Double.NEGATIVE_INFINITY;
    double minCost = Double.POSITIVE_INFINITY;
    for (A a : problem.pool()) {
      double t = truth.applyAsDouble(a);
      if (!Double.isFinite(t)) {
        throw new IllegalArgumentException("candidate " + a + " has ground truth " + t);
      }
      byArchitecture.putIfAbsent(architecture.apply(a), t);
      max = Math.max(max, t);
      min = Math.min(min, t);
      maxCost = Math.max(maxCost, problem.cost(a));
      minCost = Math.min(minCost, problem.cost(a));
    }
    this.best = max;
    this.architectureTruths =
        byArchitecture.values().stream().mapToDouble(Double::doubleValue).toArray();
    this.reference =
        new Hypervolume(min - margin(max - min, min), maxCost + margin(maxCost - minCost, maxCost));
    this.trueFront = front(problem.pool());
    this.trueHypervolume = reference.of(points(trueFront));
  }

  private static double margin(double range, double value) {
    return REFERENCE_MARGIN * (range > 0 ? range : Math.max(Math.abs(value), 1));
  }

  /** The best ground-truth accuracy in the pool. */
  public double best() {
    return best;
  }

  /** Distinct architectures in the pool. */
  public int architectures() {
    return architectureTruths.length;
  }

  /** The candidate's ground-truth accuracy. */
  public double truth(A candidate) {
    return truth.applyAsDouble(candidate);
  }

  /** {@link #best()} minus the candidate's ground truth. */
  public double regret(A candidate) {
    return best - truth(candidate);
  }

  /** 1 + the distinct architectures with a strictly higher ground truth. */
  public int trueRank(A candidate) {
    double t = truth(candidate);
    int above = 0;
    for (double u : architectureTruths) {
      if (u > t) {
        above++;
      }
    }
    return above + 1;
  }

  /** Regret of the incumbent after each query: element k - 1 for the first k queries. */
  public double[] anytimeRegret(SearchTrace<A> trace) {
    double[] out = new double[trace.size()];
    int inc = 0;
    for (int k = 0; k < out.length; k++) {
      if (trace.values()[k] > trace.values()[inc]) {
        inc = k;
      }
      out[k] = regret(trace.queried().get(inc));
    }
    return out;
  }

  /** The reference point of every hypervolume here. */
  public Hypervolume reference() {
    return reference;
  }

  /** The non-dominated candidates of the pool by (ground truth, cost), in pool order. */
  public List<A> trueFront() {
    return trueFront;
  }

  /** Hypervolume of the true front. */
  public double trueHypervolume() {
    return trueHypervolume;
  }

  /** Hypervolume of {@code front}'s (ground truth, cost) points over {@link #trueHypervolume()}. */
  public double hypervolumeRatio(List<A> front) {
    return reference.of(points(front)) / trueHypervolume;
  }

  private List<Hypervolume.Point> points(List<A> candidates) {
    List<Hypervolume.Point> out = new ArrayList<>(candidates.size());
    for (A a : candidates) {
      out.add(new Hypervolume.Point(truth(a), problem.cost(a)));
    }
    return out;
  }

  private List<A> front(List<A> candidates) {
    List<A> out = new ArrayList<>();
    for (A a : candidates) {
      double ta = truth(a);
      double ca = problem.cost(a);
      boolean dominated = false;
      for (A b : candidates) {
        double tb = truth(b);
        double cb = problem.cost(b);
        if (tb >= ta && cb <= ca && (tb > ta || cb < ca)) {
          dominated = true;
          break;
        }
      }
      if (!dominated) {
        out.add(a);
      }
    }
    return out;
  }
}
