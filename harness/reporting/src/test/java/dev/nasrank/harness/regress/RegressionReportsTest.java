package dev.nasrank.harness.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nasrank.harness.report.RankingRow;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class RegressionReportsTest {
  private static RegressionResult result() {
    Baseline b =
        new Baseline(
            Baseline.SCHEMA,
            "mini",
            "t",
            "r",
            "c",
            null,
            List.of(
                new Baseline.Entry(
                    "mixpath", "linear_sbn", true, 0.60, 0.10, "seeds", 10, Double.NaN),
                new Baseline.Entry("mixpath", "vanilla", true, 0.50, 0.10, "seeds", 10, Double.NaN),
                new Baseline.Entry("mixpath", "none", true, 0.30, Double.NaN, "none", 1, 0.2)));
    List<RankingRow> rows =
        List.of(
            new RankingRow("mixpath", "linear_sbn", true, 1, 34, 0.20, 0.05, 0.35, 0.3, 0.7),
            new RankingRow("mixpath", "vanilla", true, 1, 34, 0.55, 0.40, 0.70, 0.6, 0.7),
            new RankingRow("spos", "vanilla", true, 1, 34, 0.10, -0.1, 0.3, 0.1, 0.7));
    return RegressionCheck.against(b).withRunProfile("ci").check(rows);
  }

  @Test
  void junitXmlHasOneTestCasePerGatedSetting() throws Exception {
    String xml = RegressionReports.junitXml(result(), "results/baselines/mini.json");
    Document d =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    Element suite = (Element) d.getElementsByTagName("testsuite").item(0);
    // 3 baseline entries + the profile mismatch; the run's new spos setting is not a test case
    assertEquals("4", suite.getAttribute("tests"));
    // linear_sbn regressed, none is missing, the profile differs; vanilla passes
    assertEquals("3", suite.getAttribute("failures"));
    NodeList cases = d.getElementsByTagName("testcase");
    assertEquals("run profile", ((Element) cases.item(0)).getAttribute("name"));
    Element linear = (Element) cases.item(1);
    assertEquals("mixpath/linear_sbn/calibrated", linear.getAttribute("name"));
    Element failure = (Element) linear.getElementsByTagName("failure").item(0);
    assertEquals("REGRESSED", failure.getAttribute("type"));
    // 3 gated settings, two-sided, 0.01: z = z(1 - 0.01/6) = 2.935199; band 2.935199 x 0.1 x sqrt(1
    // + 1/10) = 0.308
    assertEquals(
        "tau 0.200 [0.050, 0.350] (1 seed), band 0.600 ± 0.308: below the band",
        failure.getAttribute("message"));
    Element vanilla = (Element) cases.item(2);
    assertEquals(0, vanilla.getElementsByTagName("failure").getLength());
    assertEquals(
        "MISSING",
        ((Element) ((Element) cases.item(3)).getElementsByTagName("failure").item(0))
            .getAttribute("type"));
    assertTrue(xml.contains("spos/vanilla/calibrated: tau 0.100"), xml);
  }

  @Test
  void markdownSummaryListsEveryFinding() {
    String md = RegressionReports.markdown(result(), "results/baselines/mini.json");
    assertTrue(md.startsWith("## Ranking regression: FAILED"), md);
    assertTrue(md.contains("1 of 4 gated settings within their bands, 3 failing"), md);
    assertTrue(
        md.contains(
            "| mixpath/linear_sbn/calibrated | **REGRESSED** | 0.200 | [0.050, 0.350] | 1 | 0.600 "
                + "| ± 0.308 | -0.400 |"),
        md);
    assertTrue(md.contains("| spos/vanilla/calibrated | NEW |"), md);
    assertTrue(md.contains("run profile 'ci' differs from baseline profile 'mini'"), md);
  }
}
