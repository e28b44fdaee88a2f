package dev.nasrank.harness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nasrank.files.AtomicFiles;
import dev.nasrank.harness.manifest.ManifestIo;
import dev.nasrank.harness.report.diagnostics.DiagnosticsFile;
import dev.nasrank.harness.report.diagnostics.FeatureSimilarity;
import dev.nasrank.harness.report.diagnostics.SbnStatistics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Renders a full report from synthetic data into {@code harness/target/report-demo} (kept for
 * inspection) and checks its files and numbers.
 */
class ReporterTest {
  private static final List<String[]> SETTINGS =
      List.of(
          new String[] {"mixpath", "none"},
          new String[] {"mixpath", "linear_sbn"},
          new String[] {"spos", "none"});

  /**
   * Op outputs that are nearly parallel (as MixPath observes) and SBN statistics that scale
   * exactly.
   */
  static DiagnosticsFile diagnostics() {
    java.util.Random rng = new java.util.Random(3);
    float[] base = new float[256];
    for (int i = 0; i < base.length; i++) {
      base[i] = (float) rng.nextGaussian();
    }
    List<float[]> ops = new java.util.ArrayList<>();
    for (double noise : new double[] {0.2, 0.5, 1.5}) {
      float[] v = new float[base.length];
      for (int i = 0; i < v.length; i++) {
        v[i] = (float) (base[i] + noise * rng.nextGaussian());
      }
      ops.add(v);
    }
    ops.add(FeatureSimilarity.sum(ops));
    FeatureSimilarity sim =
        FeatureSimilarity.of(List.of("conv1x1", "conv3x3", "maxpool3x3", "sum of 3"), ops);
    double[] mean1 = {0.4, 0.1, -0.3, 0.8};
    double[] var1 = {0.2, 0.1, 0.3, 0.05};
    List<SbnStatistics.Bn> bns = new java.util.ArrayList<>();
    for (int k = 1; k <= 4; k++) {
      double[] m = new double[4];
      double[] v = new double[4];
      double[] g = new double[4];
      for (int c = 0; c < 4; c++) {
        m[c] = k * mean1[c];
        v[c] = k * k * var1[c];
        g[c] = 1 + 0.01 * k * c;
      }
      bns.add(new SbnStatistics.Bn("k=" + k, k, m, v, g, new double[] {0.1, 0.0, -0.1, 0.05 * k}));
    }
    return new DiagnosticsFile(
        List.of(new DiagnosticsFile.NamedSimilarity("cell 4, node 1: candidate ops", sim)),
        List.of(new DiagnosticsFile.SbnLayer("cell 4", bns)));
  }

