package dev.nasrank.harness.suite;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nasrank.harness.train.Checkpoint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Compares what a unit wrote in a run with what a rerun wrote: the per-epoch and per-step training
 * figures of {@code train.json}, the checkpoint, and the one-shot accuracies. Each method returns
 * the first difference in words, or empty when the two agree bit for bit.
 */
final class UnitComparison {

  private static final ObjectMapper JSON = new ObjectMapper();

  private UnitComparison() {}

  /**
   * The first epoch (and, where both files keep every step's loss, the first step) at which two
   * train.json files differ, comparing the first {@code epochs} epochs of each. Epochs and steps
   * are counted from 1.
   */
  static Optional<String> training(Path original, Path rerun, int epochs) throws IOException {
    JsonNode a = JSON.readTree(original.toFile()).path("epochs");
    JsonNode b = JSON.readTree(rerun.toFile()).path("epochs");
    if (a.size() < epochs) {
      return Optional.of(
          original + " records " + a.size() + " epochs, fewer than the " + epochs + " audited");
    }
    if (b.size() < epochs) {
      return Optional.of(
          "the rerun recorded " + b.size() + " epochs, fewer than the " + epochs + " audited");
    }
    for (int e = 0; e < epochs; e++) {
      JsonNode x = a.get(e);
      JsonNode y = b.get(e);
      Optional<String> steps = stepLosses(x.path("stepLosses"), y.path("stepLosses"), e);
      if (steps.isPresent()) {
        return steps;
      }
      for (String f : new String[] {"steps", "lr", "meanLoss", "accuracy"}) {
        double u = x.path(f).asDouble(Double.NaN);
        double v = y.path(f).asDouble(Double.NaN);
        if (Double.compare(u, v) != 0) {
          return Optional.of(
              String.format(
                  Locale.ROOT,
                  "training diverges in epoch %d: %s %s (run) vs %s (rerun), "
                      + "|difference| %.3g",
                  e + 1,
                  f,
                  x.path(f).asText(),
                  y.path(f).asText(),
                  Math.abs(u - v)));
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> stepLosses(JsonNode x, JsonNode y, int epoch) {
    if (!x.isArray() || !y.isArray()) {
      return Optional.empty();
    }
    for (int s = 0; s < Math.min(x.size(), y.size()); s++) {
      float u = (float) x.get(s).asDouble();
      float v = (float) y.get(s).asDouble();
      if (Float.compare(u, v) != 0) {
        return Optional.of(
            String.format(
                Locale.ROOT,
                "training diverges in epoch %d, step %d of %d: loss %s (run) "
                    + "vs %s (rerun), |difference| %.3g",
                epoch + 1,
                s + 1,
                x.size(),
                x.get(s).asText(),
                y.get(s).asText(),
                Math.abs(u - v)));
      }
    }
    return Optional.empty();
  }

  /**
   * How two checkpoints compare.
   *
   * @param difference how many parameter arrays differ and the largest absolute difference, or why
   *     the run's checkpoint cannot be read; null when every parameter array is bit-identical
   * @param note set when the files differ although every parameter array is bit-identical (another
   *     checkpoint format or header, e.g. a run written before format 2 recorded the training
   *     settings)
   */
  record CheckpointVerdict(String difference, String note) {}

  /** Compares two checkpoints: byte-identical files, else parameter array by parameter array. */
  static CheckpointVerdict checkpoints(Path original, Path rerun) throws IOException {
    if (Arrays.equals(Files.readAllBytes(original), Files.readAllBytes(rerun))) {
      return new CheckpointVerdict(null, null);
    }
    Map<String, float[]> a;
    try {
      a = parameters(original);
    } catch (IOException | RuntimeException e) {
      return new CheckpointVerdict(
          "checkpoint differs: the run's " + original + " cannot be read (" + e.getMessage() + ")",
          null);
    }
    Map<String, float[]> b = parameters(rerun);
    int differing = 0;
    double max = 0;
    String where = "";
    for (Map.Entry<String, float[]> e : a.entrySet()) {
      float[] x = e.getValue();
      float[] y = b.get(e.getKey());
      if (y == null || y.length != x.length) {
        return new CheckpointVerdict(
            "checkpoint differs: parameter " + e.getKey() + " is missing or has another " + "shape",
            null);
      }
      if (!Arrays.equals(x, y)) {
        differing++;
        for (int i = 0; i < x.length; i++) {
          double d = Math.abs((double) x[i] - y[i]);
          if (!(d <= max)) {
            max = d;
            where = e.getKey();
          }
        }
      }
    }
    if (differing == 0) {
      return new CheckpointVerdict(
          null,
          "the checkpoint files differ outside the parameters (format or header: "
              + "another checkpoint version), while all "
              + a.size()
              + " parameter arrays are bit-identical");
    }
    return new CheckpointVerdict(
        String.format(
            Locale.ROOT,
            "checkpoint differs: %d of %d parameter arrays, largest " + "|difference| %.3g in %s",
            differing,
            a.size(),
            max,
            where),
        null);
  }

  private static Map<String, float[]> parameters(Path checkpoint) throws IOException {
    Map<String, float[]> out = new TreeMap<>();
    try (NDManager m = NDManager.newBaseManager()) {
      for (Map.Entry<String, Parameter> e :
          Checkpoint.loadSupernet(checkpoint, m).namedParameters().entrySet()) {
        ByteBuffer bb =
            ByteBuffer.wrap(e.getValue().getArray().toByteArray()).order(ByteOrder.nativeOrder());
        float[] f = new float[bb.remaining() / Float.BYTES];
        bb.asFloatBuffer().get(f);
        out.put(e.getKey(), f);
      }
    }
    return out;
  }

  /**
   * Whether two sets of one-shot accuracies (key: calibrated flag and choice) are equal; if not,
   * how many rows differ or are missing and the largest absolute difference (accuracies are
   * fractions in [0,1]).
   */
  static Optional<String> candidates(Map<String, Double> original, Map<String, Double> rerun) {
    int missing = 0;
    int differing = 0;
    double max = 0;
    String where = "";
    for (Map.Entry<String, Double> e : original.entrySet()) {
      Double v = rerun.get(e.getKey());
      if (v == null) {
        missing++;
      } else if (Double.compare(e.getValue(), v) != 0) {
        differing++;
        double d = Math.abs(e.getValue() - v);
        if (d > max) {
          max = d;
          where = e.getKey();
        }
      }
    }
    int extra = (int) rerun.keySet().stream().filter(k -> !original.containsKey(k)).count();
    if (missing == 0 && differing == 0 && extra == 0) {
      return Optional.empty();
    }
    return Optional.of(
        String.format(
            Locale.ROOT,
            "candidates differ: %d of %d one-shot accuracies differ (largest "
                + "|difference| %.4g at %s), %d missing from the rerun, %d only in the rerun",
            differing,
            original.size(),
            max,
            where,
            missing,
            extra));
  }
}
