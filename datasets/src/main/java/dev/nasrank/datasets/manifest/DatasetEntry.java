package dev.nasrank.datasets.manifest;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One dataset of the manifest: a folder under the data root and the files it must hold.
 *
 * @param id stable identifier, e.g. {@code cifar10-mini-bin}
 * @param folder folder under the data root
 * @param title one-line description
 * @param sourceUrl official page of the data
 * @param citation how to cite the data
 * @param howToObtain instructions shown when a file is missing or wrong
 * @param integrity which checks guard the files (e.g. "SHA-256 per file" or "archive MD5 + byte
 *     sizes")
 * @param archive the official archive the folder is extracted from, or null if it cannot be fetched
 * @param files expected files
 */
public record DatasetEntry(
    String id,
    String folder,
    String title,
    String sourceUrl,
    String citation,
    String howToObtain,
    String integrity,
    ArchiveSpec archive,
    List<FileSpec> files) {

  public DatasetEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(folder, "folder of " + id);
    files = List.copyOf(Objects.requireNonNull(files, "files of " + id));
  }

  /** The official archive, if this dataset can be fetched. */
  public Optional<ArchiveSpec> optArchive() {
    return Optional.ofNullable(archive);
  }

  /** The expected file of that name. */
  public Optional<FileSpec> file(String name) {
    return files.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /** Path of a file relative to the data root, with '/' separators. */
  public String relativePath(FileSpec file) {
    return folder + "/" + file.name();
  }
}
