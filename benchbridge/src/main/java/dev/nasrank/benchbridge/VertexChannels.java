package dev.nasrank.benchbridge;

/**
 * Channel count of every vertex of a NAS-Bench-101 cell, following the rule of the reference model
 * builder ({@code compute_vertex_channels} in google-research/nasbench {@code
 * lib/model_builder.py}, described in Ying et al. 2019, section 2.1).
 *
 * <p>The output channels are split as evenly as possible among the interior vertices that feed the
 * output (a direct input-to-output edge does not count): each gets {@code out / k}, and the first
 * {@code out % k} of them, in vertex order, one more. Every other interior vertex gets the largest
 * channel count among its interior successors, assigned from the last vertex backwards. The input
 * vertex keeps the cell's input channels.
 */
public final class VertexChannels {
  private VertexChannels() {}

  /**
   * Computes the vertex channel counts.
   *
   * @param spec a valid, pruned cell
   * @param inputChannels channels of the cell input
   * @param outputChannels channels of the cell output
   * @return one count per vertex of {@code spec}, input first, output last
   * @throws IllegalArgumentException if the spec is invalid or the output channels cannot be split
   *     (fewer channels than vertices feeding the output)
   */
  public static int[] compute(ModelSpec spec, int inputChannels, int outputChannels) {
    if (!spec.isValid()) {
      throw new IllegalArgumentException(
          "cannot build an invalid spec (its input does not reach its output)");
    }
    int n = spec.vertexCount();
    int out = n - 1;
    int[] channels = new int[n];
    channels[0] = inputChannels;
    channels[out] = outputChannels;
    if (n == 2) {
      return channels;
    }
    int fanIn = 0;
    for (int v = 1; v < out; v++) {
      fanIn += spec.hasEdge(v, out) ? 1 : 0;
    }
    if (fanIn > outputChannels) {
      throw new IllegalArgumentException(
          "cannot split "
              + outputChannels
              + " output channels among "
              + fanIn
              + " vertices feeding the output");
    }
    int share = outputChannels / fanIn;
    int extra = outputChannels % fanIn;
    for (int v = 1; v < out; v++) {
      if (spec.hasEdge(v, out)) {
        channels[v] = share + (extra > 0 ? 1 : 0);
        extra = Math.max(0, extra - 1);
      }
    }
    for (int v = out - 2; v > 0; v--) {
      if (!spec.hasEdge(v, out)) {
        for (int w = v + 1; w < out; w++) {
          if (spec.hasEdge(v, w)) {
            channels[v] = Math.max(channels[v], channels[w]);
          }
        }
      }
    }
    for (int v = 1; v < out; v++) {
      for (int w = v + 1; w < out; w++) {
        if (spec.hasEdge(v, w) && channels[v] < channels[w]) {
          throw new IllegalStateException(
              "vertex "
                  + v
                  + " has "
                  + channels[v]
                  + " channels but feeds vertex "
                  + w
                  + " with "
                  + channels[w]);
        }
      }
    }
    return channels;
  }
}
