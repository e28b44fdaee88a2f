package dev.nasrank.harness.space;

import dev.nasrank.harness.config.Seeds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * Which cells of a NAS-Bench-101 cell space a study evaluates: {@code n} cells drawn with {@code
 * seed} among those the ground truth holds, the same for every setting and seed of the study. Part
 * of a suite plan (and of its configuration hash) for the cell spaces only; S4 is evaluated in
 * full.
 *
 * <ul>
 *   <li>{@link Mode#UNIFORM} (default): {@link SearchSpace#sample}'s draw over the eligible cells
 *       in hash order (a partial Fisher-Yates shuffle of their indices with {@code new
 *       java.util.Random(seed)}, the first {@code n} kept, in hash order).
 *   <li>{@link Mode#STRATIFIED}: the eligible cells sorted by ground-truth accuracy (ties by hash)
 *       and cut into {@code B = min(}{@value #STRATA}{@code , n)} contiguous bins of equal count
 *       (the first {@code P mod B} bins one cell larger, P eligible cells), i.e. accuracy-quantile
 *       bins; bin {@code b} gives {@code floor(n/B)} cells, one more for {@code b < n mod B}, each
 *       bin drawn as in the uniform mode with one {@code Random(seed)} shared in bin order. Every
 *       accuracy range is represented, so a ranking cannot be decided by the bulk near the median
 *       alone.
 * </ul>
 *
 * @param mode uniform or stratified
 * @param n number of cells, at least 1
 * @param seed the draw's seed
 */
public record CandidateSample(Mode mode, int n, long seed) {

  /** The number of cells a plan evaluates unless told otherwise (profiles may say less). */
  public static final int DEFAULT_CELLS = 500;

  /** The number of accuracy-quantile bins of a stratified sample (fewer when {@code n} is). */
  public static final int STRATA = 10;

  /** How the cells are drawn. */
  public enum Mode {
    /** Uniform over the eligible cells. */
    UNIFORM,
    /** Uniform within accuracy-quantile bins, equal counts per bin. */
    STRATIFIED;

    /** The spelling of files and commands: {@code uniform}, {@code stratified}. */
    public String cliName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The mode of a name (case-insensitive).
     *
     * @throws IllegalArgumentException naming the value and the known names
     */
    public static Mode parse(String s) {
      for (Mode m : values()) {
        if (m.cliName().equalsIgnoreCase(s == null ? "" : s.trim())) {
          return m;
        }
      }
      throw new IllegalArgumentException(
          "unknown cell sample '" + s + "' (expected uniform or stratified)");
    }
  }

  /** Validates. */
  public CandidateSample {
    if (mode == null) {
      throw new IllegalArgumentException("a cell sample needs a mode (uniform or stratified)");
    }
    if (n < 1) {
      throw new IllegalArgumentException("the number of cells must be >= 1, got " + n);
    }
  }

  /** A uniform sample of {@code n} cells with the default seed. */
  public static CandidateSample uniform(int n) {
    return new CandidateSample(Mode.UNIFORM, n, Seeds.DEFAULT);
  }

  /**
   * Draws the cells.
   *
   * @param space the space
   * @param held whether the ground truth holds a module hash
   * @param accuracy the ground-truth accuracy of a held hash (used by the stratified mode only)
   * @return the cells, in hash order
   * @throws IllegalArgumentException when fewer than {@code n} cells of the space are held, naming
   *     both counts
   */
  public List<Nb101Cell> draw(
      CellSearchSpace space, Predicate<String> held, ToDoubleFunction<String> accuracy) {
    dev.nasrank.benchbridge.SearchSpace cells = space.enumeration();
    List<Integer> eligible = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      if (held.test(cells.hashAt(i))) {
        eligible.add(i);
      }
    }
    if (n > eligible.size()) {
      throw new IllegalArgumentException(
          "cannot sample "
              + n
              + " cells of space "
              + space.id()
              + ": the ground truth holds "
              + eligible.size()
              + " of its "
              + cells.size()
              + " cells (--cells must be 1.."
              + eligible.size()
              + ")");
    }
    int[] chosen =
        mode == Mode.UNIFORM
            ? UniformSample.of(eligible, n, seed, space.id()).stream()
                .mapToInt(Integer::intValue)
                .toArray()
            : stratified(eligible, cells, accuracy);
    Arrays.sort(chosen);
    List<Nb101Cell> out = new ArrayList<>(n);
    for (int i : chosen) {
      out.add(Nb101Cell.of(cells.specAt(i)));
    }
    return List.copyOf(out);
  }

  private int[] stratified(
      List<Integer> eligible,
      dev.nasrank.benchbridge.SearchSpace cells,
      ToDoubleFunction<String> accuracy) {
    int pool = eligible.size();
    double[] acc = new double[cells.size()];
    for (int i : eligible) {
      acc[i] = accuracy.applyAsDouble(cells.hashAt(i));
    }
    List<Integer> sorted = new ArrayList<>(eligible);
    // eligible is in hash order, and the sort is stable: ties stay in hash order
    sorted.sort(Comparator.comparingDouble(i -> acc[i]));
    int bins = Math.min(STRATA, n);
    Random random = new Random(seed);
    int[] out = new int[n];
    int filled = 0;
    int start = 0;
    for (int b = 0; b < bins; b++) {
      int size = pool / bins + (b < pool % bins ? 1 : 0);
      int take = n / bins + (b < n % bins ? 1 : 0);
      int[] index = new int[size];
      for (int k = 0; k < size; k++) {
        index[k] = sorted.get(start + k);
      }
      for (int k = 0; k < take; k++) {
        int j = k + random.nextInt(size - k);
        int t = index[k];
        index[k] = index[j];
        index[j] = t;
        out[filled++] = index[k];
      }
      start += size;
    }
    return out;
  }

  /** E.g. {@code uniform sample of 500 cells, seed 2020}. */
  public String describe() {
    return String.format(Locale.ROOT, "%s sample of %d cells, seed %d", mode.cliName(), n, seed);
  }
}
