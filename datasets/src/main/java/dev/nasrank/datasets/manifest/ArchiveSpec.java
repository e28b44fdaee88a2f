package dev.nasrank.datasets.manifest;

import java.util.Objects;

/**
 * The official download a dataset folder is extracted from.
 *
 * @param url official download address
 * @param md5 lowercase hex MD5 published by the source (the check applied to the download)
 * @param memberPrefix path prefix of the dataset's files inside the tar archive, e.g. {@code
 *     cifar-10-batches-bin/}
 */
public record ArchiveSpec(String url, String md5, String memberPrefix) {

  public ArchiveSpec {
    Objects.requireNonNull(url, "url");
    if (md5 == null || !md5.matches("[0-9a-f]{32}")) {
      throw new IllegalArgumentException(
          "archive " + url + ": md5 must be 32 lowercase hex digits, got " + md5);
    }
    memberPrefix = memberPrefix == null ? "" : memberPrefix;
  }

  /** The archive's file name, the last segment of the URL. */
  public String fileName() {
    String path = url.replaceFirst("[?#].*$", "");
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
