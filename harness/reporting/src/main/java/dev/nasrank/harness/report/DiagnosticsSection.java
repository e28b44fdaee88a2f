package dev.nasrank.harness.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nasrank.files.AtomicFiles;
import dev.nasrank.harness.manifest.ManifestDiff;
import dev.nasrank.harness.report.diagnostics.DiagnosticsFile;
import dev.nasrank.harness.report.diagnostics.SbnStatistics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The report's closing sections: feature and Shadow-BN diagnostics (with their CSVs) and the run
 * manifest.
 *
 * <p>A merged suite run names every diagnostic {@code "<unit>: <what>"}, and its unit ids end in
 * {@code -s<seed>}. The feature similarities of the units of the run's first seed are drawn and
 * tabulated (every setting and m once); the other seeds' stay in diagnostics.json, so a 10-seed
 * study does not turn into 120 heat maps. Diagnostics whose names carry no such seed are all drawn.
 * The Shadow-BN tables cover every unit and are folded away; their CSVs hold the same rows.
 */
final class DiagnosticsSection {
  private DiagnosticsSection() {}

  /** The unit a diagnostic belongs to: its name up to the first {@code ": "}, else the name. */
  static String unitOf(String name) {
    int colon = name.indexOf(": ");
    return colon < 0 ? name : name.substring(0, colon);
  }

  /**
   * The units whose feature similarities are drawn: those of {@code firstSeed} when any unit id
   * ends in {@code -s<firstSeed>}, else all of them.
   */
  static Set<String> drawnUnits(Set<String> units, Long firstSeed) {
    if (firstSeed != null) {
      String suffix = "-s" + firstSeed;
      Set<String> ofSeed =
          units.stream()
              .filter(u -> u.endsWith(suffix))
              .collect(Collectors.toCollection(LinkedHashSet::new));
      if (!ofSeed.isEmpty()) {
        return ofSeed;
      }
    }
    return units;
  }

  /**
   * @param firstSeed the run's smallest seed, or null when unknown
   */
  static void render(
      ReportDocument doc,
      RunDirectory dir,
      DiagnosticsFile d,
      Long firstSeed,
      boolean plots,
      List<Path> written) {
    doc.heading(2, "Feature and Shadow-BN diagnostics");
    Set<String> units = new LinkedHashSet<>();
    d.features().forEach(ns -> units.add(unitOf(ns.name())));
    Set<String> drawn = drawnUnits(units, firstSeed);
    if (drawn.size() < units.size()) {
      doc.paragraph(
          "Feature similarities of the "
              + drawn.size()
              + " units of seed "
              + firstSeed
              + " ("
              + units.size()
              + " units in all); diagnostics.json holds every unit's.");
    }
    for (DiagnosticsFile.NamedSimilarity ns : d.features()) {
      if (!drawn.contains(unitOf(ns.name()))) {
        continue;
      }
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
      doc.beginFold(
          "Shadow-BN tables: " + d.sbn().size() + " layers (sbn_scaling.csv, sbn_affine.csv)");
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
      doc.endFold();
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
