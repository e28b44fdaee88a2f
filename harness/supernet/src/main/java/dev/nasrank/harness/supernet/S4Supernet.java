package dev.nasrank.harness.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.nasrank.harness.setting.Method;
import dev.nasrank.harness.space.S4Choice;
import dev.nasrank.harness.space.S4Space;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The {@link Supernet} over MixPath's S4 space, in NAS-Bench-101 macro structure: stem
 * conv3x3-bn-relu (3 to C), {@code stacks} stacks of {@code cellsPerStack} {@link S4Cell}s
 * (channels double at the first cell of every stack after the first, a 2x2 max-pool precedes it),
 * global average pool, dense to the classes.
 *
 * <p>Input {@code float32 (N, 3, 32, 32)}, output logits {@code (N, classes)}. The sampled
 * architecture is set with {@link #setChoice(S4Choice)} before {@code forward} (or passed as {@link
 * ChoiceParams#of(S4Choice)} params). Only the blocks of that choice run, so only the parameters in
 * {@link #pathParameters(S4Choice)} receive gradients.
 */
public final class S4Supernet extends CompositeBlock implements Supernet<S4Choice> {

  private final S4SupernetConfig config;
  private final S4Space space;
  private final ConvBnRelu stem;
  private final List<S4Cell> cells = new ArrayList<>();
  private final boolean[] downsampleBefore;
  private final DenseLayer dense;
  private S4Choice choice;

  /** Builds an uninitialised supernet; call {@link #initialize(NDManager)} before use. */
  public S4Supernet(S4SupernetConfig config) {
    this.config = config;
    this.space = config.space();
    int c = config.network().stemChannels();
    stem = addChildBlock("stem", new ConvBnRelu(3, c, 3));
    int total = config.network().stacks() * config.network().cellsPerStack();
    downsampleBefore = new boolean[total];
    int in = c;
    int idx = 0;
    for (int s = 0; s < config.network().stacks(); s++) {
      int out = c << s;
      for (int j = 0; j < config.network().cellsPerStack(); j++) {
        downsampleBefore[idx] = s > 0 && j == 0;
        cells.add(addChildBlock("cell" + s + "_" + j, new S4Cell(config, in, out)));
        in = out;
        idx++;
      }
    }
    dense = addChildBlock("dense", new DenseLayer(in, config.network().classes()));
  }

  /** Allocates and initialises every parameter on {@code manager}'s device (float32). */
  @Override
  public void initialize(NDManager manager) {
    initialize(manager, DataType.FLOAT32, new Shape(1, 3, 32, 32));
  }

  /** The configuration. */
  @Override
  public S4SupernetConfig config() {
    return config;
  }

  /**
   * Sets the architecture the next forward passes run.
   *
   * @throws IllegalArgumentException if this supernet cannot run it (too many paths, unreachable
   *     node subset)
   */
  public void setChoice(S4Choice choice) {
    checkAccepts(choice);
    this.choice = choice;
  }

  /** The architecture set by {@link #setChoice}, or null. */
  public S4Choice choice() {
    return choice;
  }

  private void checkAccepts(S4Choice c) {
    if (!space.contains(c)) {
      throw new IllegalArgumentException(
          "choice "
              + c
              + " is outside this supernet's space (m = "
              + config.maxPaths()
              + ", sampler "
              + config.samplerMode().cliName()
              + ")");
    }
  }

  /** Runs the network for {@code choice} on {@code x}; the logits are attached to x's manager. */
  @Override
  public NDArray logits(ParameterStore ps, NDArray x, S4Choice choice, boolean training) {
    checkAccepts(choice);
    NDArray h = stem.apply(ps, MemoryFormat.channelsLast(x), training);
    h = cells.get(0).apply(ps, h, choice, training);
    return afterFirstCell(ps, h, choice, training);
  }

  /**
   * The choice-independent start of the forward pass over {@code x}: the stem output and, computed
   * on first use, the first cell's candidate-op outputs. Close it when the batch is done.
   *
   * @param x images {@code (N, 3, 32, 32)}; the prefix's arrays live in a sub-manager of x's
   *     manager
   * @param training training mode: batch statistics, and the prefix's batch norms update their
   *     running statistics
   */
  @Override
  public S4Prefix prefix(ParameterStore ps, NDArray x, boolean training) {
    return new S4Prefix(
        stem,
        cells.get(0),
        config.method() == Method.SPOS ? config.maxPaths() : 1,
        ps,
        x,
        training);
  }

  /**
   * Runs the network for {@code choice} from a {@link S4Prefix}, in the prefix's mode:
   * bit-identical to {@link #logits(ParameterStore, NDArray, S4Choice, boolean)} on the prefix's
   * batch (the same kernels on the same values; only the stem and the first cell's op outputs are
   * borrowed instead of recomputed).
   *
   * @param scope every array the pass creates, the logits included, is attached to it; the borrowed
   *     prefix arrays return to the prefix when it closes
   */
  @Override
  public NDArray logits(ParameterStore ps, SharedPrefix prefix, S4Choice choice, NDManager scope) {
    checkAccepts(choice);
    if (!(prefix instanceof S4Prefix p)) {
      throw new IllegalArgumentException(
          "a prefix of another supernet (" + prefix.getClass().getSimpleName() + ")");
    }
    NDArray h = cells.get(0).apply(ps, p, choice, scope);
    return afterFirstCell(ps, h, choice, p.training());
  }

  private NDArray afterFirstCell(
      ParameterStore ps, NDArray firstCellOutput, S4Choice choice, boolean training) {
    NDArray h = firstCellOutput;
    for (int i = 1; i < cells.size(); i++) {
      if (downsampleBefore[i]) {
        h = Pool.maxPool2d(h, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false);
      }
      h = cells.get(i).apply(ps, h, choice, training);
    }
    return dense.apply(ps, Pool.globalAvgPool2d(h), training);
  }

  /**
   * Which op outputs of a {@link S4Prefix} {@code choice} uses: choices with the same group share
   * them (one group for MixPath; for SPOS the number of active paths minus one, since each path
   * count has its own copy of the nodes). Run the choices of one group together.
   */
  @Override
  public int prefixGroup(S4Choice choice) {
    checkAccepts(choice);
    return cells.get(0).copyOf(choice);
  }

  /**
   * The batch norms {@code choice} runs inside a {@link S4Prefix}: the stem's, then those of the
   * first cell's active candidate ops, in forward order. Their running statistics never depend on
   * the choice: their inputs do not, and BN post-calibration resets and recomputes them from the
   * same batches for every choice.
   */
  @Override
  public List<RunningBatchNorm> prefixBatchNorms(S4Choice choice) {
    checkAccepts(choice);
    List<RunningBatchNorm> norms = new ArrayList<>();
    stem.collect(new ArrayList<>(), norms);
    cells.get(0).collectNodeBatchNorms(choice, norms);
    return norms;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    S4Choice c =
        params != null && params.contains(ChoiceParams.CHOICE)
            ? ChoiceParams.choice(params, S4Choice.class)
            : choice;
    if (c == null) {
      throw new IllegalStateException(
          "no architecture chosen: call setChoice(choice) before forward");
    }
    return new NDList(logits(ps, inputs.singletonOrThrow(), c, training));
  }

  /**
   * The trainable parameters (weights, biases, BN gamma/beta) that {@code choice} uses, in forward
   * order.
   */
  @Override
  public List<Parameter> pathParameters(S4Choice choice) {
    List<Parameter> trainable = new ArrayList<>();
    collect(choice, trainable, new ArrayList<>());
    return trainable;
  }

  /** The batch norms that {@code choice} runs, in forward order. */
  @Override
  public List<RunningBatchNorm> pathBatchNorms(S4Choice choice) {
    List<RunningBatchNorm> norms = new ArrayList<>();
    collect(choice, new ArrayList<>(), norms);
    return norms;
  }

  private void collect(S4Choice c, List<Parameter> trainable, List<RunningBatchNorm> norms) {
    checkAccepts(c);
    stem.collect(trainable, norms);
    for (S4Cell cell : cells) {
      cell.collect(c, trainable, norms);
    }
    dense.collect(trainable, norms);
  }

  /** The cells, in order. */
  public List<S4Cell> cells() {
    return Collections.unmodifiableList(cells);
  }

  /**
   * Every parameter by its stable hierarchical name (e.g. {@code 02cell0_0_01n1_...}), in block
   * order, running statistics included.
   */
  @Override
  public Map<String, Parameter> namedParameters() {
    return SupernetParameters.named(this);
  }

  /**
   * Number of trainable scalars: the sum of all parameter sizes, BN running statistics excluded.
   */
  @Override
  public long trainableParameterCount() {
    return SupernetParameters.trainableCount(this);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), config.network().classes())};
  }
}
