package dev.nasrank.harness.suite;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.dataset.Batch;
import dev.nasrank.datasets.BatchSource;
import dev.nasrank.harness.report.diagnostics.DiagnosticsFile;
import dev.nasrank.harness.report.diagnostics.FeatureSimilarity;
import dev.nasrank.harness.report.diagnostics.SbnStatistics;
import dev.nasrank.harness.setting.BnStrategy;
import dev.nasrank.harness.supernet.RunningBatchNorm;
import dev.nasrank.harness.supernet.S4Cell;
import dev.nasrank.harness.supernet.S4Supernet;
import dev.nasrank.harness.train.Checkpoint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Feature diagnostics of a trained supernet (MixPath, section 3), from its checkpoint and a fixed
 * batch (the first validation batch, no augmentation), in eval mode with the trained BN statistics:
 *
 * <ul>
 *   <li>the outputs of the three candidate ops of node n1 of the first cell (cosine matrix, L2
 *       magnitudes);
 *   <li>the summed multi-path features n1, n1+n2, n1+n2+n3, n1+..+n4 of the first cell with every
 *       node running conv3x3 (before the cell's 1x1 conv and sum normalisation; SPOS uses its copy
 *       for k paths);
 *   <li>for Shadow-BN strategies, every sum-normalisation BN of every cell: running mean/var,
 *       gamma, beta.
 * </ul>
 */
public final class DiagnosticsExtractor {
  private static final String[] OPS = {"conv1x1-bn-relu", "conv3x3-bn-relu", "maxpool3x3"};

  private DiagnosticsExtractor() {}

  /**
   * Extracts the diagnostics of one supernet.
   *
   * @param checkpoint the trained supernet
   * @param label prefix of every measurement name (the unit id)
   * @param fixedBatch source of the fixed batch: its first batch of epoch 0 is used
   */
  public static DiagnosticsFile extract(Path checkpoint, String label, BatchSource fixedBatch)
      throws IOException {
    try (NDManager manager = NDManager.newBaseManager()) {
      if (!(Checkpoint.loadSupernet(checkpoint, manager) instanceof S4Supernet net)) {
        throw new IllegalArgumentException(
            checkpoint
                + ": the diagnostics (candidate-op and sum-BN statistics) are defined for S4"
                + " supernets only");
      }
      ParameterStore ps = new ParameterStore(manager, false);
      List<DiagnosticsFile.NamedSimilarity> features = new ArrayList<>();
      Iterator<Batch> it = fixedBatch.epoch(manager, 0);
      try (Batch batch = it.next();
          NDManager sub = manager.newSubManager()) {
        NDArray x = batch.getData().head();
        NDArray h = child(net, "stem").forward(ps, new NDList(x), false).head();
        S4Cell cell = net.cells().get(0);
        boolean spos = net.config().method() == dev.nasrank.harness.setting.Method.SPOS;
        // candidate ops of node n1
        Block n1 = child(cell, spos ? "k1_n1" : "n1");
        List<float[]> opOut = new ArrayList<>();
        List<String> opLabels = new ArrayList<>();
        for (String op : OPS) {
          opOut.add(child(n1, op).forward(ps, new NDList(h), false).head().toFloatArray());
          opLabels.add(op);
        }
        features.add(
            new DiagnosticsFile.NamedSimilarity(
                label + ": cell 1, node n1, candidate ops", FeatureSimilarity.of(opLabels, opOut)));
        // summed multi-path features with k = 1..m conv3x3 nodes
        int m = net.config().maxPaths();
        List<float[]> sums = new ArrayList<>();
        List<String> sumLabels = new ArrayList<>();
        for (int k = 1; k <= m; k++) {
          List<float[]> parts = new ArrayList<>();
          StringBuilder name = new StringBuilder();
          for (int n = 1; n <= k; n++) {
            Block node = child(cell, (spos ? "k" + k + "_" : "") + "n" + n);
            parts.add(child(node, OPS[1]).forward(ps, new NDList(h), false).head().toFloatArray());
            name.append(n == 1 ? "" : "+").append("n").append(n);
          }
          sums.add(FeatureSimilarity.sum(parts));
          sumLabels.add(name + " (k=" + k + ")");
        }
        if (sums.size() > 1) {
          features.add(
              new DiagnosticsFile.NamedSimilarity(
                  label + ": cell 1, summed conv3x3 paths", FeatureSimilarity.of(sumLabels, sums)));
        }
      }
      List<DiagnosticsFile.SbnLayer> sbn = new ArrayList<>();
      BnStrategy strategy = net.config().bnStrategy();
      if (strategy == BnStrategy.LINEAR_SBN || strategy == BnStrategy.EXPONENTIAL_SBN) {
        for (int c = 0; c < net.cells().size(); c++) {
          List<SbnStatistics.Bn> bns = new ArrayList<>();
          for (ai.djl.util.Pair<String, Block> e :
              net.cells().get(c).sumNormalization().getChildren()) {
            if (e.getValue() instanceof RunningBatchNorm bn) {
              String name = e.getKey().replaceFirst("^\\d+", "");
              bns.add(
                  new SbnStatistics.Bn(
                      name,
                      activePaths(name),
                      doubles(bn.runningMean()),
                      doubles(bn.runningVar()),
                      doubles(param(bn, "gamma")),
                      doubles(param(bn, "beta"))));
            }
          }
          sbn.add(new DiagnosticsFile.SbnLayer(label + ": cell " + (c + 1) + " sum BN", bns));
        }
      }
      return new DiagnosticsFile(features, sbn);
    }
  }

  /**
   * Active paths a BN serves, from its name: {@code sbn3} (linear) or {@code sbnn1n3}
   * (exponential).
   */
  static int activePaths(String name) {
    String rest = name.substring(3);
    if (rest.startsWith("n")) {
      return (int) rest.chars().filter(ch -> ch == 'n').count();
    }
    return Integer.parseInt(rest);
  }

  private static Block child(Block parent, String name) {
    for (ai.djl.util.Pair<String, Block> e : parent.getChildren()) {
      if (e.getKey().replaceFirst("^\\d+", "").equals(name)) {
        return e.getValue();
      }
    }
    throw new IllegalStateException(
        parent
            + " has no child block '"
            + name
            + "' (children "
            + parent.getChildren().keys()
            + ")");
  }

  private static NDArray param(Block b, String name) {
    for (var p : b.getParameters()) {
      if (p.getKey().equals(name)) {
        Parameter param = p.getValue();
        return param.getArray();
      }
    }
    throw new IllegalStateException(b + " has no parameter " + name);
  }

  private static double[] doubles(NDArray a) {
    float[] f = a.toFloatArray();
    double[] d = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      d[i] = f[i];
    }
    return d;
  }
}
