package dev.nasrank.harness.regress;

import dev.nasrank.harness.report.Candidate;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of a {@link RegressionCheck}.
 *
 * @param profile the baseline's profile
 * @param oneSided whether only drops fail
 * @param findings one per baseline entry, per run setting absent from the baseline, and a profile mismatch
 */
public record RegressionResult(String profile, boolean oneSided, List<Finding> findings) {

  /** Status of one finding; {@link #failing()} says which fail the check. */
  public enum Status {
    OK(false), REGRESSED(true), MISSING(true), NAN(true), PROFILE_MISMATCH(true), NEW(false);

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
   * @param expected baseline tau (NaN for NEW)
   * @param band baseline band (NaN for NEW)
   * @param actual run tau, mean over seeds (NaN when missing or undefined)
   * @param seeds seeds the run had for this setting
   */
  public record Finding(Candidate.Setting setting, Status status, double expected, double band, double actual,
      int seeds, String message) {}

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
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-36s %-16s %9s %7s %9s %8s %5s  %s%n",
        "setting", "status", "expected", "band", "actual", "delta", "seeds", "note"));
    for (Finding f : findings) {
      if (!all && !f.status().failing()) {
        continue;
      }
      sb.append(String.format(Locale.ROOT, "%-36s %-16s %9s %7s %9s %8s %5d  %s%n",
          f.setting() == null ? "-" : f.setting().label(), f.status(), num(f.expected()), num(f.band()),
          num(f.actual()), num(f.actual() - f.expected()), f.seeds(), f.message()));
    }
    return sb.toString();
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
  }
}
