package dev.nasrank.harness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nasrank.harness.manifest.ManifestIo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Renders a full report from synthetic data into {@code harness/target/report-demo} (kept for inspection) and
 * checks its files and numbers.
 */
class ReporterTest {
  private static final List<String[]> SETTINGS = List.of(new String[] {"mixpath", "none"},
      new String[] {"mixpath", "linear_sbn"}, new String[] {"spos", "none"});

  @Test
  void rendersAllOutputsWithSaneNumbers() throws Exception {
    Path root = Path.of("target", "report-demo");
    if (Files.exists(root)) {
      try (Stream<Path> s = Files.walk(root)) {
        s.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
      }
    }
    RunDirectory dir = SyntheticRun.write(root, SETTINGS, new long[] {1, 2}, new int[] {1, 2, 3, 4});
    GroundTruth gt = SyntheticRun.groundTruth(5);
    ReportResult res = Reporter.render(dir, gt, ReportOptions.defaults().withBootstrapResamples(50));

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

    // the synthetic one-shot scores of linear SBN are far less noisy than those of no BN: tau must follow
    Map<String, Double> meanTau = res.ranking().stream().collect(Collectors.groupingBy(
        r -> r.setting().label(), Collectors.averagingDouble(RankingRow::kendallTau)));
    assertTrue(meanTau.get("mixpath/linear_sbn/calibrated") > meanTau.get("mixpath/none/uncalibrated") + 0.2,
        meanTau.toString());
    for (RankingRow r : res.ranking()) {
      assertTrue(r.kendallTauLow() <= r.kendallTau() && r.kendallTau() <= r.kendallTauHigh(), r.toString());
      assertTrue(r.noiseCeiling() > 0.5, "3 repeats with 0.3% noise rank consistently: " + r);
    }

    // choices variant ranks all 255 choices; drop-30 keeps 4 of 34 architectures
    for (ReportResult.VariantResult vr : res.variants()) {
      Variant v = vr.result().variant();
      int expected = v.unit() == Variant.Unit.CHOICES ? 255 : 34;
      assertEquals(v.dropWorst() ? expected - 30 : expected, vr.result().n(), v.label());
    }

    // plots: 6 settings x (paths, max paths, scatter)
    assertEquals(18, res.plots().size());
    for (Path p : res.plots()) {
      byte[] png = Files.readAllBytes(p);
      assertTrue(png.length > 5000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', p.toString());
    }
    String md = Files.readString(dir.reportMd());
    assertTrue(md.contains("![mixpath/linear_sbn/calibrated: one-shot accuracy by active paths]"
        + "(plots/paths-mixpath-linear_sbn-cal.png)"), md);
    assertTrue(md.contains("ceiling"));
    String html = Files.readString(dir.reportHtml());
    assertEquals(18, html.split("src=\"data:image/png;base64,", -1).length - 1);
    assertFalse(html.contains("src=\"plots/"), "the HTML must not link external files");

    // no run.json was given, so the reporter wrote one
    assertTrue(res.manifestWritten());
    JsonNode m = ManifestIo.read(dir.runJson());
    assertEquals("nasrank-run/1", m.get("schema").asText());
    assertEquals(64, m.get("configurationSha256").asText().length());
    assertEquals(64, m.get("datasets").get("candidates.csv").asText().length());
    assertTrue(Files.exists(dir.variantsCsv()) && Files.exists(dir.summaryCsv()));
    try (Stream<Path> s = Files.walk(root)) {
      assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "temp files left behind");
    }
  }
}
