package dev.nasrank.harness.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.nasrank.files.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Writes (atomically, pretty-printed, keys sorted) and reads {@code run.json} manifests. */
public final class ManifestIo {
  private ManifestIo() {}

  /** Writes the manifest to {@code file} (temp file + atomic rename). */
  public static void write(Path file, RunManifest manifest) {
    JsonNode tree = CanonicalJson.sorted(CanonicalJson.MAPPER.valueToTree(manifest));
    try {
      byte[] bytes =
          CanonicalJson.MAPPER
              .copy()
              .enable(SerializationFeature.INDENT_OUTPUT)
              .writeValueAsBytes(tree);
      AtomicFiles.write(file, bytes);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise manifest: " + e.getMessage(), e);
    }
  }

  /** Reads any manifest as a JSON tree; a missing or malformed file is an error naming it. */
  public static JsonNode read(Path file) {
    try {
      JsonNode n = CanonicalJson.MAPPER.readTree(file.toFile());
      if (n == null || !n.isObject()) {
        throw new IllegalArgumentException(file + ": not a JSON object");
      }
      return n;
    } catch (NoSuchFileException | java.io.FileNotFoundException e) {
      throw new IllegalArgumentException("missing manifest " + file, e);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          file
              + ": malformed JSON at line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ": "
              + e.getOriginalMessage(),
          e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
