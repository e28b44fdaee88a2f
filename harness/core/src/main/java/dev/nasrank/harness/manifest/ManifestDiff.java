package dev.nasrank.harness.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Field-by-field comparison of two JSON documents (run manifests): both are flattened to dotted
 * paths ({@code environment.javaVersion}, {@code seeds.supernet}, arrays as {@code list[2]}) and
 * only the paths whose values differ, or that exist on one side only, are reported, in path order.
 * Immutable; paths can be ignored by prefix ({@code withIgnored("created")}).
 */
public final class ManifestDiff {
  private final List<String> ignoredPrefixes;

  private ManifestDiff(List<String> ignoredPrefixes) {
    this.ignoredPrefixes = List.copyOf(ignoredPrefixes);
  }

  /** Compares everything. */
  public static ManifestDiff create() {
    return new ManifestDiff(List.of());
  }

  /** Also ignores these path prefixes (a prefix matches the path itself and its children). */
  public ManifestDiff withIgnored(List<String> prefixes) {
    List<String> all = new ArrayList<>(ignoredPrefixes);
    all.addAll(prefixes);
    return new ManifestDiff(all);
  }

  /** One differing path; a side where the path is absent is empty. Values are JSON text. */
  public record Difference(String path, Optional<String> left, Optional<String> right) {
    @Override
    public String toString() {
      return path + ": " + left.orElse("<absent>") + " -> " + right.orElse("<absent>");
    }
  }

  /** The differences, sorted by path; empty when the documents agree on every non-ignored field. */
  public List<Difference> diff(JsonNode left, JsonNode right) {
    Map<String, String> a = flatten(left);
    Map<String, String> b = flatten(right);
    TreeSet<String> paths = new TreeSet<>(a.keySet());
    paths.addAll(b.keySet());
    List<Difference> out = new ArrayList<>();
    for (String p : paths) {
      if (ignored(p)) {
        continue;
      }
      String x = a.get(p);
      String y = b.get(p);
      if (x == null || !x.equals(y)) {
        out.add(new Difference(p, Optional.ofNullable(x), Optional.ofNullable(y)));
      }
    }
    return out;
  }

  private boolean ignored(String path) {
    for (String pre : ignoredPrefixes) {
      if (path.equals(pre) || path.startsWith(pre + ".") || path.startsWith(pre + "[")) {
        return true;
      }
    }
    return false;
  }

  /** Leaf values (and empty containers) by dotted path, as JSON text. */
  public static Map<String, String> flatten(JsonNode node) {
    Map<String, String> out = new TreeMap<>();
    flatten("", node, out);
    return out;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
    if (node.isObject() && node.size() > 0) {
      Iterator<Map.Entry<String, JsonNode>> it = node.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
      }
    } else if (node.isArray() && node.size() > 0) {
      for (int i = 0; i < node.size(); i++) {
        flatten(prefix + "[" + i + "]", node.get(i), out);
      }
    } else {
      out.put(prefix, node.toString());
    }
  }

  /**
   * Whether two manifests were configured alike, from their {@code configurationSha256}.
   *
   * @param same both hashes present and equal
   * @param left the first hash, or null when absent
   * @param right the second hash, or null when absent
   */
  public record Verdict(boolean same, String left, String right) {
    /** One line for the top of a diff. */
    public String line() {
      if (left == null || right == null) {
        return "configuration: not comparable ("
            + (left == null ? "A" : "B")
            + " records no configurationSha256 of schema "
            + RunManifest.SCHEMA
            + ")";
      }
      return same
          ? "configuration: same (configurationSha256 " + left + ")"
          : "configuration: differs (configurationSha256 " + left + " -> " + right + ")";
    }
  }

  /**
   * The configuration verdict of two manifests; a manifest of an older schema, whose hash covers
   * another form of the configuration, is not comparable.
   */
  public static Verdict configuration(JsonNode left, JsonNode right) {
    String a = RunManifest.comparableConfigurationSha256(left);
    String b = RunManifest.comparableConfigurationSha256(right);
    return new Verdict(a != null && a.equals(b), a, b);
  }
}
