package dev.nasrank.datasets;

import dev.nasrank.datasets.io.CifarBinaryReader;
import dev.nasrank.datasets.manifest.DatasetEntry;
import dev.nasrank.datasets.manifest.DatasetManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Loads the parts of the CIFAR-10 splits from the binary batch files under a data root. */
public final class Cifar10 {

  private Cifar10() {}

  /**
   * Loads one part of a split into memory (one byte array for all its images).
   *
   * @throws MissingDataException if a file is missing (the message says where it is expected and how to get it)
   * @throws CifarFormatException if a file is not a whole number of records, holds a bad label, or has a
   *     different number of records than the split requires
   */
  public static CifarImages load(DataRoot root, Cifar10Split split, Cifar10Split.Part part) {
    DatasetEntry dataset = DatasetManifest.load().entry(split.datasetId());
    List<CifarImages> pieces = new ArrayList<>();
    for (String name : split.files(part)) {
      Path file = root.require(dataset.folder() + "/" + name);
      CifarImages images;
      try {
        images = CifarBinaryReader.read(file);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
      }
      if (images.count() != split.recordsPerFile()) {
        throw new CifarFormatException(String.format("%s: holds %,d records, but split %s needs %,d per file",
            file, images.count(), split.label(), split.recordsPerFile()));
      }
      pieces.add(images);
    }
    return pieces.size() == 1 ? pieces.get(0) : CifarImages.concat(pieces);
  }
}
