package dev.nasrank.harness.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** Memory-layout conversion shared by the supernet and the NAS-Bench-101 ground-truth network. */
public final class MemoryFormat {
  private MemoryFormat() {}

  /**
   * The same values as {@code x (N, C, H, W)} stored channels-last (NHWC strides, still indexed
   * NCHW). Torch's convolution (oneDNN), batch norm, ReLU, add and max-pool keep that layout, so
   * the whole network runs channels-last: oneDNN needs no per-call reorders and max-pool and batch
   * norm use their vectorised channels-last kernels (the NCHW max-pool kernel is scalar and took
   * about a third of the forward pass). Only the memory order changes; values are the same up to
   * float summation order.
   */
  public static NDArray channelsLast(NDArray x) {
    Shape s = x.getShape();
    long n = s.get(0);
    long c = s.get(1);
    long h = s.get(2);
    long w = s.get(3);
    // The permuted view cannot be flattened without a copy, so reshape materialises NHWC memory.
    return x.transpose(0, 2, 3, 1).reshape(n * h * w, c).reshape(n, h, w, c).transpose(0, 3, 1, 2);
  }
}
