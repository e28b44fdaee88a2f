package dev.nasrank.harness.groundtruth;

import dev.nasrank.benchbridge.ModelSpec;
import dev.nasrank.benchbridge.Op;
import dev.nasrank.harness.config.NetworkShape;

/**
 * Trainable parameter count of the NAS-Bench-101 network for a cell, computed from layer shapes
 * alone (no tensors). Counted as in the reference TensorFlow model: convolutions without bias
 * ({@code k*k*in*out}), every batch normalisation with a scale and an offset ({@code 2*c}; running
 * statistics are not trainable), the dense layer with bias. Comparable with NAS-Bench-101's {@code
 * trainable_parameters}.
 */
public final class ParameterCount {
  private ParameterCount() {}

  /** Parameters of the whole network for {@code spec} under {@code config}. */
  public static long network(ModelSpec spec, NetworkShape config) {
    long total = convBnRelu(3, 3, config.stemChannels());
    int in = config.stemChannels();
    for (int s = 0; s < config.stacks(); s++) {
      int out = config.stackChannels(s);
      for (int c = 0; c < config.cellsPerStack(); c++) {
        total += cell(spec, in, out);
        in = out;
      }
    }
    return total + (long) in * config.classes() + config.classes();
  }

  /** Parameters of one cell turning {@code in} channels into {@code out}. */
  public static long cell(ModelSpec spec, int in, int out) {
    int[] ch = VertexChannels.compute(spec, in, out);
    int last = spec.vertexCount() - 1;
    long total = 0;
    for (int v = 1; v < last; v++) {
      if (spec.hasEdge(0, v)) {
        total += convBnRelu(1, in, ch[v]);
      }
      Op op = spec.op(v);
      if (op == Op.CONV3X3) {
        total += convBnRelu(3, ch[v], ch[v]);
      } else if (op == Op.CONV1X1) {
        total += convBnRelu(1, ch[v], ch[v]);
      }
    }
    if (spec.hasEdge(0, last)) {
      total += convBnRelu(1, in, out);
    }
    return total;
  }

  private static long convBnRelu(int kernel, int in, int out) {
    return (long) kernel * kernel * in * out + 2L * out;
  }
}
