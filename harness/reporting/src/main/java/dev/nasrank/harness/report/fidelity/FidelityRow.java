package dev.nasrank.harness.report.fidelity;

/**
 * One cell of a fidelity study. Accuracies are fractions in [0,1], each the mean over the source's
 * repeats of the final validation accuracy at the named budget (the nasbench-vis dumps hold one
 * repeat).
 *
 * @param hash NAS-Bench-101 module hash
 * @param ours our ground truth's accuracy (its own budget, e.g. 12 epochs of the S4-mini protocol)
 * @param oursRepeats repeats behind {@code ours}
 * @param nb101Short NAS-Bench-101's accuracy at the short budget (12 epochs)
 * @param nb101Final NAS-Bench-101's accuracy at the final budget (108 epochs)
 * @param ourParameters trainable parameters we count for the NAS-Bench-101 network (C = 128, 3 x 3
 *     cells)
 * @param nb101Parameters NAS-Bench-101's recorded trainable parameters
 */
public record FidelityRow(
    String hash,
    double ours,
    int oursRepeats,
    double nb101Short,
    double nb101Final,
    long ourParameters,
    long nb101Parameters) {

  /** True if the two parameter counts agree exactly. */
  public boolean parametersMatch() {
    return ourParameters == nb101Parameters;
  }
}
