package dev.nasrank.datasets.manifest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The datasets this project knows, read from the JSON resource {@value #RESOURCE}: folders, files,
 * sizes, SHA-256 checksums verified on the real files, official sources and citations.
 *
 * @param datasets every known dataset
 */
public record DatasetManifest(List<DatasetEntry> datasets) {

  /** Class-path location of the manifest. */
  public static final String RESOURCE = "/dev/nasrank/datasets/manifest/datasets.json";

  /**
   * Identifier of the 1,017-images-per-batch subset of the binary version (the {@code mini} split).
   */
  public static final String CIFAR10_MINI_BIN = "cifar10-mini-bin";

  /** Identifier of the official CIFAR-10 binary version (the full splits). */
  public static final String CIFAR10_BIN = "cifar10-bin";

  /** Identifier of the JPEG re-encoding of all 60,000 images. */
  public static final String CIFAR10_JPG = "cifar10-jpg";

  private static volatile DatasetManifest cached;

  public DatasetManifest {
    datasets = List.copyOf(Objects.requireNonNull(datasets, "datasets"));
  }

  /** The manifest bundled with this module (parsed once). */
  public static DatasetManifest load() {
    DatasetManifest m = cached;
    if (m == null) {
      try (InputStream in = DatasetManifest.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(
              "dataset manifest resource " + RESOURCE + " is not on the class path");
        }
        m = new ObjectMapper().readValue(in, DatasetManifest.class);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot parse dataset manifest " + RESOURCE + ": " + e.getMessage(), e);
      }
      cached = m;
    }
    return m;
  }

  /** The dataset with that id. */
  public DatasetEntry entry(String id) {
    return datasets.stream()
        .filter(d -> d.id().equals(id))
        .findFirst()
        .orElseThrow(
            () ->
                new NoSuchElementException(
                    "unknown dataset '"
                        + id
                        + "'; known: "
                        + datasets.stream()
                            .map(DatasetEntry::id)
                            .collect(Collectors.joining(", "))));
  }

  /**
   * What the manifest expects at a path relative to the data root: size, SHA-256 and how to obtain
   * it; empty for a path the manifest does not list.
   */
  public Optional<String> describe(String relativePath) {
    String normalised = relativePath.replace('\\', '/');
    for (DatasetEntry d : datasets) {
      for (FileSpec f : d.files()) {
        if (d.relativePath(f).equals(normalised)) {
          return Optional.of(f.describe() + " (" + d.title() + "); to obtain: " + d.howToObtain());
        }
      }
    }
    return Optional.empty();
  }
}
