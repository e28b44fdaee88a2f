package dev.nasrank.harness.regress;

import dev.nasrank.harness.manifest.GitInfo;
import dev.nasrank.harness.manifest.RunManifest;
import dev.nasrank.harness.report.RankingCsv;
import dev.nasrank.harness.report.RankingRow;
import dev.nasrank.harness.report.RunDirectory;
import dev.nasrank.harness.report.stats.StatisticsCsv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code regress} on a run folder: its ranking ({@code ranking.csv}), its run.json (profile,
 * commit, configuration hash, read typed with {@link RunManifest#read}) and, where present, its
 * seed-level intervals ({@code settings.csv}), checked against a baseline or made into one.
 */
public final class RunRegression {

  private RunRegression() {}

  /**
   * A run as regress reads it.
   *
   * @param rows its ranking rows
   * @param manifest its run.json, if the folder has one
   * @param settingsCsv its {@code settings.csv} (the hierarchical-bootstrap intervals), if present
   */
  public record Run(List<RankingRow> rows, Optional<RunManifest> manifest, Path settingsCsv) {

    /** The profile run.json records, if any. */
    public Optional<String> profile() {
      return manifest.map(RunManifest::profile);
    }

    /**
     * The configuration hash when it is comparable with this schema's (a run.json of an older
     * schema hashes another form of the configuration), else null.
     */
    public String configurationSha256() {
      return manifest.map(RunManifest::comparableConfigurationSha256).orElse(null);
    }
  }

  /** Reads {@code DIR/ranking.csv}, {@code DIR/run.json} if present and locates settings.csv. */
  public static Run read(Path dir) {
    RunDirectory d = new RunDirectory(dir);
    List<RankingRow> rows = RankingCsv.read(d.rankingCsv());
    Optional<RunManifest> m =
        Files.isRegularFile(d.runJson())
            ? Optional.of(RunManifest.read(d.runJson()))
            : Optional.empty();
    return new Run(rows, m, Files.isRegularFile(d.settingsCsv()) ? d.settingsCsv() : null);
  }

  /**
   * Checks a run against a baseline: the run's profile must be the baseline's, its configuration
   * hash too where both record one; the seed-level intervals of settings.csv are used where the run
   * has them.
   *
   * @param falseAlarm the chance that noise alone fails a gated setting, or null for the check's
   *     default
   * @throws IllegalArgumentException when the run has no run.json or no profile, naming the file
   */
  public static RegressionResult check(
      Path dir, Baseline baseline, boolean oneSided, Double falseAlarm) {
    Run run = read(dir);
    Path runJson = new RunDirectory(dir).runJson();
    if (run.manifest().isEmpty()) {
      throw new IllegalArgumentException(
          runJson
              + " is missing, so the run's profile cannot be checked against the baseline's"
              + " profile '"
              + baseline.profile()
              + "'");
    }
    String profile =
        run.profile()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        runJson
                            + " has no \"profile\", so the run cannot be checked against the"
                            + " baseline's profile '"
                            + baseline.profile()
                            + "'"));
    RegressionCheck check =
        RegressionCheck.against(baseline)
            .withOneSided(oneSided)
            .withRunProfile(profile)
            .withRunConfiguration(run.configurationSha256());
    if (falseAlarm != null) {
      check = check.withFalseAlarmRate(falseAlarm);
    }
    if (run.settingsCsv() != null) {
      check = check.withIntervals(StatisticsCsv.readIntervals(run.settingsCsv()));
    }
    return check.check(run.rows());
  }

  /**
   * A baseline made from a run: per setting the mean and sd of its taus.
   *
   * @param profile the profile it belongs to, or null for the run's (else {@code default})
   * @param band a fixed band for every entry, or NaN to derive the bands from the noise
   */
  public static Baseline baseline(Path dir, String profile, double band) {
    Run run = read(dir);
    return Baseline.fromRun(
        run.rows(),
        profile != null ? profile : run.profile().orElse("default"),
        band,
        dir.toString(),
        run.manifest().map(RunManifest::git).map(GitInfo::commit).orElse(GitInfo.UNKNOWN),
        run.configurationSha256());
  }
}
