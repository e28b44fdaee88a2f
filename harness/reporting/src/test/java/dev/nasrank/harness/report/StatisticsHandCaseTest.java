package dev.nasrank.harness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nasrank.harness.report.stats.StatisticsCsv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * settings.csv and comparisons.csv of a run small enough to compute by hand: 3 settings x 2 seeds x
 * 4 architectures x 2 ground-truth repeats. Ground truth (repeats): a0 0.50/0.52, a1 0.60/0.58, a2
 * 0.70/0.74, a3 0.80/0.78; every repeat orders a0 < a1 < a2 < a3 and the ranges do not overlap, so
 * any resample of the repeats keeps that order and the noise ceiling is 1. Taus by pair counting (6
 * pairs): linear_sbn cal ranks perfectly in both seeds (1, 1); vanilla uncal exactly reversed (-1,
 * -1); spos cal swaps a0/a1 in seed 1 (C 5, D 1: 2/3) and is half right in seed 2 (C 3, D 3: 0).
 */
class StatisticsHandCaseTest {
  @TempDir Path tmp;

  static TinyRun run() {
    return new TinyRun()
        .architecture(0.50, 0.52)
        .architecture(0.60, 0.58)
        .architecture(0.70, 0.74)
        .architecture(0.80, 0.78)
        .ranking("mixpath", "linear_sbn", true, 1, 0.10, 0.20, 0.30, 0.40)
        .ranking("mixpath", "linear_sbn", true, 2, 0.15, 0.25, 0.35, 0.45)
        .ranking("mixpath", "vanilla", false, 1, 0.40, 0.30, 0.20, 0.10)
        .ranking("mixpath", "vanilla", false, 2, 0.45, 0.35, 0.25, 0.15)
        .ranking("spos", "vanilla", true, 1, 0.20, 0.10, 0.30, 0.40)
        .ranking("spos", "vanilla", true, 2, 0.20, 0.40, 0.10, 0.30);
  }

  @Test
  void settingsAndComparisonsMatchTheHandComputation() throws Exception {
    RunDirectory dir = run().write(tmp.resolve("run"));
    Reporter.render(
        dir,
        InMemoryGroundTruth.readCsv(dir.root().resolve("groundtruth.csv"), 108),
        ReportOptions.builder()
            .optBootstrapResamples(50)
            .optStudyResamples(2000)
            .optPlots(false)
            .build());

    List<String[]> settings = TinyRun.csv(dir.settingsCsv());
    assertEquals(StatisticsCsv.SETTINGS_HEADER, String.join(",", settings.get(0)));
    // setting order: mixpath/vanilla before mixpath/linear_sbn before spos
    assertRow(settings.get(1), "mixpath,vanilla,false,2,4,-1.000000,0.000000,-1.000000,-1.000000");
    assertRow(settings.get(2), "mixpath,linear_sbn,true,2,4,1.000000,0.000000,1.000000,1.000000");
    // spos: mean (2/3 + 0) / 2 = 1/3, sd |2/3 - 0| / sqrt(2) = 0.471405
    assertRow(settings.get(3), "spos,vanilla,true,2,4,0.333333,0.471405");
    for (String[] s : settings.subList(1, 4)) {
      assertEquals(
          1.0,
          Double.parseDouble(s[10]),
          1e-12,
          "noise ceiling: both repeats rank a0 < a1 < a2 < a3");
    }
    // resampling the repeats never changes the ground-truth order, so spos's tau does not move:
    // share 0
    assertEquals(0.0, Double.parseDouble(settings.get(3)[11]), 1e-12);

    List<String[]> pairs = TinyRun.csv(dir.comparisonsCsv());
    assertEquals(StatisticsCsv.COMPARISONS_HEADER, String.join(",", pairs.get(0)));
    assertEquals(4, pairs.size(), "3 settings give 3 pairs");
    // vanilla uncal - linear_sbn cal = -1 - 1 = -2 in every resample that draws 2 distinct
    // architectures
    String[] ab = pairs.get(1);
    assertRow(
        ab,
        "mixpath,vanilla,false,mixpath,linear_sbn,true,2,-1.000000,1.000000,-2.000000,-2.000000,-2.000000");
    int used = Integer.parseInt(ab[12]);
    // a resample is undefined when all 4 drawn architectures coincide: probability 4/4^4 = 1/64
    assertTrue(used > 2000 * 0.97 && used < 2000, "used " + used);
    // no resample has d >= 0: p = 2 (1 + 0) / (1 + used)
    assertEquals(2.0 / (1 + used), Double.parseDouble(ab[13]), 1e-6);
    assertEquals("b_better", ab[15]);
    assertEquals("", ab[16], "a decided pair needs no seed estimate");
    assertEquals(-1 - 1 / 3.0, Double.parseDouble(pairs.get(2)[9]), 1e-6);
    assertEquals(1 - 1 / 3.0, Double.parseDouble(pairs.get(3)[9]), 1e-6);

    // Holm over the 3 p-values, recomputed here: sorted ascending, times 3, 2, 1, running maximum,
    // capped at 1
    double[] p = pairs.subList(1, 4).stream().mapToDouble(r -> Double.parseDouble(r[13])).toArray();
    double[] holm = holm(p);
    for (int i = 0; i < 3; i++) {
      String[] r = pairs.get(i + 1);
      assertEquals(holm[i], Double.parseDouble(r[14]), 2e-6, "Holm p of pair " + i);
      double d = Double.parseDouble(r[9]);
      String expected = holm[i] >= 0.05 ? "undecided" : d > 0 ? "a_better" : "b_better";
      assertEquals(expected, r[15], "verdict of pair " + i);
    }
    spaceTarget(settings, pairs);
    assertTrue(
        Files.readString(dir.reportMd())
            .contains(
                "| mixpath/linear_sbn/calibrated | mixpath/vanilla/"
                    + "uncalibrated | +2.000 | [2.000, 2.000] |"),
        "the decided pair is listed with the better setting first");
  }

