package dev.nasrank.harness.report.stats;

import java.util.stream.IntStream;

/**
 * One resample of a {@link StudyData}, shared by every setting: which seeds and architectures enter
 * (indices, with repetition), and the ground truth each architecture gets in this resample.
 *
 * @param seeds indices into {@link StudyData#seeds()}
 * @param architectures indices into {@link StudyData#architectures()}
 * @param truth per architecture (indexed like {@link StudyData#architectures()}): the mean
 *     validation accuracy (fraction) over the repeats drawn for it
 */
public record Draw(int[] seeds, int[] architectures, double[] truth) {

  /** The data as observed: every seed and architecture once, ground truth = mean of all repeats. */
  public static Draw identity(StudyData data) {
    double[] truth = new double[data.architectures().size()];
    for (int a = 0; a < truth.length; a++) {
      double sum = 0;
      for (int r = 0; r < data.repeats(a); r++) {
        sum += data.repeat(a, r);
      }
      truth[a] = sum / data.repeats(a);
    }
    return new Draw(
        IntStream.range(0, data.seeds().length).toArray(),
        IntStream.range(0, truth.length).toArray(),
        truth);
  }
}
