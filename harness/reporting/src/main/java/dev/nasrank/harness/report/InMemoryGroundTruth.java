package dev.nasrank.harness.report;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A ground truth held in memory: per module hash, validation (and optionally test) accuracies per
 * repeat. Built in code (tests, synthetic runs) or read from a CSV with header {@code
 * module_hash,repeat,validation_accuracy[,test_accuracy]} (repeats numbered 0..R-1).
 */
public final class InMemoryGroundTruth implements GroundTruth {
  private final String description;
  private final int epochs;
  private final Map<String, double[]> validation;
  private final Map<String, double[]> test;

  private InMemoryGroundTruth(
      String description,
      int epochs,
      Map<String, double[]> validation,
      Map<String, double[]> test) {
    this.description = description;
    this.epochs = epochs;
    this.validation = validation;
    this.test = test;
  }

  /** Validation accuracies only: {@code validation.get(hash)[repeat]}, fractions in [0,1]. */
  public static InMemoryGroundTruth of(
      String description, int epochs, Map<String, double[]> validation) {
    return of(description, epochs, validation, Map.of());
  }

  /** Validation and test accuracies per repeat; arrays are copied and checked. */
  public static InMemoryGroundTruth of(
      String description,
      int epochs,
      Map<String, double[]> validation,
      Map<String, double[]> test) {
    Map<String, double[]> v = new LinkedHashMap<>();
    validation.forEach((h, a) -> v.put(h, checked(h, a)));
    Map<String, double[]> t = new LinkedHashMap<>();
    test.forEach(
        (h, a) -> {
          double[] c = checked(h, a);
          if (!v.containsKey(h) || v.get(h).length != c.length) {
            throw new IllegalArgumentException(
                "test accuracies of " + h + " do not match its validation repeats");
          }
          t.put(h, c);
        });
    return new InMemoryGroundTruth(description, epochs, v, t);
  }

  private static double[] checked(String hash, double[] a) {
    if (a.length == 0) {
      throw new IllegalArgumentException("no repeats for " + hash);
    }
    for (double x : a) {
      if (!(x >= 0 && x <= 1)) {
        throw new IllegalArgumentException(
            "accuracy of " + hash + " must be a fraction in [0,1], got " + x);
      }
    }
    return a.clone();
  }

  /**
   * Reads the CSV form labelled with budget {@code epochs}; errors name the file, line and value.
   */
  public static InMemoryGroundTruth readCsv(Path file, int epochs) {
    return readCsv(file, OptionalInt.of(epochs));
  }

  /**
   * Reads either CSV form: the short {@code module_hash,repeat,validation_accuracy[,test_accuracy]}
   * (its budget is {@code epochs}, 0 if empty), or the record CSV of {@code nasbench export-csv}
   * ({@code module_hash,epochs, repeat,...,final_validation_accuracy,final_test_accuracy,...}), of
   * which the rows at {@code epochs} (empty: the largest in the file) are read. Errors name the
   * file, line and value.
   */
  public static InMemoryGroundTruth readCsv(Path file, OptionalInt epochs) {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    Map<String, TreeMap<Integer, double[]>> rows = new LinkedHashMap<>();
    int budget;
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(in, format)) {
      List<String> header = parser.getHeaderNames();
      boolean export =
          !header.contains("validation_accuracy")
              && header.contains("final_validation_accuracy")
              && header.contains("epochs");
      String val = export ? "final_validation_accuracy" : "validation_accuracy";
      String test = export ? "final_test_accuracy" : "test_accuracy";
      for (String col : List.of("module_hash", "repeat", val)) {
        if (!header.contains(col)) {
          throw new IllegalArgumentException(
              file
                  + ": missing column '"
                  + col
                  + "' (header is "
                  + header
                  + "; expected module_hash,repeat,validation_accuracy[,test_accuracy] or the CSV of 'nasbench "
                  + "export-csv')");
        }
      }
      boolean hasTest = header.contains(test);
      Map<Integer, Map<String, TreeMap<Integer, double[]>>> byBudget = new TreeMap<>();
      for (CSVRecord r : parser) {
        long line = parser.getCurrentLineNumber();
        try {
          String hash = r.get("module_hash");
          int e = export ? Integer.parseInt(r.get("epochs").trim()) : epochs.orElse(0);
          int repeat = Integer.parseInt(r.get("repeat").trim());
          double v = Double.parseDouble(r.get(val).trim());
          double t =
              hasTest && !r.get(test).isBlank()
                  ? Double.parseDouble(r.get(test).trim())
                  : Double.NaN;
          if (byBudget
                  .computeIfAbsent(e, k -> new LinkedHashMap<>())
                  .computeIfAbsent(hash, k -> new TreeMap<>())
                  .put(repeat, new double[] {v, t})
              != null) {
            throw new IllegalArgumentException("duplicate repeat " + repeat + " of " + hash);
          }
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(file + ":" + line + ": " + e.getMessage(), e);
        }
      }
      if (byBudget.isEmpty()) {
        throw new IllegalArgumentException(file + ": no rows");
      }
      budget =
          export && epochs.isEmpty()
              ? ((TreeMap<Integer, ?>) byBudget).lastKey()
              : epochs.orElse(0);
      if (!byBudget.containsKey(budget)) {
        throw new IllegalArgumentException(
            file + " has no " + budget + "-epoch budget (it has " + byBudget.keySet() + ")");
      }
      rows.putAll(byBudget.get(budget));
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("missing ground-truth file " + file, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    Map<String, double[]> v = new LinkedHashMap<>();
    Map<String, double[]> t = new LinkedHashMap<>();
    rows.forEach(
        (hash, reps) -> {
          if (reps.firstKey() != 0 || reps.lastKey() != reps.size() - 1) {
            throw new IllegalArgumentException(
                file
                    + ": repeats of "
                    + hash
                    + " must be numbered 0.."
                    + (reps.size() - 1)
                    + ", got "
                    + reps.keySet());
          }
          List<double[]> list = new ArrayList<>(reps.values());
          v.put(hash, list.stream().mapToDouble(a -> a[0]).toArray());
          if (list.stream().noneMatch(a -> Double.isNaN(a[1]))) {
            t.put(hash, list.stream().mapToDouble(a -> a[1]).toArray());
          }
        });
    try {
      return of(file.getFileName() + ", " + budget + " epochs", budget, v, t);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public int epochs() {
    return epochs;
  }

  @Override
  public boolean contains(String moduleHash) {
    return validation.containsKey(moduleHash);
  }

  @Override
  public int repeats(String moduleHash) {
    return require(moduleHash).length;
  }

  @Override
  public double validationAccuracy(String moduleHash, int repeat) {
    double[] a = require(moduleHash);
    if (repeat < 0 || repeat >= a.length) {
      throw new IllegalArgumentException(
          "repeat " + repeat + " of " + moduleHash + " out of 0.." + (a.length - 1));
    }
    return a[repeat];
  }

  @Override
  public OptionalDouble testAccuracy(String moduleHash, int repeat) {
    double[] a = test.get(moduleHash);
    return a == null || repeat < 0 || repeat >= a.length
        ? OptionalDouble.empty()
        : OptionalDouble.of(a[repeat]);
  }

  private double[] require(String hash) {
    double[] a = validation.get(hash);
    if (a == null) {
      throw new IllegalArgumentException(
          "ground truth (" + description + ") has no architecture " + hash);
    }
    return a;
  }
}
