package dev.nasrank.datasets.manifest;

import dev.nasrank.datasets.DataRoot;
import dev.nasrank.files.Checksums;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the files of a dataset under a data root against the manifest: presence, exact size,
 * SHA-256.
 */
public final class ManifestVerifier {

  private ManifestVerifier() {}

  /** Checks every file of {@code dataset} under {@code root}, streaming each file once. */
  public static List<FileCheck> verify(DataRoot root, DatasetEntry dataset) {
    List<FileCheck> checks = new ArrayList<>();
    for (FileSpec spec : dataset.files()) {
      checks.add(check(root.resolvePath(dataset.relativePath(spec)), dataset, spec));
    }
    return checks;
  }

  /** Checks one file at {@code path} against {@code spec}. */
  public static FileCheck check(Path path, DatasetEntry dataset, FileSpec spec) {
    Path abs = path.toAbsolutePath().normalize();
    if (!Files.isRegularFile(abs)) {
      return new FileCheck(dataset, spec, abs, FileCheck.Status.MISSING, -1, null);
    }
    try {
      long size = Files.size(abs);
      String sha = Checksums.sha256(abs);
      boolean match = size == spec.bytes() && (spec.sha256() == null || spec.sha256().equals(sha));
      return new FileCheck(
          dataset, spec, abs, match ? FileCheck.Status.OK : FileCheck.Status.MISMATCH, size, sha);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + abs + ": " + e.getMessage(), e);
    }
  }
}
