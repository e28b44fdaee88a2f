package dev.nasrank.harness.groundtruth;

import dev.nasrank.benchbridge.ModelSpec;
import dev.nasrank.benchbridge.io.HashLines;
import dev.nasrank.harness.space.S4Choice;
import dev.nasrank.harness.space.S4Space;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The architecture lists ground truth is generated for: {@code s4} (the 34 unique NAS-Bench-101
 * cells of the S4 space with up to 4 paths, in the space's order) or a text file with one cell per
 * line, {@code <adjacency 0/1 string> <ops csv>} (blank lines and {@code #} comments ignored).
 * Duplicate hashes are dropped.
 */
public final class Architectures {
  private Architectures() {}

  /** The list named {@code s4}, or read from the file {@code nameOrFile}. */
  public static List<ModelSpec> resolve(String nameOrFile) throws IOException {
    if ("s4".equals(nameOrFile)) {
      return s4();
    }
    return read(Path.of(nameOrFile));
  }

  /** The 34 unique S4 architectures (m = 4). */
  public static List<ModelSpec> s4() {
    List<ModelSpec> out = new ArrayList<>();
    for (List<S4Choice> choices : S4Space.uniqueArchitectures(4).values()) {
      out.add(S4Space.toSpec(choices.get(0)));
    }
    return List.copyOf(out);
  }

  /**
   * Reads cells given as JSON lines, the format {@code nasbench hash} reads: {@code {"matrix":
   * [[0,1,...],...], "ops": ["input", ..., "output"]}} per line (blank lines ignored). Duplicate
   * hashes are dropped.
   *
   * @throws IllegalArgumentException naming the file and line of a malformed or invalid cell
   */
  public static List<ModelSpec> readJsonLines(Path file) throws IOException {
    return readCells(file, false, HashLines::parse);
  }

  /**
   * Reads an architecture file.
   *
   * @throws IllegalArgumentException naming the file and line of a malformed or invalid cell
   */
  public static List<ModelSpec> read(Path file) throws IOException {
    return readCells(
        file,
        true,
        t -> {
          String[] parts = t.split("\\s+");
          if (parts.length != 2) {
            throw new IllegalArgumentException("expected '<adjacency> <ops csv>', got '" + t + "'");
          }
          return ModelSpec.parse(parts[0], parts[1]);
        });
  }

  /**
   * One cell per non-blank line (and, with {@code comments}, lines starting with # skipped),
   * deduplicated.
   */
  private static List<ModelSpec> readCells(
      Path file, boolean comments, Function<String, ModelSpec> parser) throws IOException {
    Map<String, ModelSpec> byHash = new LinkedHashMap<>();
    try (BufferedReader in = Files.newBufferedReader(file)) {
      String line;
      int no = 0;
      while ((line = in.readLine()) != null) {
        no++;
        String t = line.strip();
        if (t.isEmpty() || (comments && t.startsWith("#"))) {
          continue;
        }
        ModelSpec spec;
        try {
          spec = parser.apply(t);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(file + ":" + no + ": " + e.getMessage(), e);
        }
        if (!spec.isValid()) {
          throw new IllegalArgumentException(
              file + ":" + no + ": the input does not reach the output");
        }
        byHash.putIfAbsent(spec.hash(), spec);
      }
    }
    if (byHash.isEmpty()) {
      throw new IllegalArgumentException(file + ": no architectures");
    }
    return List.copyOf(byHash.values());
  }

  /** The file form of a list (readable by {@link #read}). */
  public static String format(List<ModelSpec> specs) {
    StringBuilder sb = new StringBuilder("# <adjacency> <ops>, one NAS-Bench-101 cell per line\n");
    for (ModelSpec s : specs) {
      sb.append(s.adjacencyString()).append(' ').append(s.operationsString()).append('\n');
    }
    return sb.toString();
  }
}
