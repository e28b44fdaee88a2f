package dev.nasrank.datasets;

import dev.nasrank.datasets.io.CifarBinaryReader;
import dev.nasrank.datasets.io.CifarJpegReader;
import dev.nasrank.datasets.manifest.ChecksumMismatchException;
import dev.nasrank.datasets.manifest.DatasetEntry;
import dev.nasrank.datasets.manifest.DatasetManifest;
import dev.nasrank.datasets.manifest.FileSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the parts of the CIFAR-10 splits from the binary batch files (or, for {@link
 * Cifar10Split#JPG}, the JPEG zip) under a data root.
 */
public final class Cifar10 {

  private Cifar10() {}

  /**
   * Loads one part of a split into memory (one byte array for all its images). Unless the root's
   * verification is off ({@link DataRoot#withVerification}), each file's SHA-256, computed by the
   * reader over the very bytes it loads (so the check costs no extra read), must equal the
   * manifest's where the manifest records one.
   *
   * @throws MissingDataException if a file is missing (the message says where it is expected and
   *     how to get it)
   * @throws CifarFormatException if a file is not a whole number of records, holds a bad label, or
   *     has a different number of records than the split requires
   * @throws ChecksumMismatchException if a file's SHA-256 differs from the manifest's
   */
  public static CifarImages load(DataRoot root, Cifar10Split split, Cifar10Split.Part part) {
    DatasetEntry dataset = DatasetManifest.load().entry(split.datasetId());
    if (split.isJpeg()) {
      return loadJpeg(root, dataset, split.jpegLayout(part));
    }
    List<Path> files = new ArrayList<>();
    for (String name : split.files(part)) {
      Path file = root.require(dataset.folder() + "/" + name);
      try {
        int records = CifarBinaryReader.recordCount(file, Files.size(file));
        if (records != split.recordsPerFile()) {
          throw new CifarFormatException(
              String.format(
                  "%s: holds %,d records, but split %s needs %,d per file",
                  file, records, split.label(), split.recordsPerFile()));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
      }
      files.add(file);
    }
    int per = split.recordsPerFile();
    int count = Math.multiplyExact(files.size(), per);
    byte[] pixels = new byte[Math.multiplyExact(count, CifarImages.IMAGE_BYTES)];
    byte[] labels = new byte[count];
    List<SourceFile> sources = new ArrayList<>();
    for (int f = 0; f < files.size(); f++) {
      SourceFile source;
      try {
        source = CifarBinaryReader.readInto(files.get(f), per, pixels, labels, f * per);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + files.get(f) + ": " + e.getMessage(), e);
      }
      if (root.verifies()) {
        verify(dataset, split.files(part).get(f), source);
      }
      sources.add(source);
    }
    return new CifarImages(count, pixels, labels, sources);
  }

  private static CifarImages loadJpeg(
      DataRoot root, DatasetEntry dataset, Cifar10Split.JpegLayout layout) {
    Path zip = root.require(dataset.folder() + "/" + Cifar10Split.JpegLayout.ZIP);
    CifarImages images;
    try {
      images = CifarJpegReader.readZipInterleaved(zip, layout.folder(), layout.from(), layout.to());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + zip + ": " + e.getMessage(), e);
    }
    if (root.verifies()) {
      verify(dataset, Cifar10Split.JpegLayout.ZIP, images.sources().get(0));
    }
    return images;
  }

  /**
   * Checks a loaded file's SHA-256 against the manifest's (files without a recorded SHA-256 were
   * checked for their exact size by the record count).
   *
   * @throws ChecksumMismatchException naming the file, both digests and what to do
   */
  public static void verify(DatasetEntry dataset, String name, SourceFile source) {
    FileSpec spec = dataset.file(name).orElse(null);
    if (spec == null || spec.sha256() == null || spec.sha256().equals(source.sha256())) {
      return;
    }
    throw new ChecksumMismatchException(
        source.path()
            + ": SHA-256 "
            + source.sha256()
            + " differs from the "
            + "manifest's "
            + spec.sha256()
            + " for "
            + dataset.id()
            + "/"
            + name
            + ": the file is damaged or another "
            + "version (`harness data verify` checks every file). To obtain it: "
            + dataset.howToObtain()
            + ". To use it anyway, pass --no-verify.");
  }
}
