package dev.nasrank.harness.groundtruth;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import dev.nasrank.benchbridge.ModelSpec;
import dev.nasrank.harness.config.NetworkShape;
import dev.nasrank.harness.supernet.MemoryFormat;

/**
 * Builds the NAS-Bench-101 network for a cell (Ying et al. 2019, section 2.1; reference {@code
 * build_model_fn} of google-research/nasbench): stem conv3x3-BN-ReLU with {@code stemChannels}
 * filters, then per stack (a 2x2 stride-2 max-pool and a doubling of the channels before every
 * stack but the first) {@code cellsPerStack} cells, global average pooling and a dense layer with
 * bias. Input NCHW {@code (N, 3, H, W)}, output logits {@code (N, classes)}; the activations in
 * between are stored channels-last (still indexed NCHW).
 */
public final class Nb101Network {
  private Nb101Network() {}

  /**
   * The network block (uninitialised).
   *
   * @param spec a valid, pruned cell
   * @param config macro skeleton
   * @param bnMomentum batch-norm momentum ({@code running = m * running + (1 - m) * batch}; NB101:
   *     0.997)
   */
  public static Block build(ModelSpec spec, NetworkShape config, float bnMomentum) {
    SequentialBlock net = new SequentialBlock();
    // Channels-last memory from the first layer on: 1.4-1.6x faster training on CPU
    // (docs/groundtruth.md).
    net.add(
        new LambdaBlock(
            x -> new NDList(MemoryFormat.channelsLast(x.singletonOrThrow())), "channels_last"));
    net.add(Layers.convBnRelu(3, config.stemChannels(), bnMomentum));
    for (int s = 0; s < config.stacks(); s++) {
      if (s > 0) {
        net.add(Layers.downsample());
      }
      for (int c = 0; c < config.cellsPerStack(); c++) {
        net.add(new Nb101Cell(spec, config.stackChannels(s), bnMomentum));
      }
    }
    net.add(Pool.globalAvgPool2dBlock());
    net.add(Blocks.batchFlattenBlock());
    net.add(Linear.builder().setUnits(config.classes()).build());
    return net;
  }
}
