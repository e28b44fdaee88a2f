package dev.nasrank.harness.regress;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The JSON form of a {@link Baseline}, both schemas, checked strictly: a file holding {@code null}
 * or no object, an unknown key, a missing or non-numeric {@code expectedTau}/{@code band} (v1) or
 * {@code meanTau}/{@code sdTau} (v2), and an empty {@code entries} list are errors that say what is
 * wrong.
 */
final class BaselineJson {
  private static final Set<String> HEADER =
      Set.of(
          "schema",
          "profile",
          "created",
          "sourceRun",
          "sourceCommit",
          "configurationSha256",
          "entries");
  private static final Set<String> V1_ENTRY =
      Set.of("method", "bnStrategy", "calibrated", "expectedTau", "band", "seeds");
  private static final Set<String> V2_ENTRY =
      Set.of("method", "bnStrategy", "calibrated", "meanTau", "sdTau", "sdSource", "seeds", "band");

  private BaselineJson() {}

  static Baseline parse(JsonNode root) {
    if (root == null || root.isNull() || root.isMissingNode()) {
      throw new IllegalArgumentException("the file holds null, not a baseline object");
    }
    if (!root.isObject()) {
      throw new IllegalArgumentException("expected a JSON object, got " + root.getNodeType());
    }
    unknownKeys(root, HEADER, "baseline");
    String schema = text(root, "schema", "baseline");
    boolean v1 = Baseline.SCHEMA_V1.equals(schema);
    if (!v1 && !Baseline.SCHEMA.equals(schema)) {
      throw new IllegalArgumentException(
          "baseline schema must be "
              + Baseline.SCHEMA
              + " or "
              + Baseline.SCHEMA_V1
              + ", got "
              + schema);
    }
    JsonNode list = root.get("entries");
    if (list == null || !list.isArray()) {
      throw new IllegalArgumentException("missing 'entries' list");
    }
    if (list.isEmpty()) {
      throw new IllegalArgumentException(
          "'entries' is empty: a baseline gates at least one setting");
    }
    List<Baseline.Entry> entries = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode e = list.get(i);
      String where = "entries[" + i + "]";
      if (e == null || !e.isObject()) {
        throw new IllegalArgumentException(where + " must be an object");
      }
      unknownKeys(e, v1 ? V1_ENTRY : V2_ENTRY, where);
      String method = text(e, "method", where);
      String bn = text(e, "bnStrategy", where);
      JsonNode cal = e.get("calibrated");
      if (cal == null || !cal.isBoolean()) {
        throw new IllegalArgumentException(where + ": 'calibrated' must be true or false");
      }
      where = where + " (" + method + "/" + bn + "/" + cal.asBoolean() + ")";
      int seeds = e.has("seeds") ? (int) number(e, "seeds", where) : 1;
      try {
        entries.add(
            v1
                ? new Baseline.Entry(
                    method,
                    bn,
                    cal.asBoolean(),
                    number(e, "expectedTau", where),
                    Double.NaN,
                    "none",
                    seeds,
                    number(e, "band", where))
                : new Baseline.Entry(
                    method,
                    bn,
                    cal.asBoolean(),
                    number(e, "meanTau", where),
                    e.has("sdTau") ? number(e, "sdTau", where) : Double.NaN,
                    e.has("sdSource") ? text(e, "sdSource", where) : "none",
                    seeds,
                    e.has("band") ? number(e, "band", where) : Double.NaN));
      } catch (IllegalArgumentException ex) {
        throw new IllegalArgumentException(where + ": " + ex.getMessage(), ex);
      }
    }
    return new Baseline(
        schema,
        text(root, "profile", "baseline"),
        optText(root, "created"),
        optText(root, "sourceRun"),
        optText(root, "sourceCommit"),
        sha256(root, "configurationSha256"),
        entries);
  }

  private static void unknownKeys(JsonNode n, Set<String> known, String where) {
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!known.contains(k)) {
        throw new IllegalArgumentException(
            where + ": unknown key '" + k + "' (known: " + known + ")");
      }
    }
  }

  private static String text(JsonNode n, String key, String where) {
    JsonNode v = n.get(key);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException(where + ": missing text '" + key + "'");
    }
    return v.asText();
  }

  /** An optional 64-digit lowercase hex SHA-256 (null when absent). */
  private static String sha256(JsonNode n, String key) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual() || !v.asText().matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException(
          key + " must be a 64-digit lowercase hex SHA-256, got " + v);
    }
    return v.asText();
  }

  private static String optText(JsonNode n, String key) {
    JsonNode v = n.get(key);
    return v == null || v.isNull() ? "unknown" : v.asText();
  }

  private static double number(JsonNode n, String key, String where) {
    JsonNode v = n.get(key);
    if (v == null || !v.isNumber()) {
      throw new IllegalArgumentException(
          where + ": missing number '" + key + "'" + (v == null ? "" : " (got " + v + ")"));
    }
    return v.asDouble();
  }
}
