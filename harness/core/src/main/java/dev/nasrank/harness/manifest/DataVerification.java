package dev.nasrank.harness.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nasrank.datasets.Cifar10;
import dev.nasrank.datasets.Cifar10Split;
import dev.nasrank.datasets.DataRoot;
import dev.nasrank.datasets.SourceFile;
import dev.nasrank.datasets.manifest.ChecksumMismatchException;
import dev.nasrank.datasets.manifest.DatasetEntry;
import dev.nasrank.datasets.manifest.DatasetManifest;
import dev.nasrank.datasets.manifest.FileSpec;
import dev.nasrank.files.AtomicFiles;
import dev.nasrank.files.Checksums;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks the data files of a CIFAR-10 split against the dataset manifest (exact size, and SHA-256
 * where the manifest records one) before a run starts, so a damaged file stops {@code train},
 * {@code evaluate}, {@code suite} or {@code groundtruth} before any training, not at the first
 * evaluation hours later.
 *
 * <p>A file is hashed at most once per process. Its digest is also remembered in a small JSON file
 * keyed by absolute path, size and modification time (the system property {@value #PROPERTY}, else
 * {@code ~/.cache/nasrank/verified-data.json}), so a rerun does not read unchanged files again. A
 * file whose size or modification time changed is hashed again. The cache is an optimisation: if it
 * cannot be read or written the files are simply hashed. It cannot see a file changed in place with
 * its size and time restored, which is why the loader also compares the digest it computes while
 * reading (see {@link Cifar10#load}).
 */
public final class DataVerification {
  /** System property naming the cache file. */
  public static final String PROPERTY = "nasrank.verify.cache";

  private static final String SCHEMA = "nasrank-verified-data/1";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Path|size|mtime -> SHA-256, for this process. */
  private static final Map<String, String> HASHED_THIS_RUN = new ConcurrentHashMap<>();

  private DataVerification() {}

  /**
   * What a check did.
   *
   * @param files files of the split present under the root and checked
   * @param hashed files read and hashed now
   * @param remembered files whose digest came from this process or the cache file (same size and
   *     time)
   */
  public record Result(int files, int hashed, int remembered) {}

  /**
   * Checks every present file of {@code split} (train, validation and test parts) under {@code
   * root}; files that are absent are left to the loader, which says how to obtain them. Does
   * nothing when the root's verification is off.
   *
   * @throws ChecksumMismatchException naming the file, the expected and actual size or SHA-256, and
   *     {@code --no-verify}
   */
  public static Result verifySplit(DataRoot root, Cifar10Split split) {
    if (!root.verifies()) {
      return new Result(0, 0, 0);
    }
    return verifySplit(root, split, cacheFile());
  }

  /** As {@link #verifySplit(DataRoot, Cifar10Split)} with an explicit cache file (tests). */
  static Result verifySplit(DataRoot root, Cifar10Split split, Path cacheFile) {
    DatasetEntry dataset = DatasetManifest.load().entry(split.datasetId());
    Set<String> names = new LinkedHashSet<>();
    for (Cifar10Split.Part part : Cifar10Split.Part.values()) {
      names.addAll(split.files(part));
    }
    ObjectNode cache = null;
    int files = 0;
    int hashed = 0;
    int remembered = 0;
    for (String name : names) {
      Path path = root.resolvePath(dataset.folder() + "/" + name);
      FileSpec spec = dataset.file(name).orElse(null);
      if (spec == null || !Files.isRegularFile(path)) {
        continue;
      }
      files++;
      BasicFileAttributes attrs;
      try {
        attrs = Files.readAttributes(path, BasicFileAttributes.class);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
      }
      if (attrs.size() != spec.bytes()) {
        throw new ChecksumMismatchException(
            path
                + ": size "
                + attrs.size()
                + " bytes differs from the "
                + "manifest's "
                + spec.bytes()
                + " for "
                + dataset.id()
                + "/"
                + name
                + ": the file is damaged or "
                + "another version. To obtain it: "
                + dataset.howToObtain()
                + ". To use it anyway, pass --no-verify.");
      }
      if (spec.sha256() == null) {
        continue;
      }
      String key = path + "|" + attrs.size() + "|" + attrs.lastModifiedTime();
      String sha = HASHED_THIS_RUN.get(key);
      if (sha == null) {
        if (cache == null) {
          cache = readCache(cacheFile);
        }
        JsonNode e = cache.path("files").path(path.toString());
        if (e.path("bytes").asLong(-1) == attrs.size()
            && e.path("modified").asText("").equals(attrs.lastModifiedTime().toString())) {
          sha = e.path("sha256").asText(null);
        }
      }
      if (sha == null) {
        sha = Checksums.sha256Tree(path);
        hashed++;
        ObjectNode all = cache.get("files") instanceof ObjectNode f ? f : cache.putObject("files");
        ObjectNode entry = all.putObject(path.toString());
        entry
            .put("bytes", attrs.size())
            .put("modified", attrs.lastModifiedTime().toString())
            .put("sha256", sha);
      } else {
        remembered++;
      }
      HASHED_THIS_RUN.put(key, sha);
      Cifar10.verify(dataset, name, new SourceFile(path.toString(), attrs.size(), sha, 0));
    }
    if (hashed > 0) {
      try {
        AtomicFiles.write(
            cacheFile, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(cache));
      } catch (IOException | UncheckedIOException notWritable) {
        // an optimisation only: the next run hashes the files again
      }
    }
    return new Result(files, hashed, remembered);
  }

  /** The cache file: {@value #PROPERTY}, else {@code ~/.cache/nasrank/verified-data.json}. */
  public static Path cacheFile() {
    String p = System.getProperty(PROPERTY);
    if (p != null && !p.isBlank()) {
      return Path.of(p);
    }
    return Path.of(System.getProperty("user.home", "."), ".cache", "nasrank", "verified-data.json");
  }

  private static ObjectNode readCache(Path file) {
    try {
      JsonNode n = Files.isRegularFile(file) ? JSON.readTree(file.toFile()) : null;
      if (n instanceof ObjectNode o && SCHEMA.equals(o.path("schema").asText())) {
        return o;
      }
    } catch (IOException ignored) {
      // unreadable or malformed: start again
    }
    ObjectNode o = JSON.createObjectNode();
    o.put("schema", SCHEMA);
    o.putObject("files");
    return o;
  }

  /** Forgets what this process hashed (tests). */
  static void forgetThisRun() {
    HASHED_THIS_RUN.clear();
  }
}
