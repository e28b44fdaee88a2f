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
  void drawsTheUnitsOfTheFirstSeedWithEveryMAndFoldsTheSbnTables(@TempDir Path root)
      throws Exception {
    // two seeds of the suite's units with --max-paths 2,4: linear SBN at m = 2 first, then the six
    // settings at m = 4 (the merge's order)
    List<String> settings =
        List.of(
            "mixpath-linear_sbn-m2",
            "mixpath-none-m4",
            "mixpath-vanilla-m4",
            "mixpath-linear_sbn-m4",
            "mixpath-exponential_sbn-m4",
            "mixpath-simple_scaling-m4",
            "spos-vanilla-m4");
    List<DiagnosticsFile.NamedSimilarity> features = new ArrayList<>();
    List<DiagnosticsFile.SbnLayer> sbn = new ArrayList<>();
    for (long seed : new long[] {2020, 2021}) {
      for (String setting : settings) {
        String unit = setting + "-s" + seed;
        for (String what : List.of("candidate ops", "summed paths")) {
          features.add(new DiagnosticsFile.NamedSimilarity(unit + ": " + what, SIM));
        }
        sbn.add(
            new DiagnosticsFile.SbnLayer(
                unit + ": cell 1 sum BN",
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
    }
    ReportDocument doc = new ReportDocument("t");
    List<Path> written = new ArrayList<>();
    DiagnosticsSection.render(
        doc, new RunDirectory(root), new DiagnosticsFile(features, sbn), 2020L, true, written);

    // the 7 units of seed 2020 x 2 similarities drawn, each with its table; seed 2021's only in
    // diagnostics.json
    assertEquals(14, written.size());
    assertTrue(Files.exists(root.resolve("plots/cosine-spos-vanilla-m4-s2020-summed-paths.png")));
    assertTrue(
        Files.exists(root.resolve("plots/cosine-mixpath-linear-sbn-m2-s2020-candidate-ops.png")));
    assertFalse(Files.exists(root.resolve("plots/cosine-mixpath-none-m4-s2021-candidate-ops.png")));
    String md = doc.toMarkdown();
    assertTrue(md.contains("### Cosine similarity: spos-vanilla-m4-s2020: summed paths"), md);
    assertFalse(md.contains("s2021: candidate ops"), md);
    assertTrue(
        md.contains(
            "Feature similarities of the 7 units of seed 2020 (14 units in all); diagnostics.json"
                + " holds every unit's."),
        md);
    // every unit's Shadow-BN rows, behind one fold, and all of them in the CSV
    assertTrue(md.contains("<details><summary>Shadow-BN tables: 14 layers"), md);
    assertTrue(md.indexOf("<details>") < md.indexOf("### SBN statistics against"), md);
    assertTrue(
        md.contains("| spos-vanilla-m4-s2021: cell 1 sum BN | k=2 | 2 | 1.000 | 1.000 |"), md);
    List<String> csv = Files.readAllLines(root.resolve("sbn_scaling.csv"));
    assertEquals(29, csv.size()); // header + 14 layers x 2 BNs
  }

  @Test
  void drawsEveryUnitWhenNoneNamesTheFirstSeed(@TempDir Path root) throws Exception {
    List<DiagnosticsFile.NamedSimilarity> features = new ArrayList<>();
    for (int u = 1; u <= 8; u++) {
      features.add(new DiagnosticsFile.NamedSimilarity("unit-" + u + ": ops", SIM));
    }
    for (Long seed : new Long[] {null, 5L}) {
      ReportDocument doc = new ReportDocument("t");
      List<Path> written = new ArrayList<>();
      DiagnosticsSection.render(
          doc,
          new RunDirectory(root),
          new DiagnosticsFile(features, List.of()),
          seed,
          true,
          written);
      assertEquals(8, written.size(), "seed " + seed);
      assertFalse(doc.toMarkdown().contains("Feature similarities of the"));
    }
  }
}
