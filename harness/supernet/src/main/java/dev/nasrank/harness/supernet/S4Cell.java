package dev.nasrank.harness.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.nasrank.harness.setting.Method;
import dev.nasrank.harness.space.S4Choice;
import java.util.ArrayList;
import java.util.List;

/**
 * An S4 cell: the active choice nodes run on the cell input in parallel, their outputs are summed
 * (scaled if the strategy says so), a 1x1 conv with bias maps the sum, the {@link SumNormalization}
 * normalises it, and a ReLU follows. For {@link Method#SPOS} the cell holds one copy of the four
 * nodes and of the sum normalisation per number of active paths, and a choice with k active nodes
 * runs copy k; the 1x1 conv stays shared.
 */
public final class S4Cell extends CompositeBlock {

  private final Method method;
  private final int in;
  private final int out;
  private final ChoiceNode[][] nodes;
  private final ConvLayer fixed;
  private final SumNormalization[] norms;

  /**
   * @param config supernet configuration (method, strategy, m)
   * @param in input channels
   * @param out output channels
   */
  public S4Cell(S4SupernetConfig config, int in, int out) {
    this.method = config.method();
    this.in = in;
    this.out = out;
    int copies = method == Method.SPOS ? config.maxPaths() : 1;
    nodes = new ChoiceNode[copies][S4Choice.NODES];
    for (int c = 0; c < copies; c++) {
      for (int n = 0; n < S4Choice.NODES; n++) {
        nodes[c][n] = addChildBlock(copyPrefix(c) + "n" + (n + 1), new ChoiceNode(in, out));
      }
    }
    fixed = addChildBlock("conv1x1", new ConvLayer(out, out, 1, true));
    norms = new SumNormalization[copies];
    for (int c = 0; c < copies; c++) {
      norms[c] =
          addChildBlock(
              copyPrefix(c) + "sumnorm",
              SumNormalization.create(
                  config.bnStrategy(), out, config.maxPaths(), config.reachableMasks()));
    }
  }

  private String copyPrefix(int copy) {
    return method == Method.SPOS ? "k" + (copy + 1) + "_" : "";
  }

  NDArray apply(ParameterStore ps, NDArray x, S4Choice choice, boolean training) {
    int c = copyOf(choice);
    ChoiceNode[] copy = nodes[c];
    NDArray sum = null;
    for (int n : choice.activeNodes()) {
      NDArray y = copy[n].apply(ps, x, choice.opIndex(n), training);
      sum = sum == null ? y : sum.add(y);
    }
    return afterSum(ps, sum, c, choice, training);
  }

  /**
   * As {@link #apply(ParameterStore, NDArray, S4Choice, boolean)} with the candidate-op outputs
   * taken from {@code prefix} (this must be the first cell, whose input is the prefix's stem
   * output): the same additions in the same node order, then the same 1x1 conv, normalisation and
   * ReLU. Every array it creates is attached to {@code scope}.
   */
  NDArray apply(ParameterStore ps, S4Prefix prefix, S4Choice choice, NDManager scope) {
    int c = copyOf(choice);
    NDArray sum = null;
    for (int n : choice.activeNodes()) {
      NDArray y = prefix.op(c, n, choice.opIndex(n), scope);
      sum = sum == null ? y : sum.add(y);
    }
    return afterSum(ps, sum, c, choice, prefix.training());
  }

  /**
   * The output of op {@code opIndex} of node {@code node} (0-based) of copy {@code copy} on the
   * cell input {@code x}: what {@link #apply} adds for that node.
   */
  NDArray nodeOutput(
      ParameterStore ps, NDArray x, int copy, int node, int opIndex, boolean training) {
    return nodes[copy][node].apply(ps, x, opIndex, training);
  }

  /**
   * The copy of the choice nodes (and of the sum normalisation) that {@code choice} runs: its
   * number of active paths minus one for SPOS, always 0 for MixPath.
   */
  int copyOf(S4Choice choice) {
    int copy = method == Method.SPOS ? choice.activePaths() - 1 : 0;
    if (copy >= nodes.length) {
      throw new IllegalArgumentException(
          "choice "
              + choice
              + " has "
              + choice.activePaths()
              + " active paths, supernet built for at most "
              + nodes.length);
    }
    return copy;
  }

  /** The batch norms of the active nodes' candidate ops of {@code choice}, in forward order. */
  void collectNodeBatchNorms(S4Choice choice, List<RunningBatchNorm> bns) {
    int c = copyOf(choice);
    List<Parameter> ignored = new ArrayList<>();
    for (int n : choice.activeNodes()) {
      nodes[c][n].collect(choice.opIndex(n), ignored, bns);
    }
  }

  private NDArray afterSum(
      ParameterStore ps, NDArray nodeSum, int c, S4Choice choice, boolean training) {
    NDArray sum = nodeSum;
    SumNormalization norm = norms[c];
    int inputs = choice.activeMask();
    float scale = norm.inputScale(inputs);
    if (scale != 1f) {
      // Never sum.mul(scale) with a Java number: DJL frees that scalar right after the op, while
      // autograd reads it
      // again in backward (docs/harness.md). This array lives on the step's manager until the
      // step's arrays close.
      sum = sum.mul(sum.getManager().create(scale));
    }
    return Activation.relu(norm.apply(ps, fixed.apply(ps, sum, training), inputs, training));
  }

  void collect(S4Choice choice, List<Parameter> trainable, List<RunningBatchNorm> bns) {
    int c = copyOf(choice);
    for (int n : choice.activeNodes()) {
      nodes[c][n].collect(choice.opIndex(n), trainable, bns);
    }
    fixed.collect(trainable, bns);
    norms[c].collect(choice.activeMask(), trainable, bns);
  }

  /** The cell's normalisation block (for SPOS, the one of copy 1). */
  public SumNormalization sumNormalization() {
    return norms[0];
  }

  /** The normalisation blocks: one for MixPath, one per number of active paths for SPOS. */
  public List<SumNormalization> sumNormalizations() {
    return List.of(norms);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(
        apply(
            ps, inputs.singletonOrThrow(), ChoiceParams.choice(params, S4Choice.class), training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape s = inputShapes[0];
    return new Shape[] {new Shape(s.get(0), out, s.get(2), s.get(3))};
  }

  @Override
  public String toString() {
    return "S4Cell("
        + in
        + "->"
        + out
        + ", "
        + method.cliName()
        + ", "
        + norms[0].strategy().cliName()
        + ")";
  }
}
