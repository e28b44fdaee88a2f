package dev.nasrank.harness.report.diagnostics;

import java.util.List;

/**
 * Cosine similarities and magnitudes of feature vectors, e.g. the flattened outputs of the
 * candidate ops of one choice node on a fixed batch (MixPath's observation: they are nearly
 * parallel), or of summed multi-path features. Pure arithmetic in double precision; the supernet
 * side flattens the tensors.
 *
 * @param labels one label per vector (e.g. {@code n1:conv3x3})
 * @param cosine {@code cosine[i][j]} = cos angle between vectors i and j, in [-1,1] (NaN if one is
 *     zero)
 * @param magnitudes L2 norm of each vector
 */
public record FeatureSimilarity(List<String> labels, double[][] cosine, double[] magnitudes) {

  /** Computes the matrix and the magnitudes; all vectors must have the same, non-zero length. */
  public static FeatureSimilarity of(List<String> labels, List<float[]> vectors) {
    if (labels.size() != vectors.size()) {
      throw new IllegalArgumentException(
          labels.size() + " labels for " + vectors.size() + " vectors");
    }
    int n = vectors.size();
    for (int i = 0; i < n; i++) {
      if (vectors.get(i).length == 0 || vectors.get(i).length != vectors.get(0).length) {
        throw new IllegalArgumentException(
            "vector '"
                + labels.get(i)
                + "' has length "
                + vectors.get(i).length
                + ", expected "
                + vectors.get(0).length
                + " (> 0)");
      }
    }
    double[] norms = new double[n];
    for (int i = 0; i < n; i++) {
      norms[i] = Math.sqrt(dot(vectors.get(i), vectors.get(i)));
    }
    double[][] cos = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++) {
        double c =
            norms[i] == 0 || norms[j] == 0
                ? Double.NaN
                : dot(vectors.get(i), vectors.get(j)) / (norms[i] * norms[j]);
        cos[i][j] = c;
        cos[j][i] = c;
      }
    }
    return new FeatureSimilarity(List.copyOf(labels), cos, norms);
  }

  /** Element-wise sum of vectors (a multi-path feature before normalisation). */
  public static float[] sum(List<float[]> vectors) {
    float[] out = new float[vectors.get(0).length];
    for (float[] v : vectors) {
      if (v.length != out.length) {
        throw new IllegalArgumentException(
            "vector length " + v.length + " differs from " + out.length);
      }
      for (int i = 0; i < v.length; i++) {
        out[i] += v[i];
      }
    }
    return out;
  }

  static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (double) a[i] * b[i];
    }
    return s;
  }
}
