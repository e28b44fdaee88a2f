package dev.nasrank.harness.report.diagnostics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.nasrank.files.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The optional {@code diagnostics.json} of a run, written by the supernet side and rendered by the
 * reporter: feature similarities (already reduced to cosine matrices and magnitudes) and per-layer
 * Shadow-BN parameters. A suite unit names each entry {@code "<unit>: <what>"}; a merged run lists
 * the units' entries in the merge's unit order.
 *
 * @param features cosine matrices of op outputs (or summed multi-path features) on a fixed batch
 * @param sbn per SBN layer, the running statistics and affine parameters of each of its BNs
 */
public record DiagnosticsFile(List<NamedSimilarity> features, List<SbnLayer> sbn) {

  /** A named feature-similarity measurement, e.g. {@code cell 4, node 1: candidate ops}. */
  public record NamedSimilarity(String name, FeatureSimilarity similarity) {}

  /** The BNs of one SBN layer. */
  public record SbnLayer(String layer, List<SbnStatistics.Bn> bns) {}

  private static final ObjectMapper MAPPER = new ObjectMapper();

  public DiagnosticsFile {
    features = features == null ? List.of() : List.copyOf(features);
    sbn = sbn == null ? List.of() : List.copyOf(sbn);
  }

  /** Writes the file atomically. */
  public void write(Path file) {
    try {
      AtomicFiles.write(
          file, MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(this));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialise diagnostics: " + e.getMessage(), e);
    }
  }

  /** Reads the file; malformed content is an error naming it. */
  public static DiagnosticsFile read(Path file) {
    try {
      return MAPPER.readValue(file.toFile(), DiagnosticsFile.class);
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot read diagnostics: " + e.getMessage(), e);
    }
  }
}
