package dev.nasrank.benchbridge;

/**
 * Trainable parameters and FLOPs of the network NAS-Bench-101 builds for a cell (Ying et al. 2019,
 * section 2.1; google-research/nasbench {@code lib/model_builder.py}), computed from layer shapes
 * alone. The network: a stem conv3x3-BN-ReLU, {@code stacks} stacks of {@code cellsPerStack} cells
 * with a 2x2 stride-2 max-pool and a doubling of the channels before every stack but the first,
 * global average pooling and a dense layer. In a cell (channel widths from {@link VertexChannels})
 * every edge from the cell input gets its own 1x1 conv-BN-ReLU projection to the receiving vertex's
 * width (the output's too, for an input-to-output edge), a conv vertex is a conv-BN-ReLU, a
 * maxpool3x3 vertex has no parameters.
 *
 * <p><b>Parameters</b> are counted as NAS-Bench-101's {@code trainable_parameters}: convolutions
 * without bias ({@code k*k*in*out}), a scale and an offset per batch-norm channel (running
 * statistics are not trainable), the dense layer with its bias. They equal the published count for
 * all 20,001 cells of the 20k dump.
 *
 * <p><b>FLOPs</b> are counted as NASLib's {@code naslib_zc_nasbench101_500.json} counts them
 * (tensorwatch's per-module rules on a 1x3xSxS input, S the image size): {@code k*k*in*out} per
 * output pixel for every convolution (one multiply-add counts one), {@code 2*c} per pixel for every
 * batch norm, {@code c} per pixel for every ReLU, {@code 9*c} per output pixel for a maxpool3x3
 * vertex and {@code 4*c} per output pixel for a 2x2 stack pool, {@code in*classes} for the dense
 * layer; additions, concatenation, channel truncation and the global average pooling count nothing.
 * This reproduces the file's {@code flops} (MFLOPs) exactly for all its 500 rows.
 *
 * <p>Both depend on the cell's vertex order (the first vertices feeding the output get the leftover
 * channels): for a NAS-Bench-101 cell use the matrix NAS-Bench-101 stores, which is the one {@link
 * SearchSpace} and the data files hold.
 *
 * @param parameters trainable parameters
 * @param flops FLOPs of one forward pass of one image, as above
 */
public record NetworkCost(long parameters, long flops) {

  /**
   * The macro skeleton the costs are computed for.
   *
   * @param stemChannels filters of the stem, also the output channels of the first stack's cells
   * @param stacks number of stacks (at least 1; the image halves between stacks)
   * @param cellsPerStack cells per stack (at least 1)
   * @param classes outputs of the dense layer (at least 1)
   * @param imageSize side of the square input image in pixels (3 channels)
   */
  public record Shape(int stemChannels, int stacks, int cellsPerStack, int classes, int imageSize) {

    /** NAS-Bench-101's networks: C = 128, 3 stacks x 3 cells, 10 classes, 32x32 CIFAR-10 images. */
    public static final Shape NASBENCH101 = new Shape(128, 3, 3, 10, 32);

    /** Validates the ranges; names the bad value. */
    public Shape {
      if (stemChannels < 1 || stacks < 1 || cellsPerStack < 1 || classes < 1) {
        throw new IllegalArgumentException(
            "stem channels, stacks, cells per stack and classes must be >= 1, got "
                + stemChannels
                + ", "
                + stacks
                + ", "
                + cellsPerStack
                + ", "
                + classes);
      }
      if (imageSize < 1 || stacks > 30 || imageSize >> (stacks - 1) < 1) {
        throw new IllegalArgumentException(
            "a " + imageSize + "-pixel image cannot be halved between " + stacks + " stacks");
      }
    }
  }

  /** The costs of NAS-Bench-101's network ({@link Shape#NASBENCH101}) for a valid, pruned cell. */
  public static NetworkCost of(ModelSpec spec) {
    return of(spec, Shape.NASBENCH101);
  }

  /**
   * The costs of the network of {@code shape} for a valid, pruned cell.
   *
   * @throws IllegalArgumentException if the spec is invalid or a stack has fewer channels than
   *     vertices feeding the output
   */
  public static NetworkCost of(ModelSpec spec, Shape shape) {
    Counter c = new Counter();
    int side = shape.imageSize();
    c.convBnRelu(3, 3, shape.stemChannels(), (long) side * side);
    int in = shape.stemChannels();
    for (int s = 0; s < shape.stacks(); s++) {
      if (s > 0) {
        side /= 2;
        c.flops += 4L * in * side * side;
      }
      int out = shape.stemChannels() << s;
      for (int k = 0; k < shape.cellsPerStack(); k++) {
        c.cell(spec, in, out, (long) side * side);
        in = out;
      }
    }
    c.parameters += (long) in * shape.classes() + shape.classes();
    c.flops += (long) in * shape.classes();
    return new NetworkCost(c.parameters, c.flops);
  }

  /** Trainable parameters of one cell turning {@code in} channels into {@code out}. */
  public static long cellParameters(ModelSpec spec, int in, int out) {
    Counter c = new Counter();
    c.cell(spec, in, out, 1);
    return c.parameters;
  }

  /** FLOPs in millions, the unit of NASLib's {@code flops} field. */
  public double megaFlops() {
    return flops / 1e6;
  }

  /** Running sums of one network. */
  private static final class Counter {
    long parameters;
    long flops;

    void convBnRelu(int kernel, int in, int out, long pixels) {
      parameters += (long) kernel * kernel * in * out + 2L * out;
      flops += ((long) kernel * kernel * in * out + 3L * out) * pixels;
    }

    void cell(ModelSpec spec, int in, int out, long pixels) {
      int[] ch = VertexChannels.compute(spec, in, out);
      int last = spec.vertexCount() - 1;
      for (int v = 1; v < last; v++) {
        if (spec.hasEdge(0, v)) {
          convBnRelu(1, in, ch[v], pixels);
        }
        switch (spec.op(v)) {
          case CONV3X3 -> convBnRelu(3, ch[v], ch[v], pixels);
          case CONV1X1 -> convBnRelu(1, ch[v], ch[v], pixels);
          case MAXPOOL3X3 -> flops += 9L * ch[v] * pixels;
          default ->
              throw new IllegalArgumentException(
                  "vertex " + v + " has operation " + spec.op(v) + ", expected an inner operation");
        }
      }
      if (spec.hasEdge(0, last)) {
        convBnRelu(1, in, out, pixels);
      }
    }
  }
}
