package dev.nasrank.harness.regress;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.nasrank.harness.report.AtomicFiles;
import dev.nasrank.harness.report.Candidate;
import dev.nasrank.harness.report.RankingRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A committed ranking baseline ({@code results/baselines/<profile>.json}): for each setting (method x BN strategy x
 * calibration) of one suite profile, the expected Kendall tau-b (default variant, mean over seeds) and the band
 * around it within which a run passes.
 *
 * @param schema format tag, {@value #SCHEMA}
 * @param profile the suite profile the numbers belong to (a run of another profile is not comparable)
 * @param created UTC time the baseline was written
 * @param sourceRun the run directory the numbers came from
 * @param sourceCommit git commit of that run, or {@code unknown}
 * @param entries one entry per setting
 */
public record Baseline(String schema, String profile, String created, String sourceRun, String sourceCommit,
    List<Entry> entries) {

  /** The schema tag. */
  public static final String SCHEMA = "nasrank-baseline/1";

  /**
   * The expectation of one setting.
   *
   * @param expectedTau Kendall tau-b, default variant, mean over the seeds of the source run
   * @param band a run passes when |tau - expectedTau| <= band (or, one-sided, tau >= expectedTau - band)
   * @param seeds how many seeds the expectation averaged
   */
  public record Entry(@JsonProperty(required = true) String method,
      @JsonProperty(required = true) String bnStrategy, @JsonProperty(required = true) boolean calibrated,
      @JsonProperty(required = true) double expectedTau, @JsonProperty(required = true) double band, int seeds) {
    /** Validates the values, naming the setting and the field. */
    public Entry {
      if (method == null || bnStrategy == null) {
        throw new IllegalArgumentException("a baseline entry needs a method and a bnStrategy, got " + method + "/"
            + bnStrategy);
      }
      if (!Double.isFinite(expectedTau) || expectedTau < -1 || expectedTau > 1) {
        throw new IllegalArgumentException("expectedTau of " + method + "/" + bnStrategy + "/" + calibrated
            + " must be a finite tau in [-1,1], got " + expectedTau);
      }
      if (!(band >= 0 && band <= 2)) {
        throw new IllegalArgumentException("band of " + method + "/" + bnStrategy + "/" + calibrated
            + " must be in [0,2], got " + band);
      }
    }

    public Candidate.Setting setting() {
      return new Candidate.Setting(method, bnStrategy, calibrated);
    }
  }

  /** E.g. {@code  at entries[0].band}, from a mapping error's path; empty when it has none. */
  private static String where(JsonProcessingException e) {
    if (!(e instanceof JsonMappingException m) || m.getPath().isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder(" at ");
    for (JsonMappingException.Reference r : m.getPath()) {
      if (r.getFieldName() != null) {
        sb.append(sb.length() > 4 ? "." : "").append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  /** Validates: the schema, a profile, at least one entry, no null entry, one entry per setting. */
  public Baseline {
    if (!SCHEMA.equals(schema)) {
      throw new IllegalArgumentException("baseline schema must be " + SCHEMA + ", got " + schema);
    }
    if (profile == null || profile.isBlank()) {
      throw new IllegalArgumentException("baseline has no profile (the suite profile its numbers belong to)");
    }
    if (entries == null || entries.isEmpty()) {
      throw new IllegalArgumentException("baseline has no entries: it would pass any run");
    }
    for (int i = 0; i < entries.size(); i++) {
      if (entries.get(i) == null) {
        throw new IllegalArgumentException("baseline entry " + i + " is null");
      }
    }
    entries = List.copyOf(entries);
    Set<Candidate.Setting> seen = new HashSet<>();
    for (Entry e : entries) {
      if (!seen.add(e.setting())) {
        throw new IllegalArgumentException("baseline has two entries for " + e.setting().label());
      }
    }
  }

  /**
   * A baseline from a run's ranking rows: expected tau = mean over seeds per setting, one band for all.
   *
   * @throws IllegalArgumentException if a setting's tau is NaN (a NaN cannot be an expectation)
   */
  public static Baseline fromRun(List<RankingRow> rows, String profile, double band, String sourceRun,
      String sourceCommit) {
    Map<Candidate.Setting, List<Double>> by = new TreeMap<>();
    rows.forEach(r -> by.computeIfAbsent(r.setting(), k -> new ArrayList<>()).add(r.kendallTau()));
    List<Entry> entries = new ArrayList<>();
    by.forEach((s, taus) -> {
      double mean = taus.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
      if (Double.isNaN(mean)) {
        throw new IllegalArgumentException("cannot baseline " + s.label() + ": its tau is NaN in the run");
      }
      entries.add(new Entry(s.method(), s.bnStrategy(), s.calibrated(), Math.round(mean * 1e6) / 1e6, band,
          taus.size()));
    });
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("cannot baseline a run without ranking rows");
    }
    return new Baseline(SCHEMA, profile, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), sourceRun,
        sourceCommit, entries);
  }

  /** Writes the baseline as pretty JSON, atomically. */
  public void write(Path file) {
    try {
      AtomicFiles.write(file, MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(this));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise baseline: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a baseline; errors name the file. An empty file, JSON {@code null}, a missing or empty
   * {@code entries}, and an entry without {@code method}, {@code bnStrategy}, {@code calibrated},
   * {@code expectedTau} or {@code band} (or with null there) are refused, never read as defaults.
   */
  public static Baseline read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("missing baseline file " + file);
    }
    try {
      if (Files.size(file) == 0) {
        throw new IllegalArgumentException(file + ": invalid baseline: empty file");
      }
      Baseline b = MAPPER.readValue(file.toFile(), Baseline.class);
      if (b == null) {
        throw new IllegalArgumentException(file + ": invalid baseline: the file holds JSON null, not an object");
      }
      return b;
    } catch (JsonProcessingException e) {
      Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
      throw new IllegalArgumentException(file + ": invalid baseline" + where(e) + ": "
          + (cause == e ? e.getOriginalMessage() : cause.getMessage()), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
