package dev.nasrank.harness.space;

/** How {@link S4Sampler} picks the active nodes. */
public enum SamplerMode {
  /** m' distinct nodes drawn uniformly from all four nodes (the default). */
  CORRECTED,
  /**
   * m' distinct nodes drawn from the first m nodes only, replicating the reference code's defect
   * (with m &lt; 4 the last 4 - m nodes are never trained).
   */
  REFERENCE
}
