package dev.nasrank.harness.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.nasrank.harness.space.S4Choice;
import java.util.List;

/**
 * An S4 cell: the active choice nodes run on the cell input in parallel, their outputs are summed (scaled if the
 * strategy says so), a 1x1 conv with bias maps the sum, the {@link SumNormalization} normalises it, and a ReLU
 * follows. For {@link Method#SPOS} the cell holds one copy of the four nodes per number of active paths and a
 * choice with k active nodes runs copy k.
 */
public final class S4Cell extends CompositeBlock {

  private final Method method;
  private final int in;
  private final int out;
  private final ChoiceNode[][] nodes;
  private final ConvLayer fixed;
  private final SumNormalization norm;

  /**
   * @param config supernet configuration (method, strategy, m)
   * @param in input channels
   * @param out output channels
   */
  public S4Cell(SupernetConfig config, int in, int out) {
    this.method = config.method();
    this.in = in;
    this.out = out;
    int copies = method == Method.SPOS ? config.maxPaths() : 1;
    nodes = new ChoiceNode[copies][S4Choice.NODES];
    for (int c = 0; c < copies; c++) {
      for (int n = 0; n < S4Choice.NODES; n++) {
        String name = (method == Method.SPOS ? "k" + (c + 1) + "_" : "") + "n" + (n + 1);
        nodes[c][n] = addChildBlock(name, new ChoiceNode(in, out));
      }
    }
    fixed = addChildBlock("conv1x1", new ConvLayer(out, out, 1, true));
    norm = addChildBlock("sumnorm", SumNormalization.create(config.bnStrategy(), out, config));
  }

  private int copyOf(S4Choice choice) {
    int copy = method == Method.SPOS ? choice.activePaths() - 1 : 0;
    if (copy >= nodes.length) {
      throw new IllegalArgumentException("choice " + choice + " has " + choice.activePaths()
          + " active paths, supernet built for at most " + nodes.length);
    }
    return copy;
  }

  NDArray apply(ParameterStore ps, NDArray x, S4Choice choice, boolean training) {
    ChoiceNode[] copy = nodes[copyOf(choice)];
    NDArray sum = null;
    for (int n : choice.activeNodes()) {
      NDArray y = copy[n].apply(ps, x, choice.opIndex(n), training);
      sum = sum == null ? y : sum.add(y);
    }
    float scale = norm.inputScale(choice);
    if (scale != 1f) {
      sum = sum.mul(scale);
    }
    return Activation.relu(norm.apply(ps, fixed.apply(ps, sum, training), choice, training));
  }

  void collect(S4Choice choice, List<Parameter> trainable, List<RunningBatchNorm> norms) {
    ChoiceNode[] copy = nodes[copyOf(choice)];
    for (int n : choice.activeNodes()) {
      copy[n].collect(choice.opIndex(n), trainable, norms);
    }
    fixed.collect(trainable);
    norm.collect(choice, trainable, norms);
  }

  /** The cell's normalisation block. */
  public SumNormalization sumNormalization() {
    return norm;
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
      PairList<String, Object> params) {
    return new NDList(apply(ps, inputs.singletonOrThrow(), ChoiceParams.choice(params), training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape s = inputShapes[0];
    return new Shape[] {new Shape(s.get(0), out, s.get(2), s.get(3))};
  }

  @Override
  public String toString() {
    return "S4Cell(" + in + "->" + out + ", " + method.cliName() + ", " + norm.strategy().cliName() + ")";
  }
}
