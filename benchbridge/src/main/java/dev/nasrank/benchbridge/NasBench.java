package dev.nasrank.benchbridge;

import dev.nasrank.benchbridge.io.CorruptRecordException;
import dev.nasrank.benchbridge.io.DamagedFileException;
import dev.nasrank.benchbridge.io.LoadReport;
import dev.nasrank.benchbridge.io.NasbenchLoader;
import dev.nasrank.benchbridge.io.RecordColumns;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.NoSuchElementException;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The NAS-Bench-101 dataset (Ying et al. 2019, google-research/nasbench) in memory, read from
 * {@code nasbench_only108.tfrecord}, {@code nasbench_full.tfrecord}, a project-generated file in
 * the same format, or a {@link NasBenchCache} built from one.
 *
 * <p>Every (hash, epochs, repeat) is kept with its halfway and final evaluations; repeats of one
 * (hash, epochs) are numbered in file order, and any number of repeats per cell is supported.
 * Storage is columnar: cells sorted by hash (two {@code long} arrays searched by bisection), one
 * {@code int} range per (cell, budget), and eleven {@code double} columns over all records; no
 * object per record.
 *
 * <p>Ground truth: {@link #meanFinalValidationAccuracy} / {@link #meanFinalTestAccuracy} are the
 * mean over repeats (what the papers report, and what rankings should use); {@link #query} samples
 * ONE repeat like the reference {@code api.query}. Accuracies are fractions in [0,1]. Immutable
 * after construction except for the default query session; safe to read from many threads.
 */
public final class NasBench implements GroundTruthSource {

  private final String name;
  private final int cells;
  private final long[] hi;
  private final long[] lo;
  private final long[] adjacency;
  private final int[] ops;
  private final int[] params;
  private final int[] epochs;
  private final int[] groupStart;
  private final double[][] values;
  private final LoadReport loadReport;
  private QuerySession defaultSession;

  NasBench(
      String name,
      long[] hi,
      long[] lo,
      long[] adjacency,
      int[] ops,
      int[] params,
      int[] epochs,
      int[] groupStart,
      double[][] values,
      LoadReport loadReport) {
    this.loadReport = loadReport;
    this.name = name;
    this.cells = hi.length;
    this.hi = hi;
    this.lo = lo;
    this.adjacency = adjacency;
    this.ops = ops;
    this.params = params;
    this.epochs = epochs;
    this.groupStart = groupStart;
    this.values = values;
  }

  /**
   * Opens a TFRecord file or a {@link NasBenchCache} (detected by content), failing on the first
   * corrupt record.
   *
   * @throws dev.nasrank.benchbridge.io.DamagedFileException naming the file (and for a TFRecord the
   *     record index, byte offset and kind of damage) when the file is empty, damaged or holds
   *     values outside their domain
   */
  public static NasBench open(Path file) throws IOException {
    return open(file, NasbenchLoader.Options.defaults());
  }

  /** As {@link #open(Path)} with loading options (threads, skip-corrupt) for a TFRecord file. */
  public static NasBench open(Path file, NasbenchLoader.Options options) throws IOException {
    return open(file, options, false, w -> {});
  }

  /**
   * As {@link #open(Path, NasbenchLoader.Options)}; when {@code file} is a cache that is refused
   * (damaged, truncated, another version) and {@code cacheFallback} is set, reads the TFRecord it
   * was built from instead (see {@link NasBenchCache#loadOrFallback}), saying so through {@code
   * warnings}.
   */
  public static NasBench open(
      Path file,
      NasbenchLoader.Options options,
      boolean cacheFallback,
      java.util.function.Consumer<String> warnings)
      throws IOException {
    requireRegularFile(file);
    if (Files.size(file) == 0) {
      throw new DamagedFileException(
          file, "empty file (0 bytes): not a NAS-Bench-101 TFRecord or cache");
    }
    if (NasBenchCache.isCache(file)) {
      return NasBenchCache.loadOrFallback(file, options, cacheFallback, warnings);
    }
    return fromLoaded(NasbenchLoader.load(file, options));
  }

  /**
   * Checks that {@code file} is a regular file, saying what it is otherwise.
   *
   * @throws java.nio.file.NoSuchFileException if nothing is there
   * @throws IOException naming a directory, device, pipe or socket for what it is
   */
  static void requireRegularFile(Path file) throws IOException {
    if (Files.isRegularFile(file)) {
      return;
    }
    if (Files.isDirectory(file)) {
      throw new IOException(file + " is a directory, not a NAS-Bench-101 file");
    }
    if (!Files.exists(file)) {
      throw new java.nio.file.NoSuchFileException(
          file.toString(), null, "no such NAS-Bench-101 file");
    }
    throw new IOException(
        file + " is not a regular file (a device, pipe or socket), not a NAS-Bench-101 file");
  }

  /** True if the file starts like a {@link NasBenchCache} rather than a TFRecord. */
  static boolean startsWith(Path file, byte[] magic) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] b = in.readNBytes(magic.length);
      return Arrays.equals(b, magic);
    }
  }

  /**
   * Builds the tables from decoded records ({@link NasBenchBuilder}). Records of one module hash
   * must agree on the cell and the trainable parameters, and no record may repeat an earlier record
   * of its (hash, epochs) value for value; in strict mode a record that breaks this is refused, in
   * skip-corrupt mode ({@link NasbenchLoader.Loaded#skipCorrupt()}) it is skipped and counted in
   * {@link #loadReport()}.
   *
   * @throws CorruptRecordException naming the record that contradicts or repeats an earlier one
   *     (strict mode)
   * @throws DamagedFileException if no record could be read
   */
  public static NasBench fromLoaded(NasbenchLoader.Loaded loaded) throws DamagedFileException {
    return new NasBenchBuilder(loaded).build();
  }

  /**
   * What loading read and skipped: for a TFRecord opened in skip-corrupt mode the records skipped
   * per kind of damage; for a cache or a strict load, no skips.
   */
  public LoadReport loadReport() {
    return loadReport;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int size() {
    return cells;
  }

  /** Number of records (runs) over all cells, budgets and repeats. */
  public int records() {
    return groupStart[groupStart.length - 1];
  }

  @Override
  public Stream<String> hashes() {
    return IntStream.range(0, cells).mapToObj(this::hashAt);
  }

  /** The hash of the {@code i}-th cell in ascending hash order. */
  String hashAt(int i) {
    return HashKey.format(hi[i], lo[i]);
  }

  @Override
  public boolean contains(String hash) {
    return HashKey.isHash(hash) && indexOf(hash) >= 0;
  }

  private int indexOf(String hash) {
    return HashKey.search(hi, lo, cells, HashKey.hi(hash), HashKey.lo(hash));
  }

  private int cell(String hash) {
    int i = indexOf(hash);
    if (i < 0) {
      throw new NoSuchElementException(name + ": unknown module hash " + hash);
    }
    return i;
  }

  @Override
  public boolean hasSpecs() {
    return true;
  }

  @Override
  public ModelSpec spec(String hash) {
    return specAt(cell(hash));
  }

  /** The spec of the {@code i}-th cell in hash order. */
  ModelSpec specAt(int i) {
    return PackedCell.spec(adjacency[i], ops[i]);
  }

  @Override
  public int[] epochBudgets() {
    return epochs.clone();
  }

  @Override
  public int repeats(String hash, int epochs) {
    int e = Arrays.binarySearch(this.epochs, epochs);
    if (e < 0) {
      return 0;
    }
    int g = cell(hash) * this.epochs.length + e;
    return groupStart[g + 1] - groupStart[g];
  }

  /** Repeats of the {@code i}-th cell at the {@code e}-th budget of {@link #epochBudgets()}. */
  int repeatsAt(int i, int e) {
    int g = i * epochs.length + e;
    return groupStart[g + 1] - groupStart[g];
  }

  /**
   * How many cells have each repeat count at the {@code e}-th budget (cells without runs at that
   * budget are not counted), e.g. {3=423624} for nasbench_only108.
   */
  public java.util.SortedMap<Integer, Integer> repeatHistogram(int e) {
    java.util.TreeMap<Integer, Integer> h = new java.util.TreeMap<>();
    for (int i = 0; i < cells; i++) {
      int r = repeatsAt(i, e);
      if (r > 0) {
        h.merge(r, 1, Integer::sum);
      }
    }
    return h;
  }

  /** Row (in the double columns) of one run; see {@link #valueAt}. */
  int rowAt(int i, int e, int repeat) {
    int g = i * epochs.length + e;
    if (repeat < 0 || repeat >= groupStart[g + 1] - groupStart[g]) {
      throw new NoSuchElementException(
          name
              + ": "
              + hashAt(i)
              + " at "
              + epochs[e]
              + " epochs has "
              + (groupStart[g + 1] - groupStart[g])
              + " repeats, asked for repeat "
              + repeat);
    }
    return groupStart[g] + repeat;
  }

  /**
   * Double column {@code column} ({@link RecordColumns#FINAL_VALID} ...) of run row {@code row}.
   */
  double valueAt(int column, int row) {
    return values[column][row];
  }

  /** Trainable parameters of the {@code i}-th cell. */
  int trainableParametersAt(int i) {
    return params[i];
  }

  private int row(String hash, int epochs, int repeat) {
    int e = Arrays.binarySearch(this.epochs, epochs);
    if (e < 0) {
      throw new NoSuchElementException(
          name
              + " has no runs at "
              + epochs
              + " epochs (budgets "
              + Arrays.toString(this.epochs)
              + ")");
    }
    return rowAt(cell(hash), e, repeat);
  }

  @Override
  public boolean hasHalfway() {
    return true;
  }

  @Override
  public boolean has(Metric metric, int epochs) {
    return Arrays.binarySearch(this.epochs, epochs) >= 0;
  }

  @Override
  public double finalMetric(String hash, int epochs, int repeat, Metric metric) {
    return values[RecordColumns.FINAL_TIME + metric.ordinal()][row(hash, epochs, repeat)];
  }

  @Override
  public double halfwayMetric(String hash, int epochs, int repeat, Metric metric) {
    return values[RecordColumns.HALF_TIME + metric.ordinal()][row(hash, epochs, repeat)];
  }

  @Override
  public Evaluation finalEvaluation(String hash, int epochs, int repeat) {
    return evaluation(row(hash, epochs, repeat), RecordColumns.FINAL_EPOCH);
  }

  @Override
  public Evaluation halfwayEvaluation(String hash, int epochs, int repeat) {
    return evaluation(row(hash, epochs, repeat), RecordColumns.HALF_EPOCH);
  }

  /**
   * The evaluation stored at run row {@code row} starting at column {@code first} (HALF_EPOCH or
   * FINAL_EPOCH).
   */
  Evaluation evaluation(int row, int first) {
    return new Evaluation(
        values[first][row],
        values[first + 1][row],
        values[first + 2][row],
        values[first + 3][row],
        values[first + 4][row]);
  }

  /** Total wall time in seconds of one run. */
  public double totalTime(String hash, int epochs, int repeat) {
    return values[RecordColumns.TOTAL_TIME][row(hash, epochs, repeat)];
  }

  @Override
  public int trainableParameters(String hash) {
    return params[cell(hash)];
  }

  /**
   * Samples ONE repeat (seeded, seed 0 for this default session) and charges the default session's
   * budget, like the reference {@code api.query}. For several independent searches use {@link
   * #session(long)}.
   */
  public synchronized QueryResult query(ModelSpec spec, int epochs, boolean halfway) {
    if (defaultSession == null) {
      defaultSession = session(0L);
    }
    return defaultSession.query(spec, epochs, halfway);
  }

  /**
   * As {@link #query(ModelSpec, int, boolean)} with the reference defaults: 108 epochs, final
   * evaluation.
   */
  public QueryResult query(ModelSpec spec) {
    return query(spec, 108, false);
  }

  /** The default session used by {@link #query(ModelSpec, int, boolean)} (budget counters). */
  public synchronized QuerySession defaultSession() {
    if (defaultSession == null) {
      defaultSession = session(0L);
    }
    return defaultSession;
  }

  // package-private raw access for NasBenchCache
  long[] rawHi() {
    return hi;
  }

  long[] rawLo() {
    return lo;
  }

  long[] rawAdjacency() {
    return adjacency;
  }

  int[] rawOps() {
    return ops;
  }

  int[] rawParams() {
    return params;
  }

  int[] rawEpochs() {
    return epochs;
  }

  int[] rawGroupStart() {
    return groupStart;
  }

  double[][] rawValues() {
    return values;
  }
}
