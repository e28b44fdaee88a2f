package dev.nasrank.harness.report.stats;

import dev.nasrank.harness.space.Spaces;

/**
 * What an interval, a p-value or a verdict generalises over (docs/report.md, "Two inference
 * targets").
 *
 * <ul>
 *   <li>{@link #SPACE}: the ranked architectures are fixed (they are the space, or the question is
 *       about these architectures only); training seeds and ground-truth repeats are random. A
 *       census has no architecture-sampling variance (finite-population correction 1 - n/N = 0).
 *   <li>{@link #ARCHITECTURES}: the ranked architectures are a sample of a larger space and are
 *       random too; the hierarchical bootstrap over seeds, architectures and repeats.
 * </ul>
 */
public enum InferenceTarget {
  SPACE("space"),
  ARCHITECTURES("architectures");

  private final String key;

  InferenceTarget(String key) {
    this.key = key;
  }

  /** The CSV and report form: {@code space} or {@code architectures}. */
  public String key() {
    return key;
  }

  /** The other target. */
  public InferenceTarget other() {
    return this == SPACE ? ARCHITECTURES : SPACE;
  }

  /**
   * The primary target of a run: {@link #SPACE} when its space is enumerated in full ({@link
   * Spaces#isEnumeratedInFull}: S4, whose runs rank every architecture) and the ranking covers
   * every architecture the run evaluated (a partial ground truth leaves a subset, which is not the
   * space), else {@link #ARCHITECTURES}.
   *
   * @param spaceId the run's space id (candidates.csv's {@code space} column)
   * @param coversEveryArchitecture whether the ground truth holds every evaluated architecture
   */
  public static InferenceTarget primaryFor(String spaceId, boolean coversEveryArchitecture) {
    return Spaces.isEnumeratedInFull(spaceId) && coversEveryArchitecture ? SPACE : ARCHITECTURES;
  }

  /**
   * The target of a key.
   *
   * @throws IllegalArgumentException naming the value and the known keys
   */
  public static InferenceTarget of(String key) {
    for (InferenceTarget t : values()) {
      if (t.key.equalsIgnoreCase(key.trim())) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "unknown inference target '" + key + "' (known: space, architectures)");
  }
}
