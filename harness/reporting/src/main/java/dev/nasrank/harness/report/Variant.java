package dev.nasrank.harness.report;

import java.util.ArrayList;
import java.util.List;

/**
 * How a ranking is measured; every reported tau carries its variant's label.
 *
 * @param unit what is ranked: unique NAS-Bench-101 architectures (choices with one module hash
 *     share one ground truth; their one-shot accuracies are averaged) or every S4 choice
 * @param groundTruth mean of the repeats' validation accuracies, or one seeded repeat per
 *     architecture
 * @param dropWorst whether the reference code's filter is applied: drop the {@link #DROPPED}
 *     candidates with the lowest one-shot accuracy before computing tau (off in the default
 *     variant)
 */
public record Variant(Unit unit, GroundTruthMode groundTruth, boolean dropWorst) {
  /** Number of candidates the reference code's filter drops. */
  public static final int DROPPED = 30;

  /**
   * The default: unique architectures, mean of repeats, no filter. It is the one in ranking.csv.
   */
  public static final Variant DEFAULT =
      new Variant(Unit.ARCHITECTURES, GroundTruthMode.MEAN_OF_REPEATS, false);

  /** What a ranking ranks. */
  public enum Unit {
    ARCHITECTURES,
    CHOICES
  }

  /** Which ground truth an architecture gets. */
  public enum GroundTruthMode {
    MEAN_OF_REPEATS,
    ONE_SEEDED_REPEAT
  }

  /** All 8 variants, the default first. */
  public static List<Variant> all() {
    List<Variant> out = new ArrayList<>();
    for (boolean drop : new boolean[] {false, true}) {
      for (GroundTruthMode g : GroundTruthMode.values()) {
        for (Unit u : Unit.values()) {
          out.add(new Variant(u, g, drop));
        }
      }
    }
    return out;
  }

  /** E.g. {@code unique architectures, mean of repeats, all candidates}. */
  public String label() {
    return (unit == Unit.ARCHITECTURES ? "unique architectures" : "choices")
        + ", "
        + (groundTruth == GroundTruthMode.MEAN_OF_REPEATS ? "mean of repeats" : "one seeded repeat")
        + ", "
        + (dropWorst ? DROPPED + " worst dropped" : "all candidates");
  }

  /** Short machine form for CSV columns: {@code architectures,mean,all}. */
  public String unitKey() {
    return unit == Unit.ARCHITECTURES ? "architectures" : "choices";
  }

  public String groundTruthKey() {
    return groundTruth == GroundTruthMode.MEAN_OF_REPEATS ? "mean_of_repeats" : "one_seeded_repeat";
  }

  public String filterKey() {
    return dropWorst ? "drop_" + DROPPED + "_worst" : "all";
  }
}
