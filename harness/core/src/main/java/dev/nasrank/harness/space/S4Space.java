package dev.nasrank.harness.space;

import dev.nasrank.benchbridge.ModelSpec;
import dev.nasrank.benchbridge.Op;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The S4 space of MixPath (Chu et al., arXiv 2001.05887) as the reference code defines it: a cell
 * of four parallel choice nodes between the input and a fixed conv1x1-bn-relu vertex; each active
 * node takes one of conv1x1-bn-relu, conv3x3-bn-relu, maxpool3x3; at most {@code maxPaths} (m,
 * 1..4) nodes are active, drawn from all four nodes ({@link SamplerMode#CORRECTED}) or from the
 * first m ({@link SamplerMode#REFERENCE}, the reference code's sampler).
 *
 * <p>Two enumerations exist. {@link #choices(int)} lists every choice with 1..m active nodes drawn
 * from all four nodes (what the corrected sampler can produce: 255 for m = 4, 174 for m = 3, 66 for
 * m = 2, 12 for m = 1). {@link #referenceChoices(int)} lists the 4^m - 1 choices that only use the
 * first m nodes (what the reference sampler can produce). Both collapse to the same NAS-Bench-101
 * architectures, since parallel nodes are interchangeable: 34, 19, 9 and 3 unique hashes for m = 4,
 * 3, 2, 1. {@link #candidates()} is the enumeration of this space's sampler mode.
 *
 * <p>The supernet's cell has {@value #SPEC_VERTICES} vertex positions ({@link S4Choice#path()}): 0
 * the input, 1..4 the choice nodes (each takes the input), {@value #FIXED_VERTEX} the fixed vertex
 * that sums the active nodes (its in-degree is the number of active paths), 6 the output.
 *
 * @param maxPaths m, the most active nodes (1..4)
 * @param samplerMode which nodes the sampler may activate
 */
public record S4Space(int maxPaths, SamplerMode samplerMode) implements SearchSpace<S4Choice> {

  /** Vertex index of the fixed conv1x1-bn-relu vertex in the 7x7 spec. */
  public static final int FIXED_VERTEX = 5;

  /** Vertex count of the unpruned spec: input, four nodes, the fixed vertex, output. */
  public static final int SPEC_VERTICES = 7;

  /** Validates m and the mode. */
  public S4Space {
    checkMaxPaths(maxPaths);
    if (samplerMode == null) {
      throw new IllegalArgumentException("the S4 sampler mode is required");
    }
  }

  /** Every S4 choice: m = 4, nodes drawn from all four (255 choices, 34 architectures). */
  public static S4Space full() {
    return new S4Space(S4Choice.NODES, SamplerMode.CORRECTED);
  }

  @Override
  public String id() {
    return Spaces.S4;
  }

  /** {@link #choices(int)} or, for the reference sampler, {@link #referenceChoices(int)}. */
  @Override
  public List<S4Choice> candidates() {
    return samplerMode == SamplerMode.REFERENCE ? referenceChoices(maxPaths) : choices(maxPaths);
  }

  /** True for an S4 choice with at most m active nodes in a subset the sampler can draw. */
  @Override
  public boolean contains(Architecture a) {
    return a instanceof S4Choice c
        && c.activePaths() <= maxPaths
        && (samplerMode == SamplerMode.CORRECTED || c.activeMask() < 1 << maxPaths);
  }

  /**
   * Parses a choice id ({@link S4Choice#parse}) of this space.
   *
   * @throws IllegalArgumentException naming the id when it is malformed or outside this space
   */
  @Override
  public S4Choice parse(String id) {
    S4Choice c = S4Choice.parse(id);
    if (!contains(c)) {
      throw new IllegalArgumentException("choice " + id + " is outside " + this);
    }
    return c;
  }

  /** The MixPath sampler ({@link S4Sampler}) of this m and mode. */
  @Override
  public S4Sampler sampler(long seed) {
    return new S4Sampler(maxPaths, samplerMode, seed);
  }

  /**
   * The non-empty node subsets (bit masks, ascending) the sampler can activate: at most m nodes,
   * drawn from all four ({@link SamplerMode#CORRECTED}) or from the first m ({@link
   * SamplerMode#REFERENCE}, 2^m - 1 subsets).
   */
  public List<Integer> reachableMasks() {
    int pool = samplerMode == SamplerMode.REFERENCE ? maxPaths : S4Choice.NODES;
    List<Integer> masks = new ArrayList<>();
    for (int mask = 1; mask < 1 << pool; mask++) {
      if (Integer.bitCount(mask) <= maxPaths) {
        masks.add(mask);
      }
    }
    return Collections.unmodifiableList(masks);
  }

  /** E.g. {@code S4 (m = 4, corrected sampler)}. */
  @Override
  public String toString() {
    return "S4 (m = " + maxPaths + ", " + samplerMode.cliName() + " sampler)";
  }

  /**
   * Every choice with 1..{@code maxPaths} active nodes out of all four, in ascending code order.
   *
   * @param maxPaths m, 1..4
   */
  public static List<S4Choice> choices(int maxPaths) {
    checkMaxPaths(maxPaths);
    List<S4Choice> out = new ArrayList<>();
    for (int code = 1; code < 1 << (2 * S4Choice.NODES); code++) {
      S4Choice c = new S4Choice(code);
      if (c.activePaths() <= maxPaths) {
        out.add(c);
      }
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * The 4^m - 1 choices whose active nodes all lie among the first {@code maxPaths} nodes (the
   * reachable set of the reference sampler), ascending.
   */
  public static List<S4Choice> referenceChoices(int maxPaths) {
    checkMaxPaths(maxPaths);
    List<S4Choice> out = new ArrayList<>();
    for (int code = 1; code < 1 << (2 * maxPaths); code++) {
      out.add(new S4Choice(code));
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * The choices of {@link #choices(int)} grouped by NAS-Bench-101 hash: hash to its isomorphic
   * choices, in order of first appearance.
   */
  public static Map<String, List<S4Choice>> uniqueArchitectures(int maxPaths) {
    return groupByHash(choices(maxPaths));
  }

  /** Groups choices by NAS-Bench-101 hash, keeping order of first appearance. */
  public static Map<String, List<S4Choice>> groupByHash(List<S4Choice> choices) {
    Map<String, List<S4Choice>> out = new LinkedHashMap<>();
    for (S4Choice c : choices) {
      out.computeIfAbsent(c.moduleHash(), h -> new ArrayList<>()).add(c);
    }
    out.replaceAll((h, list) -> Collections.unmodifiableList(list));
    return Collections.unmodifiableMap(out);
  }

  /**
   * The NAS-Bench-101 cell of a choice ({@link S4Choice#spec()}): ops {@code [input, n1, n2, n3,
   * n4, conv1x1-bn-relu, output]}, edges input to each active node, each active node to vertex 5,
   * vertex 5 to output; inactive nodes are disconnected and the spec prunes them.
   */
  public static ModelSpec toSpec(S4Choice choice) {
    return choice.spec();
  }

  /** The supernet path of a choice, built once per code ({@link S4Choice#path()}). */
  static CellPath pathOf(int code) {
    return Cells.PATHS[code];
  }

  /** The spec of a choice, built once per code. */
  static ModelSpec specOf(int code) {
    return Cells.SPECS[code];
  }

  /** Paths and specs of the 255 codes, built when first asked for. */
  private static final class Cells {
    static final CellPath[] PATHS = new CellPath[1 << (2 * S4Choice.NODES)];
    static final ModelSpec[] SPECS = new ModelSpec[PATHS.length];

    static {
      for (int code = 1; code < PATHS.length; code++) {
        PATHS[code] = buildPath(new S4Choice(code));
        SPECS[code] = PATHS[code].toSpec();
      }
    }
  }

  private static CellPath buildPath(S4Choice choice) {
    List<Op> ops = new ArrayList<>(SPEC_VERTICES);
    int[] inputs = new int[SPEC_VERTICES];
    ops.add(Op.INPUT);
    for (int i = 0; i < S4Choice.NODES; i++) {
      ops.add(choice.op(i));
      if (choice.isActive(i)) {
        inputs[i + 1] = 1;
      }
    }
    ops.add(Op.CONV1X1);
    ops.add(Op.OUTPUT);
    inputs[FIXED_VERTEX] = choice.activeMask() << 1;
    inputs[SPEC_VERTICES - 1] = 1 << FIXED_VERTEX;
    return CellPath.of(ops, inputs);
  }

  static void checkMaxPaths(int maxPaths) {
    if (maxPaths < 1 || maxPaths > S4Choice.NODES) {
      throw new IllegalArgumentException(
          "max paths m must be 1.." + S4Choice.NODES + ", got " + maxPaths);
    }
  }
}