  /**
   * The space target by hand. The repeats never change the order, so the ground-truth variance g is
   * 0 and the t is Student's with n - 1 = 1 df. spos: taus 2/3 and 0, mean 1/3, variance of the
   * mean (2/3)^2 / 2 / 2 = 1/9, se 1/3; 95% interval 1/3 -+ t_{1, 0.975} / 3 = 1/3 -+ 4.2354. Pairs
   * (per-seed differences): vanilla - linear_sbn -2, -2 (se 0: p 0); vanilla - spos -5/3, -1 (mean
   * -4/3, se 1/3, t -4, p = 1 - 2 atan(4) / pi = 0.155958); linear_sbn - spos 1/3, 1 (mean 2/3, t
   * 2, p = 1 - 2 atan(2) / pi = 0.295167). Holm: 0, 2 x 0.155958 = 0.311917, then max(0.295,
   * 0.312). Seeds to decide (z = z_{1 - 0.05/6} + z_{0.8} = 3.235601, v = 2/9, g = 0): ceil(v /
   * (d^2 / z^2)) = 2 -> at least 3, and 6.
   */
  private static void spaceTarget(List<String[]> settings, List<String[]> pairs) {
    List<String> sh = Arrays.asList(settings.get(0));
    String[] spos = settings.get(3);
    assertEquals("space", spos[sh.indexOf("primary_target")]);
    assertEquals(
        1 / 3.0 - 4.235401578724898, Double.parseDouble(spos[sh.indexOf("space_tau_low")]), 1e-6);
    assertEquals(
        1 / 3.0 + 4.235401578724898, Double.parseDouble(spos[sh.indexOf("space_tau_high")]), 1e-6);
    assertEquals(1, Double.parseDouble(spos[sh.indexOf("space_df")]), 1e-6);
    assertEquals(0, Double.parseDouble(spos[sh.indexOf("space_ground_truth_variance")]), 1e-12);
    // every repeat and every half ranks a0 < a1 < a2 < a3: ceilings 1
    assertEquals(1, Double.parseDouble(spos[sh.indexOf("ceiling_split_half")]), 1e-12);
    assertEquals(1, Double.parseDouble(spos[sh.indexOf("ceiling_bound")]), 1e-12);
    List<String> ph = Arrays.asList(pairs.get(0));
    double[] p = {0, 0.15595826075473865, 0.2951672353008665};
    double[] holm = {0, 0.3119165215094773, 0.3119165215094773};
    String[] verdict = {"b_better", "undecided", "undecided"};
    String[] seeds = {"", "3", "6"};
    for (int i = 0; i < 3; i++) {
      String[] r = pairs.get(i + 1);
      assertEquals(p[i], Double.parseDouble(r[ph.indexOf("space_p_value")]), 1e-6, "pair " + i);
      assertEquals(holm[i], Double.parseDouble(r[ph.indexOf("space_p_holm")]), 1e-6, "pair " + i);
      assertEquals(verdict[i], r[ph.indexOf("space_verdict")], "pair " + i);
      assertEquals(seeds[i], r[ph.indexOf("space_seeds_to_decide")], "pair " + i);
      assertEquals("", r[ph.indexOf("space_repeats_to_decide")], "pair " + i);
    }
  }

  /** Holm's step-down adjustment, written independently of the production code. */
  static double[] holm(double[] p) {
    Integer[] order = IntStream.range(0, p.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
    double[] out = new double[p.length];
    double max = 0;
    for (int rank = 0; rank < p.length; rank++) {
      max = Math.max(max, Math.min(1, (p.length - rank) * p[order[rank]]));
      out[order[rank]] = max;
    }
    return out;
  }

  /** The row starts with these cells. */
  static void assertRow(String[] row, String expectedPrefix) {
    String[] e = expectedPrefix.split(",");
    for (int i = 0; i < e.length; i++) {
      assertEquals(e[i], row[i], "column " + i + " of " + String.join(",", row));
    }
  }
}
