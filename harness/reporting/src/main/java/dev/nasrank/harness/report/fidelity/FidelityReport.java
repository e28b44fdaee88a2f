package dev.nasrank.harness.report.fidelity;

import dev.nasrank.files.AtomicFiles;
import dev.nasrank.harness.report.Charts;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes a fidelity study: fidelity.csv (one row per cell), fidelity.md (the correlations) and two
 * scatter plots.
 */
public final class FidelityReport {

  private FidelityReport() {}

  /**
   * Writes the files into {@code dir}, each atomically.
   *
   * @param sources one line naming the two ground truths (files, budgets, repeats)
   * @return the files written
   */
  public static List<Path> write(FidelityStudy.Result r, Path dir, String sources) {
    StringBuilder csv =
        new StringBuilder(
            "module_hash,ours,ours_repeats,nb101_short,nb101_final,our_parameters,"
                + "nb101_parameters\n");
    for (FidelityRow x : r.rows()) {
      csv.append(
          String.format(
              Locale.ROOT,
              "%s,%.6f,%d,%.6f,%.6f,%d,%d%n",
              x.hash(),
              x.ours(),
              x.oursRepeats(),
              x.nb101Short(),
              x.nb101Final(),
              x.ourParameters(),
              x.nb101Parameters()));
    }
    Path csvFile = dir.resolve("fidelity.csv");
    AtomicFiles.writeString(csvFile, csv.toString());
    StringBuilder md = new StringBuilder("# Proxy fidelity\n\n").append(sources).append("\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "%d cells; trainable parameters equal NAS-Bench-101's for %d of %d.%s%n%n",
            r.rows().size(),
            r.parameterMatches(),
            r.rows().size(),
            r.missing().isEmpty()
                ? ""
                : " Left out (not in the NAS-Bench-101 source): " + r.missing().size() + "."));
    md.append("| ranks | against | n | Kendall tau-b [95% interval] | Spearman [95% interval] |\n");
    md.append("|---|---|---|---|---|\n");
    for (FidelityStudy.Correlation c : r.correlations()) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %d | %.3f [%.3f, %.3f] | %.3f [%.3f, %.3f] |%n",
              c.x(),
              c.y(),
              c.n(),
              c.kendall().estimate(),
              c.kendall().low(),
              c.kendall().high(),
              c.spearman().estimate(),
              c.spearman().low(),
              c.spearman().high()));
    }
    md.append(
        "\nIntervals: percentile bootstrap over cells (resampled with replacement). Accuracies are fractions "
            + "in [0,1], each the mean over the source's repeats of the final validation accuracy.\n\n");
    md.append(
        "![ours vs final](plots/fidelity-final.png)\n\n![ours vs short](plots/fidelity-short.png)\n");
    Path mdFile = dir.resolve("fidelity.md");
    AtomicFiles.writeString(mdFile, md.toString());
    double[] ours = r.rows().stream().mapToDouble(FidelityRow::ours).toArray();
    Path finalPlot = dir.resolve("plots").resolve("fidelity-final.png");
    AtomicFiles.write(
        finalPlot,
        Charts.scatter(
            "Our accuracy vs NAS-Bench-101 final",
            "NAS-Bench-101 final " + "validation accuracy",
            "our validation accuracy",
            List.of(
                new Charts.Series(
                    "cells",
                    r.rows().stream().mapToDouble(FidelityRow::nb101Final).toArray(),
                    ours))));
    Path shortPlot = dir.resolve("plots").resolve("fidelity-short.png");
    AtomicFiles.write(
        shortPlot,
        Charts.scatter(
            "Our accuracy vs NAS-Bench-101 short budget",
            "NAS-Bench-101 " + "short-budget validation accuracy",
            "our validation accuracy",
            List.of(
                new Charts.Series(
                    "cells",
                    r.rows().stream().mapToDouble(FidelityRow::nb101Short).toArray(),
                    ours))));
    return List.of(csvFile, mdFile, finalPlot, shortPlot);
  }
}
