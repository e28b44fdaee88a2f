package dev.nasrank.harness.groundtruth;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.nasrank.benchbridge.ModelSpec;
import dev.nasrank.benchbridge.Op;
import dev.nasrank.benchbridge.VertexChannels;
import java.util.ArrayList;
import java.util.List;

/**
 * One NAS-Bench-101 cell (Ying et al. 2019, section 2.1; reference {@code build_module} of
 * google-research/nasbench {@code lib/model_builder.py}), input and output in NCHW layout.
 *
 * <p>Vertex channels follow {@link VertexChannels}. Each interior vertex sums its inputs: the cell
 * input through its own 1x1 projection (conv1x1 + BN + ReLU) to the vertex's channels, and earlier
 * interior vertices truncated to the vertex's channels (their first channels). It then applies its
 * operation. The output vertex concatenates, in vertex order, the interior vertices that feed it; a
 * direct input-to-output edge adds a 1x1 projection of the input to the output channels (or is the
 * whole output when no interior vertex feeds the output).
 */
public final class Nb101Cell extends AbstractBlock {

  private final ModelSpec spec;
  private final int outputChannels;
  private final float bnMomentum;
  private int[] channels;
  private final Block[] projections;
  private final Block[] ops;
  private Block outputProjection;

  /**
   * Creates the cell; its channel counts are fixed at initialisation, when the input channels are
   * known.
   *
   * @param spec a valid, pruned cell
   * @param outputChannels channels of the cell output
   * @param bnMomentum batch-norm momentum, see {@link Layers#convBnRelu}
   */
  public Nb101Cell(ModelSpec spec, int outputChannels, float bnMomentum) {
    if (!spec.isValid()) {
      throw new IllegalArgumentException(
          "cannot build an invalid spec (its input does not reach its output)");
    }
    this.spec = spec;
    this.outputChannels = outputChannels;
    this.bnMomentum = bnMomentum;
    int n = spec.vertexCount();
    this.projections = new Block[n];
    this.ops = new Block[n];
  }

  private void createChildren(int inputChannels) {
    if (channels != null) {
      return;
    }
    channels = VertexChannels.compute(spec, inputChannels, outputChannels);
    int last = spec.vertexCount() - 1;
    for (int v = 1; v < last; v++) {
      if (spec.hasEdge(0, v)) {
        projections[v] =
            addChildBlock("v" + v + "_projection", Layers.convBnRelu(1, channels[v], bnMomentum));
      }
      Op op = spec.op(v);
      Block block =
          switch (op) {
            case CONV3X3 -> Layers.convBnRelu(3, channels[v], bnMomentum);
            case CONV1X1 -> Layers.convBnRelu(1, channels[v], bnMomentum);
            case MAXPOOL3X3 -> Layers.maxPool3x3();
            default ->
                throw new IllegalArgumentException(
                    "vertex " + v + " has operation " + op + ", expected an inner operation");
          };
      ops[v] = addChildBlock("v" + v + "_" + op.nasbenchName(), block);
    }
    if (spec.hasEdge(0, last)) {
      outputProjection =
          addChildBlock("output_projection", Layers.convBnRelu(1, outputChannels, bnMomentum));
    }
  }

  @Override
  protected void beforeInitialize(Shape... inputShapes) {
    super.beforeInitialize(inputShapes);
    createChildren((int) inputShapes[0].get(1));
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape in = inputShapes[0];
    int last = spec.vertexCount() - 1;
    for (int v = 1; v < last; v++) {
      if (projections[v] != null) {
        projections[v].initialize(manager, dataType, in);
      }
      ops[v].initialize(manager, dataType, new Shape(in.get(0), channels[v], in.get(2), in.get(3)));
    }
    if (outputProjection != null) {
      outputProjection.initialize(manager, dataType, in);
    }
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape in = inputShapes[0];
    return new Shape[] {new Shape(in.get(0), outputChannels, in.get(2), in.get(3))};
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray input = inputs.singletonOrThrow();
    int last = spec.vertexCount() - 1;
    NDArray[] values = new NDArray[last];
    values[0] = input;
    List<NDArray> concat = new ArrayList<>();
    for (int v = 1; v < last; v++) {
      NDArray sum = null;
      for (int u = 1; u < v; u++) {
        if (spec.hasEdge(u, v)) {
          sum = add(sum, truncate(values[u], channels[v]));
        }
      }
      if (projections[v] != null) {
        sum =
            add(sum, projections[v].forward(store, new NDList(input), training).singletonOrThrow());
      }
      values[v] = ops[v].forward(store, new NDList(sum), training).singletonOrThrow();
      if (spec.hasEdge(v, last)) {
        concat.add(values[v]);
      }
    }
    NDArray projected =
        outputProjection == null
            ? null
            : outputProjection.forward(store, new NDList(input), training).singletonOrThrow();
    if (concat.isEmpty()) {
      return new NDList(projected);
    }
    NDArray out = concat.size() == 1 ? concat.get(0) : NDArrays.concat(new NDList(concat), 1);
    return new NDList(projected == null ? out : out.add(projected));
  }

  private static NDArray add(NDArray sum, NDArray x) {
    return sum == null ? x : sum.add(x);
  }

  private static NDArray truncate(NDArray x, int channels) {
    long have = x.getShape().get(1);
    return have == channels ? x : x.get(new NDIndex(":, :{}", channels));
  }
}
