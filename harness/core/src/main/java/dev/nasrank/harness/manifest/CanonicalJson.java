package dev.nasrank.harness.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nasrank.files.Checksums;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Canonical JSON of a configuration: object keys sorted recursively, array order kept, no
 * whitespace; and its SHA-256 (lowercase hex), the configuration hash of a run manifest. Two
 * configurations that differ only in key order hash alike.
 */
public final class CanonicalJson {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private CanonicalJson() {}

  /** The value as a JSON tree (records, maps and lists are converted by Jackson). */
  public static JsonNode tree(Object value) {
    return value instanceof JsonNode n ? n : MAPPER.valueToTree(value);
  }

  /** The canonical text of a tree. */
  public static String canonical(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(sorted(node));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise configuration: " + e.getMessage(), e);
    }
  }

  /** SHA-256 of the UTF-8 canonical text, lowercase hex. */
  public static String sha256(JsonNode node) {
    return Checksums.sha256Hex(canonical(node).getBytes(StandardCharsets.UTF_8));
  }

  static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      ObjectNode out = MAPPER.createObjectNode();
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      Collections.sort(names);
      for (String n : names) {
        out.set(n, sorted(node.get(n)));
      }
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = MAPPER.createArrayNode();
      node.forEach(e -> out.add(sorted(e)));
      return out;
    }
    return node;
  }
}
