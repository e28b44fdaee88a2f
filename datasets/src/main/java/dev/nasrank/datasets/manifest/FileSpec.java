package dev.nasrank.datasets.manifest;

import java.util.Objects;
import java.util.Optional;

/**
 * One expected file of a dataset.
 *
 * @param name file name inside the dataset folder
 * @param bytes exact size in bytes
 * @param sha256 lowercase hex SHA-256, or null where no verified value is known (then size is the
 *     file check and the archive checksum guards the download)
 */
public record FileSpec(String name, long bytes, String sha256) {

  public FileSpec {
    Objects.requireNonNull(name, "name");
    if (bytes <= 0) {
      throw new IllegalArgumentException("file " + name + ": bytes must be positive, got " + bytes);
    }
    if (sha256 != null && !sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException(
          "file " + name + ": sha256 must be 64 lowercase hex digits, got " + sha256);
    }
  }

  /** The expected SHA-256, if one is recorded. */
  public Optional<String> optSha256() {
    return Optional.ofNullable(sha256);
  }

  /** E.g. {@code 3125241 bytes, sha256 ea2c...} or {@code 30730000 bytes (no SHA-256 recorded)}. */
  public String describe() {
    return String.format(
        "%d bytes, %s", bytes, sha256 == null ? "no SHA-256 recorded" : "sha256 " + sha256);
  }
}
