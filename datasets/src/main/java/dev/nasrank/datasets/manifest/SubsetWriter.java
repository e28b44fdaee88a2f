package dev.nasrank.datasets.manifest;

import dev.nasrank.datasets.DataRoot;
import dev.nasrank.datasets.MissingDataException;
import dev.nasrank.files.AtomicFiles;
import dev.nasrank.files.Checksums;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a prefix subset of a dataset: each file of {@code subset} is the first bytes of the
 * same-named file of {@code full} (for the mini split: the first 1,017 records of each official
 * binary batch), checked against the subset's manifest entry before it is renamed into place
 * ({@link AtomicFiles}).
 */
public final class SubsetWriter {

  private SubsetWriter() {}

  /**
   * Writes every file of {@code subset} that is missing or wrong; files already matching are kept.
   *
   * @return the files written (absolute)
   * @throws MissingDataException if a file of {@code full} is missing
   * @throws ChecksumMismatchException if a prefix does not match the subset's manifest (nothing is
   *     left behind)
   */
  public static List<Path> write(DataRoot root, DatasetEntry full, DatasetEntry subset)
      throws IOException {
    List<Path> written = new ArrayList<>();
    Path folder = root.resolvePath(subset.folder());
    for (FileSpec spec : subset.files()) {
      Path target = folder.resolve(spec.name());
      if (ManifestVerifier.check(target, subset, spec).ok()) {
        continue;
      }
      Path source = root.require(full.folder() + "/" + spec.name());
      AtomicFiles.write(
          target,
          out -> {
            MessageDigest sha = Checksums.newDigest("SHA-256");
            long n = 0;
            byte[] buffer = new byte[1 << 16];
            try (InputStream in = Files.newInputStream(source)) {
              while (n < spec.bytes()) {
                int r = in.read(buffer, 0, (int) Math.min(buffer.length, spec.bytes() - n));
                if (r < 0) {
                  break;
                }
                out.write(buffer, 0, r);
                sha.update(buffer, 0, r);
                n += r;
              }
            }
            String actual = Checksums.hex(sha);
            if (n != spec.bytes() || (spec.sha256() != null && !spec.sha256().equals(actual))) {
              throw new ChecksumMismatchException(
                  String.format(
                      "the first %d bytes of %s do not give %s: expected %s; actual %d bytes, sha256 %s; nothing was written",
                      spec.bytes(), source, target, spec.describe(), n, actual));
            }
          });
      written.add(target.toAbsolutePath());
    }
    return written;
  }
}
