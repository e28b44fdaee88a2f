package dev.nasrank.harness.setting;

import dev.nasrank.harness.space.Spaces;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The settings a study trains, in run order, each named explicitly: what a suite plan runs per
 * seed. {@link #mixpath} is the MixPath paper's study; a BN strategy added to {@link BnStrategy}
 * joins a study only when the study lists it.
 *
 * @param settings the settings, distinct, in run order
 */
public record Study(List<SupernetSetting> settings) {

  /**
   * The BN strategy of the SPOS supernet: one batch norm on the sum, shared by all path counts
   * (SPOS has no Shadow BN choice).
   */
  public static final BnStrategy SPOS_STRATEGY = BnStrategy.VANILLA;

  /** The MixPath strategies the paper compares, in its order. */
  public static final List<BnStrategy> MIXPATH_STRATEGIES =
      List.of(
          BnStrategy.NONE,
          BnStrategy.VANILLA,
          BnStrategy.LINEAR_SBN,
          BnStrategy.EXPONENTIAL_SBN,
          BnStrategy.SIMPLE_SCALING);

  /** Copies the list; refuses an empty list and repeated settings, naming the repeat. */
  public Study {
    settings = List.copyOf(settings);
    if (settings.isEmpty()) {
      throw new IllegalArgumentException("a study needs at least one setting");
    }
    Set<SupernetSetting> seen = new HashSet<>();
    for (SupernetSetting s : settings) {
      if (!seen.add(s)) {
        throw new IllegalArgumentException("setting " + s.id() + " is listed twice");
      }
    }
  }

  /**
   * The MixPath paper's study over S4 for the given m values: at each smaller m, MixPath with
   * linear Shadow BN; at the largest m, MixPath under each of {@link #MIXPATH_STRATEGIES}, then
   * SPOS with {@link #SPOS_STRATEGY}; ascending m. Every setting is evaluated uncalibrated and
   * after exact calibration.
   *
   * @param maxPaths the m values (repeats and order do not matter)
   */
  public static Study mixpath(List<Integer> maxPaths) {
    List<Integer> ms = maxPaths.stream().distinct().sorted().toList();
    if (ms.isEmpty()) {
      throw new IllegalArgumentException("at least one m is needed");
    }
    int main = ms.get(ms.size() - 1);
    List<SupernetSetting> out = new ArrayList<>();
    for (int m : ms) {
      if (m == main) {
        for (BnStrategy b : MIXPATH_STRATEGIES) {
          out.add(SupernetSetting.s4(Method.MIXPATH, b, m));
        }
        out.add(SupernetSetting.s4(Method.SPOS, SPOS_STRATEGY, m));
      } else {
        out.add(SupernetSetting.s4(Method.MIXPATH, BnStrategy.LINEAR_SBN, m));
      }
    }
    return new Study(out);
  }

  /**
   * The MixPath study of a NAS-Bench-101 cell space: MixPath under each of {@link
   * #MIXPATH_STRATEGIES}, m = {@link SupernetSetting#CELL_MAX_PATHS}, each evaluated uncalibrated
   * and after exact calibration. No SPOS: in S4 it differs from MixPath by one node copy per number
   * of active paths, which has no counterpart where every sampled cell is one architecture with its
   * own in-degrees (docs/spaces.md).
   *
   * @throws IllegalArgumentException for S4 (its study is {@link #mixpath}) or an unknown space
   */
  public static Study cells(String space) {
    if (Spaces.isS4(space)) {
      throw new IllegalArgumentException(
          "Study.cells is the study of a NAS-Bench-101 cell space; S4's is Study.mixpath");
    }
    List<SupernetSetting> out = new ArrayList<>();
    for (BnStrategy b : MIXPATH_STRATEGIES) {
      out.add(SupernetSetting.cell(space, Method.MIXPATH, b));
    }
    return new Study(out);
  }

  /**
   * The one space of the settings.
   *
   * @throws IllegalStateException when the settings name several (one run ranks one space)
   */
  public String space() {
    List<String> spaces = settings.stream().map(SupernetSetting::space).distinct().toList();
    if (spaces.size() != 1) {
      throw new IllegalStateException("a study ranks one space; its settings name " + spaces);
    }
    return spaces.get(0);
  }

  /** The distinct m values of the settings, ascending. */
  public List<Integer> maxPaths() {
    return settings.stream().map(SupernetSetting::maxPaths).distinct().sorted().toList();
  }

  /** The largest m: the rankings use its supernets. */
  public int mainMaxPaths() {
    List<Integer> ms = maxPaths();
    return ms.get(ms.size() - 1);
  }
}
