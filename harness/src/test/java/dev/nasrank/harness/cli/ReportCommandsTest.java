package dev.nasrank.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nasrank.harness.manifest.ManifestIo;
import dev.nasrank.harness.manifest.RunManifest;
import dev.nasrank.harness.report.RankingCsv;
import dev.nasrank.harness.report.SyntheticRun;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The report, regress and manifest diff commands end to end on a synthetic run, with their exit
 * codes.
 */
class ReportCommandsTest {
  @TempDir Path tmp;

  private Path run;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int cli(String... args) {
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @BeforeEach
  void syntheticRun() throws Exception {
    run = tmp.resolve("run");
    SyntheticRun.write(
        run,
        List.<String[]>of(new String[] {"mixpath", "linear_sbn"}, new String[] {"spos", "none"}),
        new long[] {1},
        new int[] {4});
    Files.writeString(
        tmp.resolve("gt.csv"), SyntheticRun.groundTruthCsv(SyntheticRun.groundTruth(3)));
  }

  @Test
  void reportThenBaselineThenRegress() throws Exception {
    assertEquals(
        Main.OK,
        cli(
            "report",
            "--run",
            run.toString(),
            "--groundtruth",
            tmp.resolve("gt.csv").toString(),
            "--bootstrap",
            "20",
            "--no-plots"),
        err.toString());
    assertEquals(RankingCsv.HEADER, Files.readAllLines(run.resolve("ranking.csv")).get(0));
    assertTrue(out.toString().contains("mixpath/linear_sbn/calibrated"), out.toString());
    assertTrue(Files.exists(run.resolve("report.html")) && Files.exists(run.resolve("run.json")));
    assertTrue(!Files.exists(run.resolve("plots")), "--no-plots must not render plots");

    assertTrue(
        out.toString().contains("claims (claims.csv):")
            && out.toString().contains("pairs (comparisons.csv):"),
        out.toString());
    assertTrue(
        Files.exists(run.resolve("settings.csv"))
            && Files.exists(run.resolve("comparisons.csv"))
            && Files.exists(run.resolve("claims.csv")));

    Path baseline = tmp.resolve("baselines/report-only.json");
    assertEquals(
        Main.OK,
        cli("regress", "--run", run.toString(), "--write-baseline", baseline.toString()),
        err.toString());
    assertTrue(
        out.toString().contains("4 settings, profile report-only, bands derived from the noise"),
        out.toString());
    Path junit = tmp.resolve("regress.xml");
    Path summary = tmp.resolve("summary.md");
    assertEquals(
        Main.OK,
        cli(
            "regress",
            "--run",
            run.toString(),
            "--baseline",
            baseline.toString(),
            "--junit-xml",
            junit.toString(),
            "--summary",
            summary.toString()),
        err.toString());
    assertTrue(
        Files.readString(junit).contains("tests=\"4\" failures=\"0\""), Files.readString(junit));
    assertTrue(Files.readString(summary).startsWith("## Ranking regression: passed"));

    // shift one expectation to -0.9: the check must fail with a table naming the setting
    String text = Files.readString(baseline);
    String shifted = text.replaceFirst("\"meanTau\" : ([-0-9.]+)", "\"meanTau\" : -0.9");
    Files.writeString(baseline, shifted);
    out.getBuffer().setLength(0);
    assertEquals(
        Main.FAILURE,
        cli(
            "regress",
            "--run",
            run.toString(),
            "--baseline",
            baseline.toString(),
            "--junit-xml",
            junit.toString(),
            "--summary",
            summary.toString()));
    assertTrue(
        out.toString().contains("REGRESSED") && out.toString().contains("REGRESSION against"),
        out.toString());
    assertTrue(
        Files.readString(junit).contains("failures=\"1\"")
            && Files.readString(junit).contains("<failure type=\"REGRESSED\" message=\"tau "),
        Files.readString(junit));
    assertTrue(Files.readString(summary).contains("**REGRESSED**"));

    // a fixed band is still accepted when recording, and a v1 baseline is still checked
    assertEquals(
        Main.OK,
        cli(
            "regress",
            "--run",
            run.toString(),
            "--write-baseline",
            baseline.toString(),
            "--band",
            "0.15"),
        err.toString());
    assertTrue(Files.readString(baseline).contains("\"band\" : 0.15"));
    String v1 =
        Files.readString(baseline)
            .replace("baseline/2", "baseline/1")
            .replace("meanTau", "expectedTau")
            .replaceAll("\"sdTau\" : [-0-9.E]+,\\s*", "")
            .replaceAll("\"sdSource\" : \"[a-z]+\",\\s*", "");
    Files.writeString(baseline, v1);
    out.getBuffer().setLength(0);
    assertEquals(
        Main.OK,
        cli("regress", "--run", run.toString(), "--baseline", baseline.toString()),
        out + err.toString());
    assertTrue(
        out.toString().contains("is a nasrank-baseline/1 baseline (fixed bands)"), out.toString());

    // issue 11, defect 9: without run.json the profile cannot be checked, and that is an error, not
    // a skip
    Files.writeString(baseline, text);
    Files.delete(run.resolve("run.json"));
    err.getBuffer().setLength(0);
    assertEquals(
        Main.FAILURE, cli("regress", "--run", run.toString(), "--baseline", baseline.toString()));
    assertTrue(
        err.toString().contains(run.resolve("run.json").toString())
            && err.toString().contains("profile 'report-only'"),
        err.toString());
    Files.writeString(run.resolve("run.json"), "{\"schema\": \"nasrank-run/2\", \"seeds\": {}}");
    err.getBuffer().setLength(0);
    assertEquals(
        Main.FAILURE, cli("regress", "--run", run.toString(), "--baseline", baseline.toString()));
    assertTrue(err.toString().contains("no \"profile\""), err.toString());
    // a file that is no run manifest at all is named, not read as one without a profile
    Files.writeString(run.resolve("run.json"), "{\"seeds\": {}}");
    err.getBuffer().setLength(0);
    assertEquals(
        Main.FAILURE, cli("regress", "--run", run.toString(), "--baseline", baseline.toString()));
    assertTrue(err.toString().contains("schema '' is not a run manifest"), err.toString());
  }

  @Test
  void usageAndDataErrorsHaveTheirExitCodes() throws Exception {
    assertEquals(Main.USAGE, cli("regress", "--run", run.toString()));
    assertEquals(Main.USAGE, cli("report"));
    assertEquals(Main.USAGE, cli("report", "--run", run.toString(), "--bootstrap", "0"));
    // ranking.csv does not exist yet: a data error naming the file
    assertEquals(Main.FAILURE, cli("regress", "--run", run.toString(), "--baseline", "x.json"));
    assertTrue(err.toString().contains("ranking.csv"), err.toString());
    assertEquals(Main.FAILURE, cli("report", "--run", tmp.resolve("nope").toString()));
    assertEquals(Main.FAILURE, cli("report", "--run", run.toString()));
    assertTrue(err.toString().contains("groundtruth.csv"), err.toString());
  }

  @Test
  void manifestDiffPrintsOnlyDifferingFields() throws Exception {
    Path a = tmp.resolve("a.json");
    Path b = tmp.resolve("b.json");
    Files.writeString(
        a,
        "{\"seeds\":{\"supernet\":1},\"environment\":{\"javaVersion\":\"17\"},\"profile\":\"x\"}");
    Files.writeString(
        b,
        "{\"seeds\":{\"supernet\":2},\"environment\":{\"javaVersion\":\"17\"},\"profile\":\"x\"}");
    assertEquals(Main.OK, cli("manifest", "diff", a.toString(), b.toString()));
    assertEquals(
        "configuration: not comparable (A records no configurationSha256 of schema nasrank-run/2)\n"
            + "seeds.supernet: 1 -> 2",
        out.toString().trim());
    assertEquals(
        Main.FAILURE, cli("manifest", "diff", "--fail-on-diff", a.toString(), b.toString()));
    out.getBuffer().setLength(0);
    assertEquals(Main.OK, cli("manifest", "diff", "--fail-on-diff", a.toString(), a.toString()));
    assertTrue(out.toString().trim().endsWith("\nno differences"), out.toString());
    assertEquals(
        Main.FAILURE,
        cli("manifest", "diff", a.toString(), tmp.resolve("missing.json").toString()));
    assertEquals(Main.USAGE, cli("manifest", "diff", a.toString()));
  }

  @Test
  void manifestDiffSaysWhetherTwoRunsWereConfiguredAlike() throws Exception {
    java.util.function.BiFunction<Integer, List<Long>, Path> manifest =
        (epochs, seeds) -> {
          Map<String, Object> config = new java.util.LinkedHashMap<>();
          config.put("profile", Map.of("name", "mini", "epochs", epochs));
          config.put("seeds", seeds);
          config.put("groundTruthFile", "embedded");
          Path f = tmp.resolve("run-" + epochs + "-" + seeds.size() + ".json");
          ManifestIo.write(
              f,
              RunManifest.builder()
                  .profile("mini")
                  .configuration(config, List.of("seeds", "groundTruthFile"))
                  .build());
          return f;
        };
    Path oneSeed = manifest.apply(20, List.of(2020L));
    Path tenSeeds = manifest.apply(20, List.of(2020L, 2021L));
    Path shorter = manifest.apply(4, List.of(2020L));
    String sha = ManifestIo.read(oneSeed).get("configurationSha256").asText();
    // seeds are recorded beside the hash: the same configuration with more seeds has the same hash
    assertEquals(sha, ManifestIo.read(tenSeeds).get("configurationSha256").asText());
    // the hash is SHA-256 of the canonical JSON of the configuration without seeds and ground truth
    assertEquals(
        dev.nasrank.harness.manifest.CanonicalJson.sha256(
            dev.nasrank.harness.manifest.CanonicalJson.tree(
                Map.of("profile", Map.of("name", "mini", "epochs", 20)))),
        sha);
    out.getBuffer().setLength(0);
    assertEquals(
        Main.OK,
        cli("manifest", "diff", "--fail-on-config-diff", oneSeed.toString(), tenSeeds.toString()));
    assertTrue(
        out.toString().startsWith("configuration: same (configurationSha256 " + sha + ")"),
        out.toString());
    out.getBuffer().setLength(0);
    assertEquals(
        Main.FAILURE,
        cli("manifest", "diff", "--fail-on-config-diff", oneSeed.toString(), shorter.toString()));
    assertTrue(
        out.toString().startsWith("configuration: differs (configurationSha256 " + sha + " -> "),
        out.toString());
    assertTrue(out.toString().contains("configuration.profile.epochs: 20 -> 4"), out.toString());
    // a run.json of the first schema hashed another form of the configuration: not comparable, and
    // --fail-on-config-diff does not fail on it
    Path old = tmp.resolve("old.json");
    Files.writeString(
        old, Files.readString(oneSeed).replace("\"nasrank-run/2\"", "\"nasrank-run/1\""));
    out.getBuffer().setLength(0);
    assertEquals(
        Main.OK,
        cli("manifest", "diff", "--fail-on-config-diff", old.toString(), oneSeed.toString()));
    assertTrue(
        out.toString().startsWith("configuration: not comparable (A records"), out.toString());
  }
}
