package dev.nasrank.harness.regress;

import dev.nasrank.harness.candidates.Candidate;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of a {@link RegressionCheck}.
 *
 * @param profile the baseline's profile
 * @param oneSided whether only drops fail
 * @param findings one per baseline entry, per run setting absent from the baseline, and a profile
 *     mismatch
 */
public record RegressionResult(String profile, boolean oneSided, List<Finding> findings) {

  /** Status of one finding; {@link #failing()} says which fail the check. */
  public enum Status {
    OK(false),
    REGRESSED(true),
    MISSING(true),
    NAN(true),
    PROFILE_MISMATCH(true),
    CONFIGURATION_MISMATCH(true),
    NEW(false);

    private final boolean failing;

    Status(boolean failing) {
      this.failing = failing;
    }

    public boolean failing() {
      return failing;
    }
  }

  /**
   * One setting's comparison.
   *
   * @param setting null for a profile mismatch
   * @param expected baseline mean tau (NaN for NEW)
   * @param band the band used, in tau units: derived from the baseline's sd and both seed counts,
   *     or fixed by the entry (NaN for NEW)
   * @param actual run tau, mean over seeds (NaN when missing or undefined)
   * @param seeds seeds the run had for this setting
   * @param low lower bound of the run's interval of its mean tau (NaN when unknown)
   * @param high upper bound of that interval
   */
  public record Finding(
      Candidate.Setting setting,
      Status status,
      double expected,
      double band,
      double actual,
      int seeds,
      double low,
      double high,
      String message) {

    /** E.g. {@code tau 0.300 [0.100, 0.500] (1 seed), band 0.455 ± 0.150: below the band}. */
    public String describe() {
      if (setting == null) {
        return message;
      }
      String tau =
          Double.isNaN(actual)
              ? "tau -"
              : "tau "
                  + num(actual)
                  + (Double.isNaN(low) ? "" : " [" + num(low) + ", " + num(high) + "]");
      String base =
          Double.isNaN(expected) ? "no baseline" : "band " + num(expected) + " ± " + num(band);
      return tau + " (" + seeds + (seeds == 1 ? " seed" : " seeds") + "), " + base + ": " + message;
    }
  }

  /** True when no finding fails. */
  public boolean passed() {
    return findings.stream().noneMatch(f -> f.status().failing());
  }

  /** The failing findings. */
  public List<Finding> regressions() {
    return findings.stream().filter(f -> f.status().failing()).toList();
  }

  /** A fixed-width table of the failing findings (all findings when {@code all}). */
  public String table(boolean all) {
    StringBuilder sb =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%-36s %-16s %9s %7s %9s %17s %8s %5s  %s%n",
                "setting",
                "status",
                "expected",
                "band",
                "actual",
                "interval",
                "delta",
                "seeds",
                "note"));
    for (Finding f : findings) {
      if (!all && !f.status().failing()) {
        continue;
      }
      sb.append(
          String.format(
              Locale.ROOT,
              "%-36s %-16s %9s %7s %9s %17s %8s %5d  %s%n",
              f.setting() == null ? "-" : f.setting().label(),
              f.status(),
              num(f.expected()),
              num(f.band()),
              num(f.actual()),
              interval(f),
              num(f.actual() - f.expected()),
              f.seeds(),
              f.message()));
    }
    return sb.toString();
  }

  /** E.g. {@code [0.100, 0.500]}, or {@code -} when unknown. */
  static String interval(Finding f) {
    return Double.isNaN(f.low()) ? "-" : "[" + num(f.low()) + ", " + num(f.high()) + "]";
  }

  static String num(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
  }
}
