package dev.nasrank.harness.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.nasrank.benchbridge.Op;
import dev.nasrank.harness.setting.BnStrategy;
import dev.nasrank.harness.space.CellPath;
import dev.nasrank.harness.space.Nb101Cell;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * One cell of a {@link CellSupernet}: seven vertex positions (0 the cell input, 1..5 inner, 6 the
 * output), every inner position with one {@link CellVertexOp} per op its space uses there, and
 * every position that some cell feeds from the cell input with its own 1x1 conv-bn-relu projection
 * of the input to the cell's width. A sampled cell ({@link Nb101Cell#path()}) runs only its active
 * positions, in ascending order: vertex v sums its inputs in ascending position order (the cell
 * input as v's own projection of it) and applies its op; the output sums its inputs the same way
 * (under simple scaling times 1/k). Design and what it changes against the stand-alone
 * NAS-Bench-101 cell: docs/cellnet.md.
 */
public final class CellSupernetCell extends CompositeBlock {

  /** The output's position. */
  static final int OUTPUT = CellPath.MAX_VERTICES - 1;

  private final int in;
  private final int out;
  private final BnStrategy strategy;
  private final ConvBnRelu[] projections = new ConvBnRelu[CellPath.MAX_VERTICES];
  private final CellVertexOp[][] ops = new CellVertexOp[OUTPUT][CellInputSets.OPS.size()];

  /**
   * @param sets the positions, ops and input masks the space's cells use
   * @param strategy the BN strategy
   * @param in input channels
   * @param out the cell's width: every vertex's and the output's channels
   */
  CellSupernetCell(CellInputSets sets, BnStrategy strategy, int in, int out) {
    this.in = in;
    this.out = out;
    this.strategy = strategy;
    for (int v = 1; v <= OUTPUT; v++) {
      if (sets.projected(v)) {
        projections[v] = addChildBlock("proj" + v, new ConvBnRelu(in, out, 1));
      }
      if (v == OUTPUT) {
        break;
      }
      for (int o = 0; o < CellInputSets.OPS.size(); o++) {
        Op op = CellInputSets.OPS.get(o);
        List<Integer> masks = sets.masks(v, op);
        if (!masks.isEmpty()) {
          ops[v][o] =
              addChildBlock(
                  "v" + v + "_" + op.nasbenchName(), new CellVertexOp(op, out, strategy, masks));
        }
      }
    }
  }

  /** Runs {@code cell} on the cell input {@code x}. */
  NDArray apply(ParameterStore ps, NDArray x, Nb101Cell cell, boolean training) {
    return apply(ps, cell.path(), v -> projection(v).apply(ps, x, training), null, null, training);
  }

  /**
   * Reuses vertex outputs of the previous cell run on the same prefix (eval mode): {@code vertex(v,
   * compute)} returns the output of position {@code v}, either kept from a cell whose positions
   * 1..v are the same ({@link #trieKey}) or {@code compute.get()}.
   */
  interface VertexMemo {
    NDArray vertex(int v, Supplier<NDArray> compute);
  }

  /**
   * Runs a path with the projected inputs given by {@code projected} and, when {@code first} is not
   * null, vertex 1's output taken from it and the outputs of positions 2..5 through {@code memo}
   * (the shared prefix's).
   */
  NDArray apply(
      ParameterStore ps,
      CellPath path,
      IntFunction<NDArray> projected,
      IntFunction<NDArray> first,
      VertexMemo memo,
      boolean training) {
    NDArray[] h = new NDArray[CellPath.MAX_VERTICES];
    for (int v : path.activeVertices()) {
      int mask = path.inputs(v);
      if (v == 1 && first != null) {
        h[1] = first.apply(opIndex(path.op(1)));
        continue;
      }
      CellVertexOp op = vertexOp(v, path.op(v));
      Supplier<NDArray> compute = () -> op.apply(ps, sum(path, v, h, projected), mask, training);
      h[v] = memo == null ? compute.get() : memo.vertex(v, compute);
    }
    NDArray s = sum(path, OUTPUT, h, projected);
    int k = path.inDegree(OUTPUT);
    if (strategy == BnStrategy.SIMPLE_SCALING && k > 1) {
      s = s.mul(s.getManager().create(1f / k));
    }
    return s;
  }

  private static NDArray sum(CellPath path, int v, NDArray[] h, IntFunction<NDArray> projected) {
    int mask = path.inputs(v);
    NDArray s = null;
    for (int u = 0; u < v; u++) {
      if ((mask & (1 << u)) != 0) {
        NDArray y = u == 0 ? projected.apply(v) : h[u];
        s = s == null ? y : s.add(y);
      }
    }
    return s;
  }

  /** The output of op {@code opIndex} at position 1 on projection 1's output {@code p}. */
  NDArray firstVertex(ParameterStore ps, NDArray projected, int opIndex, boolean training) {
    return vertexOp(1, CellInputSets.OPS.get(opIndex)).apply(ps, projected, 1, training);
  }

  /** Bits of position p (1..5) in {@link #trieKey}: its op (2 bits) and its input mask (p bits). */
  private static int bits(int p) {
    return p == 1 ? 2 : 2 + p;
  }

  /**
   * The cell's inner positions as one number, position 1 in the highest bits: per position its op
   * (0 inactive, 1 + the op's index) and, from position 2 on, its input mask (position 1 can only
   * take the cell input). Cells sorted by it run in trie order: cells whose positions 1..v agree
   * are adjacent, and {@link #prefixKey} of those agrees. 24 bits.
   */
  static int trieKey(CellPath path) {
    int key = 0;
    for (int p = 1; p < OUTPUT; p++) {
      int op = path.isActive(p) ? 1 + opIndex(path.op(p)) : 0;
      key = (key << 2) | op;
      if (p > 1) {
        key = (key << p) | path.inputs(p);
      }
    }
    return key;
  }

  /**
   * The part of {@link #trieKey} that fixes positions 1..v: equal for two cells exactly when they
   * run the same ops with the same inputs at positions 1..v, so their vertex-v outputs on one input
   * are equal.
   */
  static int prefixKey(int trieKey, int v) {
    int shift = 0;
    for (int p = v + 1; p < OUTPUT; p++) {
      shift += bits(p);
    }
    return trieKey >>> shift;
  }

  static int opIndex(Op op) {
    int o = CellInputSets.OPS.indexOf(op);
    if (o < 0) {
      throw new IllegalArgumentException("not an inner op: " + op);
    }
    return o;
  }

  /** The projection of the cell input for position {@code v}. */
  ConvBnRelu projection(int v) {
    ConvBnRelu p = projections[v];
    if (p == null) {
      throw new IllegalArgumentException(
          "position " + v + " never takes the cell input in this supernet's space");
    }
    return p;
  }

  CellVertexOp vertexOp(int v, Op op) {
    CellVertexOp o = ops[v][opIndex(op)];
    if (o == null) {
      throw new IllegalArgumentException(
          "no cell of this supernet's space runs " + op.nasbenchName() + " at position " + v);
    }
    return o;
  }

  /** Adds the parameters and batch norms {@code path} runs, in forward order. */
  void collect(CellPath path, List<Parameter> trainable, List<RunningBatchNorm> norms) {
    for (int v : path.activeVertices()) {
      if ((path.inputs(v) & 1) != 0) {
        projection(v).collect(trainable, norms);
      }
      vertexOp(v, path.op(v)).collect(path.inputs(v), trainable, norms);
    }
    if ((path.inputs(OUTPUT) & 1) != 0) {
      projection(OUTPUT).collect(trainable, norms);
    }
  }

  /**
   * The batch norms of a path that depend only on the cell input: the projections' and, when
   * position 1 runs, its op's (vertex 1's only possible input is the cell input).
   */
  void collectInputBatchNorms(CellPath path, List<RunningBatchNorm> norms) {
    List<Parameter> ignored = new java.util.ArrayList<>();
    for (int v = 1; v <= OUTPUT; v++) {
      if ((path.inputs(v) & 1) != 0) {
        projection(v).collect(ignored, norms);
      }
    }
    if (path.isActive(1)) {
      vertexOp(1, path.op(1)).collect(path.inputs(1), ignored, norms);
    }
  }

  /** Output channels. */
  int channels() {
    return out;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(
        apply(
            ps, inputs.singletonOrThrow(), ChoiceParams.choice(params, Nb101Cell.class), training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape s = inputShapes[0];
    return new Shape[] {new Shape(s.get(0), out, s.get(2), s.get(3))};
  }

  @Override
  public String toString() {
    return "CellSupernetCell(" + in + "->" + out + ", " + strategy.cliName() + ")";
  }
}
