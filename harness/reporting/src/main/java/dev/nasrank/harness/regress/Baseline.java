package dev.nasrank.harness.regress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nasrank.files.AtomicFiles;
import dev.nasrank.harness.candidates.Candidate;
import dev.nasrank.harness.report.RankingRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A committed ranking baseline ({@code results/baselines/<profile>.json}): for each setting (method
 * x BN strategy x calibration) of one suite profile, the Kendall tau-b (default variant) the source
 * run measured, as mean and standard deviation over its seeds, from which {@link RegressionCheck}
 * derives the band a run must stay within (docs/report.md, "Regression check"). Schema {@value
 * #SCHEMA}; files of the older schema {@value #SCHEMA_V1} (expectedTau and a fixed band per entry)
 * are read as entries with a fixed band.
 *
 * @param schema the schema the file was written in ({@value #SCHEMA} or {@value #SCHEMA_V1})
 * @param profile the suite profile the numbers belong to (a run of another profile is not
 *     comparable)
 * @param created UTC time the baseline was written
 * @param sourceRun the run directory the numbers came from
 * @param sourceCommit git commit of that run, or {@code unknown}
 * @param entries one entry per setting, at least one
 */
public record Baseline(
    String schema,
    String profile,
    String created,
    String sourceRun,
    String sourceCommit,
    String configurationSha256,
    List<Entry> entries) {

  /** The schema written. */
  public static final String SCHEMA = "nasrank-baseline/2";

  /** The first schema: {@code expectedTau} and {@code band} per entry; still read. */
  public static final String SCHEMA_V1 = "nasrank-baseline/1";

  /**
   * The expectation of one setting.
   *
   * @param meanTau Kendall tau-b, default variant, mean over the seeds of the source run ({@code
   *     expectedTau} in v1)
   * @param sdTau standard deviation of one seed's tau: the sample sd over the source run's seeds,
   *     or with one seed the bootstrap standard error of its tau ({@code sdSource}); NaN when
   *     unknown (v1 entries)
   * @param sdSource {@code seeds}, {@code bootstrap} or {@code none} (v1)
   * @param seeds how many seeds the mean averaged
   * @param band a fixed band in tau units that overrides the derived one (every v1 entry has one),
   *     NaN when derived
   */
  public record Entry(
      String method,
      String bnStrategy,
      boolean calibrated,
      double meanTau,
      double sdTau,
      String sdSource,
      int seeds,
      double band) {
    public Entry {
      String what = method + "/" + bnStrategy + "/" + calibrated;
      if (!Double.isFinite(meanTau) || meanTau < -1 || meanTau > 1) {
        throw new IllegalArgumentException(
            "mean tau of " + what + " must be a finite tau in [-1,1], got " + meanTau);
      }
      if (!Double.isNaN(sdTau) && !(sdTau >= 0 && sdTau <= 2)) {
        throw new IllegalArgumentException("sdTau of " + what + " must be in [0,2], got " + sdTau);
      }
      if (!Double.isNaN(band) && !(band >= 0 && band <= 2)) {
        throw new IllegalArgumentException("band of " + what + " must be in [0,2], got " + band);
      }
      if (Double.isNaN(band) && Double.isNaN(sdTau)) {
        throw new IllegalArgumentException(
            what + " has neither sdTau nor a fixed band: no band can be derived");
      }
      if (seeds < 1) {
        throw new IllegalArgumentException("seeds of " + what + " must be >= 1, got " + seeds);
      }
    }

    public Candidate.Setting setting() {
      return new Candidate.Setting(method, bnStrategy, calibrated);
    }

    /** Whether the band is fixed by the file rather than derived from sdTau. */
    public boolean fixedBand() {
      return !Double.isNaN(band);
    }
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();

  public Baseline {
    if (!SCHEMA.equals(schema) && !SCHEMA_V1.equals(schema)) {
      throw new IllegalArgumentException(
          "baseline schema must be " + SCHEMA + " or " + SCHEMA_V1 + ", got " + schema);
    }
    entries = List.copyOf(entries);
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("baseline has no entries");
    }
    Set<Candidate.Setting> seen = new HashSet<>();
    for (Entry e : entries) {
      if (!seen.add(e.setting())) {
        throw new IllegalArgumentException("baseline has two entries for " + e.setting().label());
      }
    }
  }

  /**
   * Writes the baseline as pretty JSON in schema {@value #SCHEMA}, atomically (keys in a fixed
   * order).
   */
  public void write(Path file) {
    ObjectNode root =
        MAPPER
            .createObjectNode()
            .put("schema", SCHEMA)
            .put("profile", profile)
            .put("created", created)
            .put("sourceRun", sourceRun)
            .put("sourceCommit", sourceCommit);
    if (configurationSha256 != null) {
      root.put("configurationSha256", configurationSha256);
    }
    ArrayNode list = root.putArray("entries");
    for (Entry e : entries) {
      ObjectNode n =
          list.addObject()
              .put("method", e.method())
              .put("bnStrategy", e.bnStrategy())
              .put("calibrated", e.calibrated())
              .put("meanTau", e.meanTau());
      if (!Double.isNaN(e.sdTau())) {
        n.put("sdTau", e.sdTau());
      }
      n.put("sdSource", e.sdSource()).put("seeds", e.seeds());
      if (e.fixedBand()) {
        n.put("band", e.band());
      }
    }
    try {
      AtomicFiles.write(
          file, MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(root));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise baseline: " + e.getMessage(), e);
    }
  }

  /** Reads a baseline of either schema; every error names the file (and the entry). */
  public static Baseline read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("missing baseline file " + file);
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(file + ": invalid baseline: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    try {
      return BaselineJson.parse(root);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": invalid baseline: " + e.getMessage(), e);
    }
  }

  /**
   * A baseline from a run's ranking rows: per setting the mean tau over seeds and the sd of one
   * seed's tau (sample sd over seeds; with one seed the bootstrap standard error of its tau, the
   * width of its 95% interval over 2 x 1.959964).
   *
   * @param fixedBand a band every entry keeps instead of the derived one, or NaN to derive it
   * @throws IllegalArgumentException if a setting's tau is NaN, or its sd is unknown and no fixed
   *     band is given
   */
  public static Baseline fromRun(
      List<RankingRow> rows,
      String profile,
      double fixedBand,
      String sourceRun,
      String sourceCommit,
      String configurationSha256) {
    Map<Candidate.Setting, List<RankingRow>> by = new TreeMap<>();
    rows.forEach(r -> by.computeIfAbsent(r.setting(), k -> new ArrayList<>()).add(r));
    List<Entry> entries = new ArrayList<>();
    by.forEach(
        (s, rs) -> {
          double[] taus = rs.stream().mapToDouble(RankingRow::kendallTau).toArray();
          double mean = Arrays.stream(taus).average().orElse(Double.NaN);
          if (Double.isNaN(mean)) {
            throw new IllegalArgumentException(
                "cannot baseline " + s.label() + ": its tau is NaN in the run");
          }
          double sd;
          String source;
          if (taus.length >= 2) {
            double ss = Arrays.stream(taus).map(t -> (t - mean) * (t - mean)).sum();
            sd = Math.sqrt(ss / (taus.length - 1));
            source = "seeds";
          } else {
            sd = (rs.get(0).kendallTauHigh() - rs.get(0).kendallTauLow()) / (2 * Z_95);
            source = "bootstrap";
          }
          if (Double.isNaN(sd) && Double.isNaN(fixedBand)) {
            throw new IllegalArgumentException(
                "cannot baseline "
                    + s.label()
                    + ": its sd is unknown (NaN interval); "
                    + "give a fixed band");
          }
          entries.add(
              new Entry(
                  s.method(),
                  s.bnStrategy(),
                  s.calibrated(),
                  round(mean),
                  round(sd),
                  source,
                  taus.length,
                  fixedBand));
        });
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("cannot baseline a run without ranking rows");
    }
    return new Baseline(
        SCHEMA,
        profile,
        Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
        sourceRun,
        sourceCommit,
        configurationSha256,
        entries);
  }

  /**
   * z of a two-sided 95% interval, to turn ranking.csv's bootstrap interval into a standard error.
   */
  private static final double Z_95 = 1.959964;

  private static double round(double v) {
    return Double.isNaN(v) ? v : Math.round(v * 1e6) / 1e6;
  }
}
