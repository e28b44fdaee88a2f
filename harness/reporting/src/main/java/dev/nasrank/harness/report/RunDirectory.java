package dev.nasrank.harness.report;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A suite run's output folder and the names of the files in it: inputs {@code candidates.csv}
 * (written by the suite), optional {@code run.json} and {@code diagnostics.json}; outputs {@code
 * ranking.csv}, {@code variants.csv}, {@code summary.csv}, {@code settings.csv}, {@code
 * comparisons.csv}, {@code claims.csv}, {@code report.md}, {@code report.html} and {@code plots/}.
 */
public record RunDirectory(Path root) {

  /** The folder, which must exist and hold candidates.csv. */
  public static RunDirectory of(Path root) {
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException("run directory " + root + " does not exist");
    }
    RunDirectory d = new RunDirectory(root);
    if (!Files.isRegularFile(d.candidatesCsv())) {
      throw new IllegalArgumentException("run directory " + root + " has no candidates.csv");
    }
    return d;
  }

  public Path candidatesCsv() {
    return root.resolve("candidates.csv");
  }

  public Path runJson() {
    return root.resolve("run.json");
  }

  public Path diagnosticsJson() {
    return root.resolve("diagnostics.json");
  }

  public Path rankingCsv() {
    return root.resolve("ranking.csv");
  }

  public Path variantsCsv() {
    return root.resolve("variants.csv");
  }

  public Path summaryCsv() {
    return root.resolve("summary.csv");
  }

  /**
   * Per setting: mean tau over seeds, seed sd, hierarchical bootstrap interval (docs/report.md).
   */
  public Path settingsCsv() {
    return root.resolve("settings.csv");
  }

  /** Every pair of settings: difference, paired interval, Holm-adjusted p-value, verdict. */
  public Path comparisonsCsv() {
    return root.resolve("comparisons.csv");
  }

  /** The paper's claims with their verdicts. */
  public Path claimsCsv() {
    return root.resolve("claims.csv");
  }

  public Path reportMd() {
    return root.resolve("report.md");
  }

  public Path reportHtml() {
    return root.resolve("report.html");
  }

  public Path plotsDir() {
    return root.resolve("plots");
  }
}
