package dev.nasrank.benchbridge.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nasrank.benchbridge.GroundTruthSource;
import dev.nasrank.benchbridge.HashKey;
import dev.nasrank.benchbridge.Metric;
import dev.nasrank.benchbridge.ModelSpec;
import dev.nasrank.benchbridge.Op;
import dev.nasrank.benchbridge.SearchSpace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Third-party partial dumps of NAS-Bench-101 behind the {@link GroundTruthSource} interface. They
 * record far less than the full data, and this class never fills a gap: asking for a field a dump
 * lacks throws {@link UnsupportedOperationException} naming the dump and the field.
 *
 * <ul>
 *   <li>{@link #visData}: {@code nasbench-vis_data-1k.json} / {@code -20k.json}
 *       (tiga1231/nasbench-vis): final validation accuracy of ONE repeat at 4, 12, 36 and 108
 *       epochs, final training time at 108 epochs, trainable parameters. No train or test accuracy,
 *       no halfway evaluations. The 1k file has cells; the 20k file has none, so its specs are
 *       recovered by joining on hash with an enumerated {@link SearchSpace}.
 *   <li>{@link #naslib}: {@code zc_nasbench101.json} (automl/NASLib): validation accuracy at 108
 *       epochs (stored in percent, returned as a fraction), parameters (stored in millions with 6
 *       decimals, returned as a count), cells in NASLib's op coding. Entries whose cells hash alike
 *       become repeats of one hash.
 * </ul>
 *
 * Accuracies are fractions in [0,1]; each recorded value is one training run, not a mean of
 * repeats.
 */
public final class PartialDump implements GroundTruthSource {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] VIS_BUDGETS = {"4", "12", "36", "108"};

  private final String name;
  private final long[] hi;
  private final long[] lo;
  private final ModelSpec[] specs;
  private final boolean hasSpecs;
  private final int[] params;
  private final int[] budgets;
  private final double[][][] valid;
  private final double[][][] time;
  private final String lacks;

  private PartialDump(String name, List<Entry> entries, int[] budgets, String lacks) {
    this.name = name;
    this.budgets = budgets;
    this.lacks = lacks;
    int n = entries.size();
    long[] h = new long[n];
    long[] l = new long[n];
    for (int i = 0; i < n; i++) {
      h[i] = HashKey.hi(entries.get(i).hash);
      l[i] = HashKey.lo(entries.get(i).hash);
    }
    int[] order = HashKey.sortOrder(h, l, n);
    hi = new long[n];
    lo = new long[n];
    specs = new ModelSpec[n];
    params = new int[n];
    valid = new double[n][][];
    time = new double[n][][];
    boolean all = true;
    for (int r = 0; r < n; r++) {
      Entry e = entries.get(order[r]);
      hi[r] = h[order[r]];
      lo[r] = l[order[r]];
      specs[r] = e.spec;
      all &= e.spec != null;
      params[r] = e.params;
      valid[r] = new double[budgets.length][];
      time[r] = new double[budgets.length][];
      for (int b = 0; b < budgets.length; b++) {
        valid[r][b] = e.valid.get(b).stream().mapToDouble(Double::doubleValue).toArray();
        time[r][b] = e.time.get(b).stream().mapToDouble(Double::doubleValue).toArray();
      }
    }
    hasSpecs = all;
  }

  private static final class Entry {
    final String hash;
    final ModelSpec spec;
    final int params;
    final List<List<Double>> valid = new ArrayList<>();
    final List<List<Double>> time = new ArrayList<>();

    Entry(String hash, ModelSpec spec, int params, int budgets) {
      this.hash = hash;
      this.spec = spec;
      this.params = params;
      for (int b = 0; b < budgets; b++) {
        valid.add(new ArrayList<>());
        time.add(new ArrayList<>());
      }
    }
  }

  /**
   * Imports a nasbench-vis dump (1k with cells, or 20k without).
   *
   * @param space an enumerated space to recover the specs of a dump without cells by hash, or null
   *     (then {@link #spec} is unsupported for such a dump)
   * @throws IOException if the file is unreadable or not of this shape, or a 1k cell does not hash
   *     to its key
   */
  public static PartialDump visData(Path json, SearchSpace space) throws IOException {
    return visData(JSON.readTree(json.toFile()), json, space);
  }

  /**
   * Imports a partial dump of either kind, told apart by its content: a nasbench-vis dump (an
   * object with a {@code key} array) or NASLib's zero-cost file (an object with {@code
   * nasbench101}).
   *
   * @param space as for {@link #visData}
   * @throws IOException if the file is unreadable or neither kind
   */
  public static PartialDump open(Path json, SearchSpace space) throws IOException {
    JsonNode root = JSON.readTree(json.toFile());
    if (root != null && root.has("key")) {
      return visData(root, json, space);
    }
    if (root != null && root.has("nasbench101")) {
      return naslib(root, json);
    }
    throw new IOException(
        json
            + ": neither a nasbench-vis dump (no 'key' array) nor a NASLib zero-cost file (no"
            + " 'nasbench101' object)");
  }

  private static PartialDump visData(JsonNode root, Path json, SearchSpace space)
      throws IOException {
    String name = json.getFileName().toString();
    JsonNode keys = need(root, "key", json);
    int n = keys.size();
    JsonNode[] acc = new JsonNode[4];
    for (int b = 0; b < 4; b++) {
      acc[b] = need(root, VIS_BUDGETS[b] + "_final_validation_accuracy", json);
    }
    JsonNode times = need(root, "final_training_time", json);
    JsonNode prm = need(root, "trainable_parameters", json);
    JsonNode adj = root.get("adjacency");
    JsonNode ops = root.get("operations");
    for (JsonNode a : List.of(acc[0], acc[1], acc[2], acc[3], times, prm)) {
      if (a.size() != n) {
        throw new IOException(
            json + ": parallel arrays differ in length (" + a.size() + " vs " + n + " keys)");
      }
    }
    Map<String, Entry> map = new LinkedHashMap<>();
    for (int k = 0; k < n; k++) {
      String hash = keys.get(k).asText();
      ModelSpec spec = null;
      if (adj != null && ops != null) {
        spec = visSpec(adj.get(k), ops.get(k));
        if (!spec.isValid() || !spec.hash().equals(hash)) {
          throw new IOException(json + ": entry " + k + " cell does not hash to its key " + hash);
        }
      } else if (space != null) {
        spec = space.spec(hash);
      }
      Entry e = map.get(hash);
      if (e == null) {
        e = new Entry(hash, spec, prm.get(k).asInt(), 4);
        map.put(hash, e);
      }
      for (int b = 0; b < 4; b++) {
        e.valid.get(b).add(acc[b].get(k).asDouble());
      }
      e.time.get(3).add(times.get(k).asDouble());
    }
    return new PartialDump(
        name,
        new ArrayList<>(map.values()),
        new int[] {4, 12, 36, 108},
        "train and test accuracy, halfway evaluations, and training time below 108 epochs");
  }

  private static ModelSpec visSpec(JsonNode adjacency, JsonNode operations) {
    List<Integer> keep = new ArrayList<>();
    for (int v = 0; v < operations.size(); v++) {
      if (operations.get(v).asInt() != -3) {
        keep.add(v);
      }
    }
    int n = keep.size();
    int[][] m = new int[n][n];
    List<Op> labels = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      labels.add(Op.fromHashLabel(operations.get(keep.get(i)).asInt()));
      for (int j = 0; j < n; j++) {
        m[i][j] = (int) adjacency.get(keep.get(i)).get(keep.get(j)).asDouble();
      }
    }
    return ModelSpec.of(m, labels);
  }

  /** NASLib's op coding: input=0, output=1, maxpool3x3=2, conv1x1=3, conv3x3=4. */
  public static Op naslibOp(int code) {
    return switch (code) {
      case 0 -> Op.INPUT;
      case 1 -> Op.OUTPUT;
      case 2 -> Op.MAXPOOL3X3;
      case 3 -> Op.CONV1X1;
      case 4 -> Op.CONV3X3;
      default ->
          throw new IllegalArgumentException("unknown NASLib op code " + code + " (expected 0..4)");
    };
  }

  /**
   * Parses a NASLib key: 49 flattened 7x7 adjacency entries then 7 op codes, as {@code "(0, 1,
   * ...)"}.
   *
   * @throws IllegalArgumentException if it is not of that shape
   */
  public static ModelSpec naslibSpec(String key) {
    String s = key.trim();
    if (!s.startsWith("(") || !s.endsWith(")")) {
      throw new IllegalArgumentException("NASLib key is not a tuple: " + key);
    }
    String[] parts = s.substring(1, s.length() - 1).split(",");
    if (parts.length != 56) {
      throw new IllegalArgumentException(
          "NASLib key has " + parts.length + " entries, expected 49 + 7");
    }
    int[][] m = new int[7][7];
    for (int i = 0; i < 49; i++) {
      m[i / 7][i % 7] = Integer.parseInt(parts[i].trim());
    }
    List<Op> ops = new ArrayList<>();
    for (int i = 49; i < 56; i++) {
      ops.add(naslibOp(Integer.parseInt(parts[i].trim())));
    }
    return ModelSpec.of(m, ops);
  }

  /**
   * Imports NASLib's zero-cost NAS-Bench-101 file ({@code {"nasbench101": {"cifar10": {key:
   * {...}}}}}).
   *
   * @throws IOException if it is not of that shape or a cell is invalid
   */
  public static PartialDump naslib(Path json) throws IOException {
    return naslib(JSON.readTree(json.toFile()), json);
  }

  private static PartialDump naslib(JsonNode root, Path json) throws IOException {
    JsonNode cells = root.path("nasbench101").path("cifar10");
    if (!cells.isObject()) {
      throw new IOException(json + ": no nasbench101.cifar10 object (not a NASLib zero-cost file)");
    }
    Map<String, Entry> map = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = cells.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      ModelSpec spec;
      try {
        spec = naslibSpec(f.getKey());
      } catch (IllegalArgumentException e) {
        throw new IOException(json + ": cell " + f.getKey() + ": " + e.getMessage(), e);
      }
      if (!spec.isValid()) {
        throw new IOException(
            json + ": cell " + f.getKey() + " is invalid (input cannot reach output)");
      }
      JsonNode v = f.getValue();
      if (!v.has("val_accuracy") || !v.has("params")) {
        throw new IOException(json + ": cell " + f.getKey() + " lacks val_accuracy or params");
      }
      Entry e = map.get(spec.hash());
      if (e == null) {
        e = new Entry(spec.hash(), spec, (int) Math.round(v.get("params").asDouble() * 1e6), 1);
        map.put(spec.hash(), e);
      }
      e.valid.get(0).add(v.get("val_accuracy").asDouble() / 100.0);
    }
    return new PartialDump(
        json.getFileName().toString(),
        new ArrayList<>(map.values()),
        new int[] {108},
        "train and test accuracy, training time and halfway evaluations");
  }

  private static JsonNode need(JsonNode root, String field, Path json) throws IOException {
    JsonNode a = root.get(field);
    if (a == null || !a.isArray()) {
      throw new IOException(json + ": no array '" + field + "' (not a nasbench-vis dump)");
    }
    return a;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int size() {
    return hi.length;
  }

  @Override
  public Stream<String> hashes() {
    return IntStream.range(0, hi.length).mapToObj(i -> HashKey.format(hi[i], lo[i]));
  }

  @Override
  public boolean contains(String hash) {
    return HashKey.isHash(hash)
        && HashKey.search(hi, lo, hi.length, HashKey.hi(hash), HashKey.lo(hash)) >= 0;
  }

  private int cell(String hash) {
    int i =
        HashKey.isHash(hash)
            ? HashKey.search(hi, lo, hi.length, HashKey.hi(hash), HashKey.lo(hash))
            : -1;
    if (i < 0) {
      throw new NoSuchElementException(name + ": unknown module hash " + hash);
    }
    return i;
  }

  @Override
  public boolean hasSpecs() {
    return hasSpecs;
  }

  @Override
  public ModelSpec spec(String hash) {
    ModelSpec s = specs[cell(hash)];
    if (s == null) {
      throw new UnsupportedOperationException(
          name
              + " does not record cells (adjacency, operations); import it "
              + "with an enumerated SearchSpace to recover them by hash");
    }
    return s;
  }

  @Override
  public int[] epochBudgets() {
    return budgets.clone();
  }

  private int budget(int epochs) {
    int b = Arrays.binarySearch(budgets, epochs);
    if (b < 0) {
      throw new NoSuchElementException(
          name
              + " has no runs at "
              + epochs
              + " epochs (budgets "
              + Arrays.toString(budgets)
              + ")");
    }
    return b;
  }

  @Override
  public int repeats(String hash, int epochs) {
    int b = Arrays.binarySearch(budgets, epochs);
    return b < 0 ? 0 : valid[cell(hash)][b].length;
  }

  @Override
  public boolean hasHalfway() {
    return false;
  }

  @Override
  public boolean has(Metric metric, int epochs) {
    int b = Arrays.binarySearch(budgets, epochs);
    if (b < 0) {
      return false;
    }
    return metric == Metric.VALIDATION_ACCURACY
        || metric == Metric.TRAINING_TIME && time.length > 0 && time[0][b].length > 0;
  }

  @Override
  public double finalMetric(String hash, int epochs, int repeat, Metric metric) {
    int c = cell(hash);
    int b = budget(epochs);
    if (!has(metric, epochs)) {
      throw missingField(
          "final_" + metric.field() + " at " + epochs + " epochs (it lacks " + lacks + ")");
    }
    double[] runs = metric == Metric.VALIDATION_ACCURACY ? valid[c][b] : time[c][b];
    if (repeat < 0 || repeat >= runs.length) {
      throw new NoSuchElementException(
          name
              + ": "
              + hash
              + " at "
              + epochs
              + " epochs has "
              + runs.length
              + " repeat(s), asked for repeat "
              + repeat);
    }
    return runs[repeat];
  }

  @Override
  public double halfwayMetric(String hash, int epochs, int repeat, Metric metric) {
    throw missingField("halfway evaluations (it lacks " + lacks + ")");
  }

  @Override
  public int trainableParameters(String hash) {
    return params[cell(hash)];
  }
}
