package dev.nasrank.harness.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nasrank.benchbridge.io.AtomicFiles;
import dev.nasrank.harness.manifest.ManifestDiff;
import dev.nasrank.harness.report.diagnostics.DiagnosticsFile;
import dev.nasrank.harness.report.diagnostics.SbnStatistics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The report's closing sections: feature and Shadow-BN diagnostics (with their CSVs) and the run
 * manifest.
 */
final class DiagnosticsSection {
  private DiagnosticsSection() {}

  static void render(
      ReportDocument doc, RunDirectory dir, DiagnosticsFile d, boolean plots, List<Path> written) {
    doc.heading(2, "Feature and Shadow-BN diagnostics");
    for (DiagnosticsFile.NamedSimilarity ns : d.features()) {
      doc.heading(3, "Cosine similarity: " + ns.name());
      List<List<String>> rows = new ArrayList<>();
      for (int i = 0; i < ns.similarity().labels().size(); i++) {
        List<String> row =
            new ArrayList<>(
                List.of(
                    ns.similarity().labels().get(i),
                    ReportFormat.f(ns.similarity().magnitudes()[i])));
        for (double c : ns.similarity().cosine()[i]) {
          row.add(ReportFormat.f(c));
        }
        rows.add(row);
      }
      List<String> header = new ArrayList<>(List.of("feature", "L2 magnitude"));
      header.addAll(ns.similarity().labels());
      doc.table(header, rows);
      if (plots) {
        String rel = "plots/cosine-" + ReportFormat.slug(ns.name()) + ".png";
        byte[] png =
            Charts.heatmap(
                "Cosine similarity: " + ns.name(),
                ns.similarity().labels(),
                ns.similarity().cosine(),
                -1,
                1);
        AtomicFiles.write(dir.root().resolve(rel), png);
        written.add(dir.root().resolve(rel));
        doc.image("Cosine similarity: " + ns.name(), rel, png);
      }
    }
    if (!d.sbn().isEmpty()) {
      doc.paragraph(
          "Shadow BN: ratio 1 means mean_k = k * mean_1 (var_k = k^2 * var_1) holds exactly "
              + "(least-squares slope over channels divided by k or k^2); close gamma/beta (cosine near 1, relative "
              + "distance near 0) is the Lemma 3.1 picture.");
      List<List<String>> scale = new ArrayList<>();
      List<List<String>> affine = new ArrayList<>();
      StringBuilder csvScale = new StringBuilder("layer,bn,active_paths,mean_ratio,var_ratio\n");
      StringBuilder csvAffine =
          new StringBuilder(
              "layer,bn_a,bn_b,gamma_cosine,gamma_relative_distance,beta_cosine,beta_relative_distance\n");
      for (DiagnosticsFile.SbnLayer layer : d.sbn()) {
        for (SbnStatistics.ScalingRow r : SbnStatistics.scaling(layer.layer(), layer.bns())) {
          scale.add(
              List.of(
                  r.layer(),
                  r.bn(),
                  String.valueOf(r.activePaths()),
                  ReportFormat.f(r.meanRatio()),
                  ReportFormat.f(r.varRatio())));
          csvScale
              .append(
                  String.join(
                      ",",
                      r.layer(),
                      r.bn(),
                      String.valueOf(r.activePaths()),
                      RankingCsv.num(r.meanRatio()),
                      RankingCsv.num(r.varRatio())))
              .append('\n');
        }
        for (SbnStatistics.AffineRow r : SbnStatistics.affine(layer.layer(), layer.bns())) {
          affine.add(
              List.of(
                  r.layer(),
                  r.bnA() + " vs " + r.bnB(),
                  ReportFormat.f(r.gammaCosine()),
                  ReportFormat.f(r.gammaRelativeDistance()),
                  ReportFormat.f(r.betaCosine()),
                  ReportFormat.f(r.betaRelativeDistance())));
          csvAffine
              .append(
                  String.join(
                      ",",
                      r.layer(),
                      r.bnA(),
                      r.bnB(),
                      RankingCsv.num(r.gammaCosine()),
                      RankingCsv.num(r.gammaRelativeDistance()),
                      RankingCsv.num(r.betaCosine()),
                      RankingCsv.num(r.betaRelativeDistance())))
              .append('\n');
        }
      }
      doc.heading(3, "SBN statistics against k x and k^2 x SBN_1 (sbn_scaling.csv)");
      doc.table(
          List.of("layer", "BN", "active paths", "mean_k / (k mean_1)", "var_k / (k^2 var_1)"),
          scale);
      doc.heading(3, "SBN affine parameters, pairwise (sbn_affine.csv)");
      doc.table(
          List.of(
              "layer",
              "pair",
              "gamma cosine",
              "gamma rel. distance",
              "beta cosine",
              "beta rel. distance"),
          affine);
      AtomicFiles.writeString(dir.root().resolve("sbn_scaling.csv"), csvScale.toString());
      AtomicFiles.writeString(dir.root().resolve("sbn_affine.csv"), csvAffine.toString());
    }
  }

  static void manifest(ReportDocument doc, JsonNode manifest, boolean written) {
    doc.heading(2, "Run manifest (run.json)");
    doc.paragraph(
        written
            ? "No run.json was present; this one was written at report time (profile report-only)."
            : "As written by the suite.");
    List<List<String>> rows = new ArrayList<>();
    ManifestDiff.flatten(manifest).forEach((k, v) -> rows.add(List.of(k, v)));
    doc.table(List.of("field", "value"), rows);
  }
}
