package dev.nasrank.harness.report;

import java.util.Collection;
import java.util.Locale;

/**
 * The short name of what a ground truth's accuracy of a cell is, for every table and report of a
 * NAS-Bench-101 cell space: {@code one repeat (20k dump)} for the nasbench-vis 20k dump, {@code
 * mean of 3 repeats} for NAS-Bench-101's TFRecords and caches. A ranking against one repeat is
 * noisier than one against the mean, and its noise ceiling is undefined (one repeat has no pair).
 */
public final class GroundTruthLabel {

  /** How a label starts for a ground truth of one repeat per cell. */
  public static final String ONE_REPEAT = "one repeat";

  private GroundTruthLabel() {}

  /**
   * The label of {@code gt} over the cells {@code hashes} (those it holds): {@code one repeat} when
   * each holds one repeat, with the partial dump named ({@code 20k dump}, {@code 1k dump}, {@code
   * NASLib 500-cell file}) when the source is one; else {@code mean of R repeats} ({@code mean of
   * R1-R2 repeats} when the cells differ).
   */
  public static String of(GroundTruth gt, Collection<String> hashes) {
    int min = Integer.MAX_VALUE;
    int max = 0;
    for (String h : hashes) {
      if (gt.contains(h)) {
        int r = gt.repeats(h);
        min = Math.min(min, r);
        max = Math.max(max, r);
      }
    }
    String dump = dumpName(gt.description());
    if (max <= 1) {
      return ONE_REPEAT + (dump == null ? "" : " (" + dump + ")");
    }
    return String.format(
        Locale.ROOT, "mean of %s repeats", min == max ? Integer.toString(max) : min + "-" + max);
  }

  /** The partial dump a description names, or null. */
  static String dumpName(String description) {
    String d = description == null ? "" : description.toLowerCase(Locale.ROOT);
    if (d.contains("nasbench-vis_data-20k")) {
      return "20k dump";
    }
    if (d.contains("nasbench-vis_data-1k")) {
      return "1k dump";
    }
    if (d.contains("naslib_zc")) {
      return "NASLib 500-cell file";
    }
    return null;
  }
}
