package dev.nasrank.harness.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nasrank.harness.candidates.Candidate;
import dev.nasrank.harness.manifest.ManifestIo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How many evaluation images each one-shot accuracy of a run was measured on: the smallest N for
 * which every accuracy in candidates.csv is a whole number of images out of N (an accuracy is
 * correct/N), and the budget run.json's configuration names ({@code profile.eval.batchSize} times
 * {@code profile.eval.maxEvalBatches}), which the validation split may cap.
 *
 * @param images N from the accuracies (0 when none up to {@value #MOST} fits)
 * @param budget run.json's evaluation budget in images (0 when absent or unlimited)
 */
record EvaluationImages(int images, int budget) {
  /** The largest N tried. */
  static final int MOST = 100_000;

  private static final double TOLERANCE = 1e-6;

  static EvaluationImages of(Path runJson, List<Candidate> candidates) {
    double[] acc = candidates.stream().mapToDouble(Candidate::oneShotAccuracy).distinct().toArray();
    int images = 0;
    for (int n = 1; n <= MOST && acc.length > 0; n++) {
      boolean fits = true;
      for (double a : acc) {
        double k = a * n;
        if (Math.abs(k - Math.rint(k)) > TOLERANCE) {
          fits = false;
          break;
        }
      }
      if (fits) {
        images = n;
        break;
      }
    }
    return new EvaluationImages(images, budget(runJson));
  }

  private static int budget(Path runJson) {
    if (!Files.isRegularFile(runJson)) {
      return 0;
    }
    JsonNode eval = ManifestIo.read(runJson).path("configuration").path("profile").path("eval");
    long b = eval.path("batchSize").asLong(0) * eval.path("maxEvalBatches").asLong(0);
    return b > 0 && b <= Integer.MAX_VALUE ? (int) b : 0;
  }

  /** E.g. {@code 512 evaluation images (run.json's budget: 512)}. */
  String text() {
    return (images == 0 ? "an unknown number of" : String.valueOf(images))
        + " evaluation images"
        + (budget > 0 ? " (run.json's budget: " + budget + ")" : "");
  }
}
