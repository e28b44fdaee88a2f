package dev.nasrank.datasets.manifest;

import java.nio.file.Path;

/**
 * The outcome of checking one expected file against the manifest.
 *
 * @param dataset the dataset the file belongs to
 * @param expected what the manifest expects
 * @param path where the file is expected (absolute)
 * @param status OK, MISSING or MISMATCH
 * @param actualBytes size found, or -1 if missing
 * @param actualSha256 SHA-256 found (lowercase hex), or null if missing
 */
public record FileCheck(
    DatasetEntry dataset,
    FileSpec expected,
    Path path,
    FileCheck.Status status,
    long actualBytes,
    String actualSha256) {

  /** Result of a check. */
  public enum Status {
    OK,
    MISSING,
    MISMATCH
  }

  /** True if the file is present and matches. */
  public boolean ok() {
    return status == Status.OK;
  }

  /**
   * One line for a report: status, path, and for a problem what was expected, what was found, how
   * to fix it.
   */
  public String describe() {
    return switch (status) {
      case OK ->
          String.format(
              "OK       %s (%s%s)",
              path, expected.describe(), expected.sha256() == null ? "; size checked" : "");
      case MISSING ->
          String.format(
              "MISSING  %s: expected %s; to obtain: %s",
              path, expected.describe(), dataset.howToObtain());
      case MISMATCH ->
          String.format(
              "MISMATCH %s: expected %s; actual %d bytes, sha256 %s; to obtain: %s",
              path, expected.describe(), actualBytes, actualSha256, dataset.howToObtain());
    };
  }
}
