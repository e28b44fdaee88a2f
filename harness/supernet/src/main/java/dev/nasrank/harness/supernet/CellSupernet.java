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
import dev.nasrank.harness.space.CellSearchSpace;
import dev.nasrank.harness.space.Nb101Cell;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The {@link Supernet} over a NAS-Bench-101 cell space ({@link CellSearchSpace}), in
 * NAS-Bench-101's macro structure: stem conv3x3-bn-relu (3 to C), {@code stacks} stacks of {@code
 * cellsPerStack} {@link CellSupernetCell}s (a 2x2 max-pool and a doubling of the width before the
 * first cell of every stack after the first), global average pool, dense to the classes. Every
 * (vertex position, op) of every cell owns its weights; a sampled cell runs only its active
 * positions, so only {@link #pathParameters} receive gradients. Design: docs/cellnet.md.
 *
 * <p>Input {@code float32 (N, 3, 32, 32)}, output logits {@code (N, classes)}. Batch-major
 * evaluation shares the stem, the first cell's input projections and its vertex-1 outputs across
 * cells ({@link CellPrefix}).
 */
public final class CellSupernet extends CompositeBlock implements Supernet<Nb101Cell> {

  private final CellSupernetConfig config;
  private final ConvBnRelu stem;
  private final List<CellSupernetCell> cells = new ArrayList<>();
  private final boolean[] downsampleBefore;
  private final DenseLayer dense;

  /** Builds an uninitialised supernet; call {@link #initialize(NDManager)} before use. */
  public CellSupernet(CellSupernetConfig config) {
    this.config = config;
    CellInputSets sets = config.inputSets();
    int c = config.network().stemChannels();
    stem = addChildBlock("stem", new ConvBnRelu(3, c, 3));
    int total = config.network().stacks() * config.network().cellsPerStack();
    downsampleBefore = new boolean[total];
    int in = c;
    int idx = 0;
    for (int s = 0; s < config.network().stacks(); s++) {
      int out = config.network().stackChannels(s);
      for (int j = 0; j < config.network().cellsPerStack(); j++) {
        downsampleBefore[idx] = s > 0 && j == 0;
        cells.add(
            addChildBlock(
                "cell" + s + "_" + j, new CellSupernetCell(sets, config.bnStrategy(), in, out)));
        in = out;
        idx++;
      }
    }
    dense = addChildBlock("dense", new DenseLayer(in, config.network().classes()));
  }

  @Override
  public void initialize(NDManager manager) {
    initialize(manager, DataType.FLOAT32, new Shape(1, 3, 32, 32));
  }

  @Override
  public CellSupernetConfig config() {
    return config;
  }

  private void checkAccepts(Nb101Cell cell) {
    if (!config.space().contains(cell)) {
      throw new IllegalArgumentException(
          "cell " + cell.id() + " is outside this supernet's space " + config.space().id());
    }
  }

  @Override
  public NDArray logits(ParameterStore ps, NDArray x, Nb101Cell cell, boolean training) {
    checkAccepts(cell);
    NDArray h = stem.apply(ps, MemoryFormat.channelsLast(x), training);
    h = cells.get(0).apply(ps, h, cell, training);
    return afterFirstCell(ps, h, cell, training);
  }

  @Override
  public CellPrefix prefix(ParameterStore ps, NDArray x, boolean training) {
    return new CellPrefix(stem, cells.get(0), ps, x, training);
  }

  /**
   * Runs {@code cell} from a {@link CellPrefix}, in the prefix's mode: bit-identical to {@link
   * #logits(ParameterStore, NDArray, Nb101Cell, boolean)} on the prefix's batch.
   */
  @Override
  public NDArray logits(ParameterStore ps, SharedPrefix prefix, Nb101Cell cell, NDManager scope) {
    checkAccepts(cell);
    if (!(prefix instanceof CellPrefix p)) {
      throw new IllegalArgumentException(
          "a prefix of another supernet (" + prefix.getClass().getSimpleName() + ")");
    }
    int trie = CellSupernetCell.trieKey(cell.path());
    NDArray h =
        cells
            .get(0)
            .apply(
                ps,
                cell.path(),
                v -> p.projected(v, scope),
                o -> p.vertex1(o, scope),
                (v, compute) -> p.vertex(v, CellSupernetCell.prefixKey(trie, v), compute, scope),
                p.training());
    return afterFirstCell(ps, h, cell, p.training());
  }

  private NDArray afterFirstCell(
      ParameterStore ps, NDArray firstCellOutput, Nb101Cell cell, boolean training) {
    NDArray h = firstCellOutput;
    for (int i = 1; i < cells.size(); i++) {
      if (downsampleBefore[i]) {
        h = Pool.maxPool2d(h, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false);
      }
      h = cells.get(i).apply(ps, h, cell, training);
    }
    return dense.apply(ps, Pool.globalAvgPool2d(h), training);
  }

  /**
   * The cell's trie key (its inner positions' ops and input masks, position 1 first): every cell
   * can run on any prefix in any order, with the same results; sorted by this key (as the evaluator
   * does) cells that agree on their first positions are adjacent, and the prefix reuses those
   * positions' first-cell outputs in eval mode ({@link CellPrefix}).
   */
  @Override
  public int prefixGroup(Nb101Cell cell) {
    checkAccepts(cell);
    return CellSupernetCell.trieKey(cell.path());
  }

  /**
   * The stem's batch norm, then those of the first cell's input projections and vertex-1 op that
   * {@code cell} runs: their inputs do not depend on the cell.
   */
  @Override
  public List<RunningBatchNorm> prefixBatchNorms(Nb101Cell cell) {
    checkAccepts(cell);
    List<RunningBatchNorm> norms = new ArrayList<>();
    stem.collect(new ArrayList<>(), norms);
    cells.get(0).collectInputBatchNorms(cell.path(), norms);
    return norms;
  }

  @Override
  public List<Parameter> pathParameters(Nb101Cell cell) {
    List<Parameter> trainable = new ArrayList<>();
    collect(cell, trainable, new ArrayList<>());
    return trainable;
  }

  @Override
  public List<RunningBatchNorm> pathBatchNorms(Nb101Cell cell) {
    List<RunningBatchNorm> norms = new ArrayList<>();
    collect(cell, new ArrayList<>(), norms);
    return norms;
  }

  private void collect(Nb101Cell c, List<Parameter> trainable, List<RunningBatchNorm> norms) {
    checkAccepts(c);
    stem.collect(trainable, norms);
    for (CellSupernetCell cell : cells) {
      cell.collect(c.path(), trainable, norms);
    }
    dense.collect(trainable, norms);
  }

  /** The cells, in order. */
  public List<CellSupernetCell> cells() {
    return Collections.unmodifiableList(cells);
  }

  @Override
  public Map<String, Parameter> namedParameters() {
    return SupernetParameters.named(this);
  }

  @Override
  public long trainableParameterCount() {
    return SupernetParameters.trainableCount(this);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    Nb101Cell c = ChoiceParams.choice(params, Nb101Cell.class);
    return new NDList(logits(ps, inputs.singletonOrThrow(), c, training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), config.network().classes())};
  }
}
