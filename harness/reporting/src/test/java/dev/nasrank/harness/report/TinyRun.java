package dev.nasrank.harness.report;

import dev.nasrank.harness.candidates.CandidatesCsv;
import dev.nasrank.harness.space.S4Choice;
import dev.nasrank.harness.space.S4Space;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A hand-made run for cross-check tests: a few architectures (architecture i is the first choice of
 * the i-th unique S4 architecture, with its real module hash, as candidates.csv requires), a ground
 * truth CSV with a few repeats, and one-shot accuracies given per setting and seed. Written as
 * candidates.csv and groundtruth.csv into a folder; small enough to compute every tau by hand.
 */
final class TinyRun {
  private final List<double[]> repeats = new ArrayList<>();
  private final Map<String, List<double[]>> predicted = new LinkedHashMap<>();

  /**
   * Architecture i gets these repeats (validation accuracies, fractions); see {@link #choice(int)}.
   */
  TinyRun architecture(double... reps) {
    repeats.add(reps);
    return this;
  }

  /**
   * One ranking: setting {@code method/bn/calibrated} trained with {@code seed}, one accuracy per
   * architecture.
   */
  TinyRun ranking(String method, String bn, boolean calibrated, long seed, double... accuracies) {
    if (accuracies.length != repeats.size()) {
      throw new IllegalArgumentException("one accuracy per architecture");
    }
    predicted
        .computeIfAbsent(method + "," + bn + "," + calibrated + "," + seed, k -> new ArrayList<>())
        .add(accuracies);
    return this;
  }

  /**
   * The choice standing for architecture i: the first choice of the i-th unique S4 architecture (m
   * = 4).
   */
  static S4Choice choice(int i) {
    return new ArrayList<>(S4Space.uniqueArchitectures(4).values()).get(i).get(0);
  }

  static String hash(int i) {
    return S4Space.toSpec(choice(i)).hash();
  }

  /** Writes DIR/candidates.csv and DIR/groundtruth.csv; returns the run directory. */
  RunDirectory write(Path dir) {
    StringBuilder c =
        new StringBuilder(String.join(",", CandidatesCsv.HEADER)).append(",max_paths\n");
    predicted.forEach(
        (key, rows) -> {
          for (double[] acc : rows) {
            for (int i = 0; i < acc.length; i++) {
              c.append(key)
                  .append(",\"")
                  .append(choice(i).id())
                  .append("\",")
                  .append(choice(i).activePaths())
                  .append(',')
                  .append(hash(i))
                  .append(',')
                  .append(String.format(Locale.ROOT, "%.6f", acc[i]))
                  .append(",4\n");
            }
          }
        });
    StringBuilder g = new StringBuilder("module_hash,repeat,validation_accuracy\n");
    for (int i = 0; i < repeats.size(); i++) {
      for (int r = 0; r < repeats.get(i).length; r++) {
        g.append(hash(i)).append(',').append(r).append(',').append(repeats.get(i)[r]).append('\n');
      }
    }
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("candidates.csv"), c);
      Files.writeString(dir.resolve("groundtruth.csv"), g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return RunDirectory.of(dir);
  }

  /**
   * Reads a CSV written by the reporter (quoted cells such as multi-node choice ids) as rows,
   * header first.
   */
  static List<String[]> csv(Path file) {
    try (CSVParser p =
        CSVParser.parse(file, java.nio.charset.StandardCharsets.UTF_8, CSVFormat.DEFAULT)) {
      return p.getRecords().stream().map(CSVRecord::values).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
