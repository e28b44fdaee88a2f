package dev.nasrank.harness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nasrank.harness.report.diagnostics.DiagnosticsFile;
import dev.nasrank.harness.report.diagnostics.FeatureSimilarity;
import dev.nasrank.harness.report.diagnostics.SbnStatistics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A merged run's diagnostics: which units are drawn, and the Shadow-BN tables folded away. */
class DiagnosticsSectionTest {
  private static final FeatureSimilarity SIM =
      FeatureSimilarity.of(
          List.of("a", "b"), List.of(new float[] {1, 0, 2}, new float[] {0, 1, 1}));

  @Test
  void unitIsTheNameUpToTheFirstColonSpace() {
    assertEquals(
        "mixpath-none-m4-s2020",
        DiagnosticsSection.unitOf("mixpath-none-m4-s2020: cell 1, node n1, candidate ops"));
    assertEquals("cell 4", DiagnosticsSection.unitOf("cell 4"));
    assertEquals("a", DiagnosticsSection.unitOf("a: b: c"));
  }

  @Test
  void drawsTheFirstSixUnitsOfATenUnitRunAndFoldsTheSbnTables(@TempDir Path root) throws Exception {
    List<DiagnosticsFile.NamedSimilarity> features = new ArrayList<>();
    List<DiagnosticsFile.SbnLayer> sbn = new ArrayList<>();
    for (int u = 1; u <= 10; u++) {
      for (String what : List.of("candidate ops", "summed paths")) {
        features.add(new DiagnosticsFile.NamedSimilarity("unit-" + u + ": " + what, SIM));
      }
      sbn.add(
          new DiagnosticsFile.SbnLayer(
              "unit-" + u + ": cell 1 sum BN",
              List.of(
                  new SbnStatistics.Bn(
                      "k=1",
                      1,
                      new double[] {1},
                      new double[] {1},
                      new double[] {1},
                      new double[] {0}),
                  new SbnStatistics.Bn(
                      "k=2",
                      2,
                      new double[] {2},
                      new double[] {4},
                      new double[] {1},
                      new double[] {0}))));
    }
    ReportDocument doc = new ReportDocument("t");
    List<Path> written = new ArrayList<>();
    DiagnosticsSection.render(
        doc, new RunDirectory(root), new DiagnosticsFile(features, sbn), true, written);

    // 6 units x 2 similarities drawn, each with its table; units 7-10 only in diagnostics.json
    assertEquals(12, written.size());
    assertTrue(Files.exists(root.resolve("plots/cosine-unit-6-summed-paths.png")));
    assertFalse(Files.exists(root.resolve("plots/cosine-unit-7-candidate-ops.png")));
    String md = doc.toMarkdown();
    assertTrue(md.contains("### Cosine similarity: unit-6: summed paths"), md);
    assertFalse(md.contains("Cosine similarity: unit-7"), md);
    assertTrue(
        md.contains(
            "Feature similarities of the first 6 of 10 units (unit-1, unit-2, unit-3, unit-4,"
                + " unit-5, unit-6); diagnostics.json holds every unit's."),
        md);
    // every unit's Shadow-BN rows, behind one fold, and all of them in the CSV
    assertTrue(md.contains("<details><summary>Shadow-BN tables: 10 layers"), md);
    assertTrue(md.indexOf("<details>") < md.indexOf("### SBN statistics against"), md);
    assertTrue(md.contains("| unit-10: cell 1 sum BN | k=2 | 2 | 1.000 | 1.000 |"), md);
    List<String> csv = Files.readAllLines(root.resolve("sbn_scaling.csv"));
    assertEquals(21, csv.size()); // header + 10 layers x 2 BNs
  }

  @Test
  void drawsEveryUnitOfASmallRunWithoutANote(@TempDir Path root) throws Exception {
    List<DiagnosticsFile.NamedSimilarity> features = new ArrayList<>();
    for (int u = 1; u <= 6; u++) {
      features.add(new DiagnosticsFile.NamedSimilarity("unit-" + u + ": ops", SIM));
    }
    ReportDocument doc = new ReportDocument("t");
    List<Path> written = new ArrayList<>();
    DiagnosticsSection.render(
        doc, new RunDirectory(root), new DiagnosticsFile(features, List.of()), true, written);
    assertEquals(6, written.size());
    assertFalse(doc.toMarkdown().contains("Feature similarities of the first"));
  }
}