  @Test
  // a forest of two settings once hung XChart's axis layout, which no interrupt stops
  @org.junit.jupiter.api.Timeout(
      value = 300,
      threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
  void aReportRemovesThePlotsOfAnEarlierOneThatItNoLongerDraws(
      @org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
    RunDirectory dir =
        SyntheticRun.write(
            tmp.resolve("run"), SETTINGS.subList(0, 1), new long[] {1}, new int[] {4});
    Path plots = Files.createDirectories(tmp.resolve("run/plots"));
    Path old = Files.write(plots.resolve("cosine-unit-7-candidate-ops.png"), new byte[] {1});
    Path notes = Files.writeString(plots.resolve("notes.txt"), "mine");
    ReportOptions options =
        ReportOptions.builder().optBootstrapResamples(20).optStudyResamples(50).build();
    ReportResult res = Reporter.render(dir, SyntheticRun.groundTruth(5), options);
    assertEquals(List.of(old), res.stalePlots());
    assertFalse(Files.exists(old));
    assertTrue(Files.exists(notes), "only PNG files are the report's");
    assertFalse(res.plots().isEmpty());
    res.plots().forEach(p -> assertTrue(Files.exists(p), p.toString()));
    // without plots the report leaves plots/ as it is
    Files.write(old, new byte[] {1});
    ReportResult bare =
        Reporter.render(
            dir, SyntheticRun.groundTruth(5), options.toBuilder().optPlots(false).build());
    assertEquals(List.of(), bare.stalePlots());
    assertTrue(Files.exists(old) && Files.exists(res.plots().get(0)));
  }

  @Test
  void rendersAllOutputsWithSaneNumbers() throws Exception {
    Path root = Path.of("target", "report-demo");
    if (Files.exists(root)) {
      try (Stream<Path> s = Files.walk(root)) {
        s.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
      }
    }
    RunDirectory dir =
        SyntheticRun.write(root, SETTINGS, new long[] {1, 2}, new int[] {1, 2, 3, 4});
    InMemoryGroundTruth gt = SyntheticRun.groundTruth(5);
    AtomicFiles.writeString(
        root.resolve("groundtruth.csv"), SyntheticRun.groundTruthCsv(gt)); // for CLI use
    diagnostics().write(dir.diagnosticsJson());
    ReportResult res =
        Reporter.render(
            dir,
            gt,
            ReportOptions.builder().optBootstrapResamples(50).optStudyResamples(200).build());

    // 3 settings x 2 calibrations x 2 seeds rankings of the 34 unique m=4 architectures
    assertEquals(12, res.ranking().size());
    res.ranking().forEach(r -> assertEquals(34, r.n()));
    assertEquals(12 * 8, res.variants().size());
    List<String> lines = Files.readAllLines(dir.rankingCsv());
    assertEquals(RankingCsv.HEADER, lines.get(0));
    assertEquals(13, lines.size());
    List<RankingRow> back = RankingCsv.read(dir.rankingCsv());
    for (int i = 0; i < back.size(); i++) {
      RankingRow a = res.ranking().get(i);
      RankingRow b = back.get(i);
      assertEquals(a.setting(), b.setting());
      assertEquals(a.seed(), b.seed());
      assertEquals(a.kendallTau(), b.kendallTau(), 1e-6);
      assertEquals(a.kendallTauLow(), b.kendallTauLow(), 1e-6);
      assertEquals(a.noiseCeiling(), b.noiseCeiling(), 1e-6);
    }

    // the synthetic one-shot scores of linear SBN are far less noisy than those of no BN: tau must
    // follow
    Map<String, Double> meanTau =
        res.ranking().stream()
            .collect(
                Collectors.groupingBy(
                    r -> r.setting().label(), Collectors.averagingDouble(RankingRow::kendallTau)));
    assertTrue(
        meanTau.get("mixpath/linear_sbn/calibrated")
            > meanTau.get("mixpath/none/uncalibrated") + 0.2,
        meanTau.toString());
    for (RankingRow r : res.ranking()) {
      assertTrue(
          r.kendallTauLow() <= r.kendallTau() && r.kendallTau() <= r.kendallTauHigh(),
          r.toString());
      assertTrue(r.noiseCeiling() > 0.5, "3 repeats with 0.3% noise rank consistently: " + r);
    }

    // choices variant ranks all 255 choices; drop-30 keeps 4 of 34 architectures
    for (ReportResult.VariantResult vr : res.variants()) {
      Variant v = vr.result().variant();
      int expected = v.unit() == Variant.Unit.CHOICES ? 255 : 34;
      assertEquals(v.dropWorst() ? expected - 30 : expected, vr.result().n(), v.label());
    }

    // plots: one faceted figure by active paths, one by m, 6 scatters, 1 cosine heat map, forest,
    // differences
    assertEquals(11, res.plots().size());
    assertTrue(
        Files.exists(root.resolve("plots/paths.png"))
            && Files.exists(root.resolve("plots/maxpaths.png")));
    assertTrue(
        Files.exists(root.resolve("plots/forest.png"))
            && Files.exists(root.resolve("plots/differences.png")));
    assertTrue(Files.exists(root.resolve("plots/cosine-cell-4-node-1-candidate-ops.png")));
    List<String> scaling = Files.readAllLines(root.resolve("sbn_scaling.csv"));
    assertEquals("layer,bn,active_paths,mean_ratio,var_ratio", scaling.get(0));
    assertEquals("cell 4,k=3,3,1.000000,1.000000", scaling.get(3));
    for (Path p : res.plots()) {
      byte[] png = Files.readAllBytes(p);
      assertTrue(
          png.length > 5000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', p.toString());
    }
    String md = Files.readString(dir.reportMd());
    assertTrue(md.contains("(plots/paths.png)") && md.contains("(plots/forest.png)"), md);
    // the report leads with the answer: claims, then every setting's tau, then the pairs
    assertTrue(
        md.indexOf("## The paper's claims") < md.indexOf("## Kendall tau of every setting")
            && md.indexOf("## Kendall tau of every setting") < md.indexOf("## Pairwise differences")
            && md.indexOf("## Pairwise differences") < md.indexOf("## Variants"),
        md);
    assertTrue(md.contains("ceiling"));
    String html = Files.readString(dir.reportHtml());
    assertEquals(11, html.split("src=\"data:image/png;base64,", -1).length - 1);
    // the variants table is folded away, and the filter's n = 4 is marked degenerate
    assertTrue(
        html.contains("<details><summary>48 settings x variants, 12 degenerate</summary>"), html);
    assertTrue(md.contains("| 4 (degenerate) |"), md);
    assertFalse(html.contains("src=\"plots/"), "the HTML must not link external files");

    // no run.json was given, so the reporter wrote one
    assertTrue(res.manifestWritten());
    JsonNode m = ManifestIo.read(dir.runJson());
    assertEquals("nasrank-run/2", m.get("schema").asText());
    assertEquals(64, m.get("configurationSha256").asText().length());
    assertEquals(64, m.get("datasets").get("candidates.csv").asText().length());
    assertTrue(Files.exists(dir.variantsCsv()) && Files.exists(dir.summaryCsv()));
    try (Stream<Path> s = Files.walk(root)) {
      assertTrue(
          s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "temp files left behind");
    }
  }

  @Test
  void partialGroundTruthRanksOnlyTheArchitecturesItHolds(
      @org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
    RunDirectory dir =
        SyntheticRun.write(
            tmp.resolve("run"), SETTINGS.subList(0, 1), new long[] {1}, new int[] {4});
    InMemoryGroundTruth full = SyntheticRun.groundTruth(5);
    // keep the first 10 of the 34 unique architectures (header + 3 repeats per architecture)
    List<String> csv = SyntheticRun.groundTruthCsv(full).lines().toList();
    Path partialCsv = tmp.resolve("partial.csv");
    Files.write(partialCsv, csv.subList(0, 1 + 10 * 3));
    InMemoryGroundTruth partial = InMemoryGroundTruth.readCsv(partialCsv, 12);
    ReportResult res =
        Reporter.render(
            dir,
            partial,
            ReportOptions.builder()
                .optBootstrapResamples(20)
                .optStudyResamples(50)
                .optPlots(false)
                .build());

    assertEquals(2, res.ranking().size());
    res.ranking().forEach(r -> assertEquals(10, r.n()));
    // the choices variant ranks the choices of those 10 architectures only
    java.util.Set<String> held =
        csv.subList(1, 31).stream().map(l -> l.split(",")[0]).collect(Collectors.toSet());
    long heldChoices =
        SyntheticRun.choices(4).stream().filter(c -> held.contains(c.hash())).count();
    for (ReportResult.VariantResult vr : res.variants()) {
      Variant v = vr.result().variant();
      if (v.unit() == Variant.Unit.CHOICES && !v.dropWorst()) {
        assertEquals(heldChoices, vr.result().n(), v.label());
      }
    }
    assertTrue(
        Files.readString(dir.reportMd())
            .contains(
                "The ground truth holds 10 of the 34 architectures " + "evaluated; the other 24"));

    // a ground truth holding none of them is an error naming the file
    Path noneCsv = tmp.resolve("none.csv");
    Files.write(noneCsv, List.of(csv.get(0), "00000000000000000000000000000000,0,0.5,0.5"));
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class,
            () ->
                Reporter.render(
                    dir, InMemoryGroundTruth.readCsv(noneCsv, 12), ReportOptions.defaults()));
    assertTrue(e.getMessage().contains("holds none of the 34 architectures"), e.getMessage());
  }
}
