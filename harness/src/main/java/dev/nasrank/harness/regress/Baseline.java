package dev.nasrank.harness.regress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
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
  public record Entry(String method, String bnStrategy, boolean calibrated, double expectedTau, double band,
      int seeds) {
    public Entry {
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

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public Baseline {
    if (!SCHEMA.equals(schema)) {
      throw new IllegalArgumentException("baseline schema must be " + SCHEMA + ", got " + schema);
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

  /** Reads a baseline; errors name the file. */
  public static Baseline read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("missing baseline file " + file);
    }
    try {
      return MAPPER.readValue(file.toFile(), Baseline.class);
    } catch (JsonProcessingException e) {
      Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
      throw new IllegalArgumentException(file + ": invalid baseline: "
          + (cause == e ? e.getOriginalMessage() : cause.getMessage()), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
