package dev.nasrank.benchbridge.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.nasrank.benchbridge.ModelSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Hashes cells given as JSON lines {@code {"matrix": [[0,1,...],...], "ops": ["input", ...,
 * "output"]}}: one output line per non-blank input line, the 32-hex module hash of the pruned cell,
 * {@code invalid} when the input cannot reach the output, or {@code error: <reason>} for malformed
 * or out-of-domain input; it keeps going.
 */
public final class HashLines {
  /**
   * One JSON value per line: text after it, or a key given twice, is an error rather than ignored.
   */
  private static final ObjectReader JSON =
      new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .readerFor(JsonNode.class);

  /** Counts of one run. */
  public record Counts(long hashed, long invalid, long errors) {}

  private HashLines() {}

  /** Processes every line of {@code in}, writing answers to {@code out}. */
  public static Counts run(BufferedReader in, PrintWriter out) throws IOException {
    long ok = 0;
    long invalid = 0;
    long errors = 0;
    String line;
    while ((line = in.readLine()) != null) {
      if (line.isBlank()) {
        continue;
      }
      String answer = answer(line);
      if (answer.startsWith("error:")) {
        errors++;
      } else if (answer.equals("invalid")) {
        invalid++;
      } else {
        ok++;
      }
      out.println(answer);
    }
    out.flush();
    return new Counts(ok, invalid, errors);
  }

  /** The answer for one line. */
  public static String answer(String line) {
    try {
      ModelSpec spec = parse(line);
      return spec.isValid() ? spec.hash() : "invalid";
    } catch (IllegalArgumentException e) {
      return "error: " + e.getMessage();
    }
  }

  /**
   * Parses one JSON line into a spec.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static ModelSpec parse(String line) {
    JsonNode n;
    try {
      n = JSON.readTree(line);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "not JSON: " + e.getMessage().lines().findFirst().orElse(""));
    }
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException(
          "expected an object {\"matrix\": [[...]], \"ops\": [...]}");
    }
    JsonNode m = n.get("matrix");
    JsonNode o = n.get("ops");
    if (m == null || !m.isArray() || o == null || !o.isArray()) {
      throw new IllegalArgumentException(
          "expected fields \"matrix\" (array of rows) and \"ops\" (array of names)");
    }
    if (m.size() > ModelSpec.MAX_RAW_VERTICES) {
      throw new IllegalArgumentException(
          "too many vertices, got " + m.size() + " (max " + ModelSpec.MAX_RAW_VERTICES + ")");
    }
    int[][] matrix = new int[m.size()][];
    for (int i = 0; i < m.size(); i++) {
      JsonNode row = m.get(i);
      if (!row.isArray()) {
        throw new IllegalArgumentException("matrix row " + i + " is not an array");
      }
      matrix[i] = new int[row.size()];
      for (int j = 0; j < row.size(); j++) {
        JsonNode x = row.get(j);
        if (!x.isIntegralNumber() || !x.canConvertToInt()) {
          throw new IllegalArgumentException(
              "matrix entry [" + i + "][" + j + "] = " + x + " is not 0 or 1");
        }
        matrix[i][j] = x.asInt();
      }
    }
    List<String> ops = new ArrayList<>();
    for (JsonNode x : o) {
      if (!x.isTextual()) {
        throw new IllegalArgumentException("operation " + x + " is not a string");
      }
      ops.add(x.asText());
    }
    return ModelSpec.ofNames(matrix, ops);
  }
}
