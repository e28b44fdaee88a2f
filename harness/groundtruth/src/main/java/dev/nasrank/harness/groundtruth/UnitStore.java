package dev.nasrank.harness.groundtruth;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.nasrank.benchbridge.Evaluation;
import dev.nasrank.files.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The finished units of a resumable generation: one JSON file per (architecture, repeat) under
 * {@code <dir>/units/}, each written to a temporary file in the same folder and atomically renamed,
 * so a crash never leaves a half-written unit. Also holds the profile the generation was started
 * with ({@code <dir>/profile.json}).
 */
public final class UnitStore {
  static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .addMixIn(Evaluation.class, EvaluationFormat.class);

  /**
   * How a unit file names {@link Evaluation}'s fields: {@code trainingTimeSeconds} (seconds spent
   * training up to the evaluation, evaluations excluded) for NAS-Bench-101's {@code training_time};
   * the rest as the record.
   */
  abstract static class EvaluationFormat {
    @JsonCreator
    EvaluationFormat(
        @JsonProperty("epoch") double epoch,
        @JsonProperty("trainingTimeSeconds") double trainingTime,
        @JsonProperty("trainAccuracy") double trainAccuracy,
        @JsonProperty("validationAccuracy") double validationAccuracy,
        @JsonProperty("testAccuracy") double testAccuracy) {}

    @JsonProperty("trainingTimeSeconds")
    abstract double trainingTime();
  }

  private final Path dir;
  private final Path units;

  /** A store rooted at {@code dir} (created on the first write). */
  public UnitStore(Path dir) {
    this.dir = dir;
    this.units = dir.resolve("units");
  }

  /** The root folder. */
  public Path dir() {
    return dir;
  }

  /** The file of one unit. */
  Path unitFile(String hash, int repeat) {
    return units.resolve(hash + "_r" + repeat + ".json");
  }

  /**
   * The lock file of a unit ({@code <dir>/locks/<hash>_r<repeat>.lock}), held while a process
   * trains it.
   */
  public Path lockFile(String hash, int repeat) {
    return dir.resolve("locks").resolve(hash + "_r" + repeat + ".lock");
  }

  /**
   * Removes the temporary files a killed save of this unit left ({@code
   * .<hash>_r<repeat>.json.*.tmp}); call it only while holding the unit's lock.
   */
  public void removeStaleTemp(String hash, int repeat) throws IOException {
    String prefix = "." + unitFile(hash, repeat).getFileName() + ".";
    if (!Files.isDirectory(units)) {
      return;
    }
    try (DirectoryStream<Path> files =
        Files.newDirectoryStream(
            units,
            p -> {
              String n = p.getFileName().toString();
              return n.startsWith(prefix) && n.endsWith(".tmp");
            })) {
      for (Path f : files) {
        Files.deleteIfExists(f);
      }
    }
  }

  /** True if the unit is finished. */
  public boolean has(String hash, int repeat) {
    return Files.isRegularFile(unitFile(hash, repeat));
  }

  /** Saves a finished unit atomically. */
  public void save(UnitResult result) throws IOException {
    Files.createDirectories(units);
    writeAtomically(unitFile(result.hash(), result.repeat()), JSON.writeValueAsBytes(result));
  }

  /**
   * The most finished units any architecture has: the folder's repeats so far (0 when empty), the
   * default of {@code groundtruth status} and {@code assemble}.
   */
  public int repeatsPresent() throws IOException {
    if (!Files.isDirectory(units)) {
      return 0;
    }
    // counted from the file names (<hash>_r<repeat>.json), without reading the units
    java.util.Map<String, Integer> perArch = new java.util.HashMap<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(units, "*_r*.json")) {
      for (Path f : files) {
        String name = f.getFileName().toString();
        perArch.merge(name.substring(0, name.lastIndexOf("_r")), 1, Integer::sum);
      }
    }
    return perArch.values().stream().mapToInt(Integer::intValue).max().orElse(0);
  }

  /** Every finished unit, sorted by hash then repeat; a unreadable file is an error naming it. */
  public List<UnitResult> loadAll() throws IOException {
    List<UnitResult> out = new ArrayList<>();
    if (!Files.isDirectory(units)) {
      return out;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(units, "*.json")) {
      for (Path f : files) {
        try {
          out.add(JSON.readValue(f.toFile(), UnitResult.class));
        } catch (IOException | RuntimeException e) {
          throw new IOException("unreadable unit result " + f + ": " + e.getMessage(), e);
        }
      }
    }
    out.sort(Comparator.comparing(UnitResult::hash).thenComparingInt(UnitResult::repeat));
    return out;
  }

  /**
   * Records the profile on the first call; later calls check that {@code profile} is the recorded
   * protocol, so one folder never mixes protocols. A seed list that extends the recorded one (more
   * repeats, the recorded repeats' seeds unchanged) is the same protocol: the longer list is
   * recorded.
   *
   * @throws IllegalStateException if a different profile was recorded
   */
  public void pinProfile(Profile profile) throws IOException {
    Path file = dir.resolve("profile.json");
    if (Files.isRegularFile(file)) {
      Profile recorded = JSON.readValue(file.toFile(), Profile.class);
      if (recorded.sameProtocolAs(profile)) {
        if (profile.seeds().size() > recorded.seeds().size()) {
          writeAtomically(file, JSON.writeValueAsBytes(profile));
        }
        return;
      }
      if (!recorded.equals(profile)) {
        throw new IllegalStateException(
            file
                + " records a different profile: "
                + recorded
                + "; requested "
                + profile
                + ". Use another --out folder or the recorded profile.");
      }
      return;
    }
    Files.createDirectories(dir);
    writeAtomically(file, JSON.writeValueAsBytes(profile));
  }

  /**
   * Records the data checksums on the first call; later calls check that they are unchanged, so one
   * folder never mixes data.
   *
   * @throws IllegalStateException if different checksums were recorded
   */
  public void pinData(java.util.Map<String, String> sha256) throws IOException {
    Path file = dir.resolve("data-sha256.json");
    java.util.Map<String, String> sorted = new java.util.TreeMap<>(sha256);
    if (Files.isRegularFile(file)) {
      java.util.Map<String, String> recorded = recordedData();
      if (!recorded.equals(sorted)) {
        throw new IllegalStateException(
            file + " records other data files: " + recorded + "; now " + sorted);
      }
      return;
    }
    Files.createDirectories(dir);
    writeAtomically(file, JSON.writeValueAsBytes(sorted));
  }

  /** The recorded data checksums by file name (empty if none were recorded). */
  public java.util.Map<String, String> recordedData() throws IOException {
    Path file = dir.resolve("data-sha256.json");
    if (!Files.isRegularFile(file)) {
      return java.util.Map.of();
    }
    return new java.util.TreeMap<>(
        JSON.readValue(
            file.toFile(),
            new com.fasterxml.jackson.core.type.TypeReference<java.util.Map<String, String>>() {}));
  }

  /** The recorded profile, or null if none was recorded yet. */
  public Profile recordedProfile() throws IOException {
    Path file = dir.resolve("profile.json");
    return Files.isRegularFile(file) ? JSON.readValue(file.toFile(), Profile.class) : null;
  }

  /**
   * Writes {@code bytes} atomically (temporary file beside {@code target}, forced to disk, then
   * renamed).
   */
  static void writeAtomically(Path target, byte[] bytes) throws IOException {
    try {
      AtomicFiles.write(target, bytes);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
