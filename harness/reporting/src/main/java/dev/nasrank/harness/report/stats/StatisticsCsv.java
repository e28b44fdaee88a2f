package dev.nasrank.harness.report.stats;

import dev.nasrank.files.AtomicFiles;
import dev.nasrank.harness.candidates.Candidate;
import dev.nasrank.harness.report.RankingCsv;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Writes {@code settings.csv} (header exactly {@value #SETTINGS_HEADER}) and {@code
 * comparisons.csv} (header exactly {@value #COMPARISONS_HEADER}). Numbers have 6 decimals,
 * undefined values are {@code NaN}; taus are Kendall tau-b of the default variant. The columns
 * before {@code primary_target} are those of the files written before the two inference targets,
 * with the same meaning (the {@code architectures} target); the {@code space_*} columns after it
 * are the {@code space} target's.
 */
public final class StatisticsCsv {
  /** Header of settings.csv. */
  public static final String SETTINGS_HEADER =
      "method,bn_strategy,calibrated,seeds,n,mean_tau,seed_sd,tau_low,"
          + "tau_high,resamples_used,noise_ceiling,ground_truth_share,primary_target,space_tau_low,"
          + "space_tau_high,space_df,space_ground_truth_variance,ceiling_split_half,ceiling_reliability,"
          + "ceiling_bound,evaluation_images,evaluation_se,score_sd";

  /** Cells of a settings.csv row written before the inference targets (still read). */
  static final int OLD_SETTINGS_CELLS = 12;

  /** Header of comparisons.csv. */
  public static final String COMPARISONS_HEADER =
      "method_a,bn_strategy_a,calibrated_a,method_b,bn_strategy_b,"
          + "calibrated_b,seeds,mean_tau_a,mean_tau_b,difference,difference_low,difference_high,resamples_used,p_value,"
          + "p_holm,verdict,seeds_to_decide,variance_source,ground_truth_share,primary_target,"
          + "space_difference,space_low,space_high,space_df,space_p_value,space_p_holm,space_verdict,"
          + "space_seeds_to_decide,space_repeats_to_decide,space_seed_variance,space_ground_truth_variance";

  private StatisticsCsv() {}

  public static String settings(StudyStatistics st) {
    StringBuilder sb = new StringBuilder(SETTINGS_HEADER).append('\n');
    for (SettingStats s : st.settings()) {
      sb.append(setting(s.setting()))
          .append(',')
          .append(s.seeds())
          .append(',')
          .append(s.n())
          .append(',')
          .append(num(s.meanTau()))
          .append(',')
          .append(num(s.seedSd()))
          .append(',')
          .append(num(s.low()))
          .append(',')
          .append(num(s.high()))
          .append(',')
          .append(s.resamplesUsed())
          .append(',')
          .append(num(s.noiseCeiling()))
          .append(',')
          .append(num(s.groundTruthShare()))
          .append(',')
          .append(st.primary().key())
          .append(',')
          .append(num(s.space().low(st.alpha())))
          .append(',')
          .append(num(s.space().high(st.alpha())))
          .append(',')
          .append(num(s.space().defined() ? s.space().df() : Double.NaN))
          .append(',')
          .append(num(s.space().groundTruthVariance()))
          .append(',')
          .append(num(s.ceiling().splitHalf()))
          .append(',')
          .append(num(s.ceiling().reliability()))
          .append(',')
          .append(num(s.ceiling().bound()))
          .append(',')
          .append(st.evaluationImages())
          .append(',')
          .append(num(s.evaluationSe()))
          .append(',')
          .append(num(s.scoreSd()))
          .append('\n');
    }
    return sb.toString();
  }

  public static String comparisons(StudyStatistics st) {
    StringBuilder sb = new StringBuilder(COMPARISONS_HEADER).append('\n');
    for (PairComparison c : st.pairs()) {
      sb.append(setting(c.a()))
          .append(',')
          .append(setting(c.b()))
          .append(',')
          .append(c.seeds())
          .append(',')
          .append(num(c.meanTauA()))
          .append(',')
          .append(num(c.meanTauB()))
          .append(',')
          .append(num(c.difference()))
          .append(',')
          .append(num(c.low()))
          .append(',')
          .append(num(c.high()))
          .append(',')
          .append(c.resamplesUsed())
          .append(',')
          .append(num(c.pValue()))
          .append(',')
          .append(num(c.holmP()))
          .append(',')
          .append(c.verdict().key())
          .append(',')
          .append(c.seedsToDecide().csv())
          .append(',')
          .append(c.seedsToDecide().varianceSource())
          .append(',')
          .append(num(c.groundTruthShare()))
          .append(',')
          .append(st.primary().key())
          .append(',')
          .append(num(c.space().estimate()))
          .append(',')
          .append(num(c.space().low(st.alpha())))
          .append(',')
          .append(num(c.space().high(st.alpha())))
          .append(',')
          .append(num(c.space().defined() ? c.space().df() : Double.NaN))
          .append(',')
          .append(num(c.space().pValue()))
          .append(',')
          .append(num(c.spaceHolmP()))
          .append(',')
          .append(c.spaceVerdict().key())
          .append(',')
          .append(c.spaceSeedsToDecide().csv())
          .append(',')
          .append(c.spaceSeedsToDecide().repeatsCsv())
          .append(',')
          .append(num(c.space().seedVariance()))
          .append(',')
          .append(num(c.space().groundTruthVariance()))
          .append('\n');
    }
    return sb.toString();
  }

  /** Writes both files atomically. */
  public static void write(Path settingsCsv, Path comparisonsCsv, StudyStatistics st) {
    AtomicFiles.writeString(settingsCsv, settings(st));
    AtomicFiles.writeString(comparisonsCsv, comparisons(st));
  }

  /**
   * The interval of each setting's mean tau from a settings.csv ({@code {tau_low, tau_high}});
   * errors name the file and line.
   */
  public static java.util.Map<Candidate.Setting, double[]> readIntervals(Path file) {
    java.util.List<String> lines;
    try {
      lines = java.nio.file.Files.readAllLines(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    String oldHeader =
        String.join(",", Arrays.copyOf(SETTINGS_HEADER.split(","), OLD_SETTINGS_CELLS));
    if (lines.isEmpty()
        || !(lines.get(0).equals(SETTINGS_HEADER) || lines.get(0).equals(oldHeader))) {
      throw new IllegalArgumentException(
          file
              + ": header must be '"
              + SETTINGS_HEADER
              + "' (or, written before the inference "
              + "targets, '"
              + oldHeader
              + "')");
    }
    int cells = lines.get(0).split(",", -1).length;
    java.util.Map<Candidate.Setting, double[]> out = new java.util.TreeMap<>();
    for (int i = 1; i < lines.size(); i++) {
      String[] c = lines.get(i).split(",", -1);
      try {
        if (c.length != cells || !(c[2].equals("true") || c[2].equals("false"))) {
          throw new IllegalArgumentException(
              "expected "
                  + cells
                  + " cells with calibrated true/false, got '"
                  + lines.get(i)
                  + "'");
        }
        out.put(
            new Candidate.Setting(c[0], c[1], Boolean.parseBoolean(c[2])),
            new double[] {Double.parseDouble(c[7]), Double.parseDouble(c[8])});
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            file + ":" + (i + 1) + ": not a number: " + e.getMessage(), e);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  private static String setting(Candidate.Setting s) {
    return s.method() + "," + s.bnStrategy() + "," + s.calibrated();
  }

  private static String num(double v) {
    return RankingCsv.num(v);
  }
}
