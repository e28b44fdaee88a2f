package dev.nasrank.benchbridge;

import dev.nasrank.benchbridge.io.CorruptRecordException;
import dev.nasrank.benchbridge.io.DamagedFileException;
import dev.nasrank.benchbridge.io.LoadReport;
import dev.nasrank.benchbridge.io.NasbenchLoader;
import dev.nasrank.benchbridge.io.RecordColumns;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Builds {@link NasBench}'s columnar tables from decoded records in four steps: {@link #indexCells}
 * (cell ids in first-appearance order, each record checked against the first of its hash), {@link
 * #sortCells} (cells by hash), {@link #groupRuns} (a stable counting sort of the records by cell
 * and budget, duplicates dropped or refused) and {@link #closeHoles} (compacting the groups after
 * dropped duplicates). One use per instance.
 */
final class NasBenchBuilder {

  private final List<RecordColumns> batches;
  private final Path file;
  private final boolean skip;
  private final NasbenchLoader.Loaded loaded;
  private final int n;

  // what skip-corrupt mode dropped
  private final Map<CorruptRecordException.Kind, Long> droppedKinds =
      new EnumMap<>(CorruptRecordException.Kind.class);
  private final List<String> droppedProblems = new ArrayList<>();
  private long dropped;

  // step 1: cells in first-appearance order
  private final LongPairIndex index;
  private final int[] cellOf;
  private int[] distinctEpochs = new int[0];
  private long[] cHi = new long[16];
  private long[] cLo = new long[16];
  private long[] cAdj = new long[16];
  private int[] cOps = new int[16];
  private int[] cParams = new int[16];
  private long[] cFirst = new long[16];
  private long[] cFirstOffset = new long[16];

  // step 2: cells by hash
  private int[] rank;
  private long[] hi;
  private long[] lo;
  private long[] adj;
  private int[] ops;
  private int[] params;

  // step 3: runs grouped by (cell rank, budget)
  private int[] start;
  private int[] cursor;
  private double[][] values;
  private long duplicates;

  /**
   * @throws DamagedFileException if no record could be read, or there are too many
   */
  NasBenchBuilder(NasbenchLoader.Loaded loaded) throws DamagedFileException {
    this.loaded = loaded;
    this.batches = loaded.batches();
    this.file = loaded.file();
    this.skip = loaded.skipCorrupt();
    long total = loaded.records();
    if (total > Integer.MAX_VALUE - 16) {
      throw new DamagedFileException(file, "too many records (" + total + ")");
    }
    if (total == 0) {
      throw new DamagedFileException(
          file,
          "no records could be read"
              + (loaded.skippedRecords() > 0
                  ? " (skipped: " + loaded.report().describeSkipped() + ")"
                  : ""));
    }
    this.n = (int) total;
    this.index = new LongPairIndex(Math.max(16, n / 2));
    this.cellOf = new int[n];
  }

  /**
   * The tables.
   *
   * @throws CorruptRecordException naming the record that contradicts or repeats an earlier one
   *     (strict mode)
   */
  NasBench build() throws CorruptRecordException {
    indexCells();
    sortCells();
    groupRuns();
    if (duplicates > 0) {
      closeHoles();
    }
    LoadReport report =
        dropped == 0
            ? loaded.report()
            : loaded.report().withDropped(dropped, droppedKinds, droppedProblems);
    return new NasBench(
        file.getFileName().toString(),
        hi,
        lo,
        adj,
        ops,
        params,
        distinctEpochs,
        start,
        values,
        report);
  }

  /**
   * Step 1: cell ids in first-appearance order and the epoch budgets; a record whose cell or
   * parameter count contradicts the first record of its hash is refused or dropped.
   */
  private void indexCells() throws CorruptRecordException {
    int k = 0;
    for (RecordColumns b : batches) {
      for (int i = 0; i < b.size(); i++, k++) {
        int id = index.get(b.hi(i), b.lo(i));
        if (id < 0) {
          id = addCell(b, i);
        } else {
          String what = contradiction(b, i, id);
          if (what != null) {
            drop(
                new CorruptRecordException(
                    file,
                    b.recordIndex(i),
                    b.recordOffset(i),
                    CorruptRecordException.Kind.INCONSISTENT,
                    what));
            cellOf[k] = -1;
            continue;
          }
        }
        cellOf[k] = id;
        int e = b.epochs(i);
        if (Arrays.binarySearch(distinctEpochs, e) < 0) {
          distinctEpochs =
              IntStream.concat(Arrays.stream(distinctEpochs), IntStream.of(e)).sorted().toArray();
        }
      }
    }
  }

  private int addCell(RecordColumns b, int i) {
    int id = index.size();
    index.put(b.hi(i), b.lo(i), id);
    if (id >= cHi.length) {
      int cap = cHi.length * 2;
      cHi = Arrays.copyOf(cHi, cap);
      cLo = Arrays.copyOf(cLo, cap);
      cAdj = Arrays.copyOf(cAdj, cap);
      cOps = Arrays.copyOf(cOps, cap);
      cParams = Arrays.copyOf(cParams, cap);
      cFirst = Arrays.copyOf(cFirst, cap);
      cFirstOffset = Arrays.copyOf(cFirstOffset, cap);
    }
    cHi[id] = b.hi(i);
    cLo[id] = b.lo(i);
    cAdj[id] = b.adjacency(i);
    cOps[id] = b.ops(i);
    cParams[id] = b.params(i);
    cFirst[id] = b.recordIndex(i);
    cFirstOffset[id] = b.recordOffset(i);
    return id;
  }

  /** How record {@code i} contradicts the first record of cell {@code id}, or null. */
  private String contradiction(RecordColumns b, int i, int id) {
    String earlier =
        " of record "
            + cFirst[id]
            + " (byte offset "
            + cFirstOffset[id]
            + ") of the same module hash "
            + HashKey.format(b.hi(i), b.lo(i));
    if (cAdj[id] != b.adjacency(i) || cOps[id] != b.ops(i)) {
      return "its cell ("
          + PackedCell.describe(b.adjacency(i), b.ops(i))
          + ") differs from the cell ("
          + PackedCell.describe(cAdj[id], cOps[id])
          + ")"
          + earlier;
    }
    if (cParams[id] != b.params(i)) {
      return "its trainable_parameters "
          + b.params(i)
          + " differ from the "
          + cParams[id]
          + earlier;
    }
    return null;
  }

  /** Step 2: the cells sorted by hash. */
  private void sortCells() {
    int c = index.size();
    int[] order = HashKey.sortOrder(cHi, cLo, c);
    rank = new int[c];
    hi = new long[c];
    lo = new long[c];
    adj = new long[c];
    ops = new int[c];
    params = new int[c];
    for (int r = 0; r < c; r++) {
      int id = order[r];
      rank[id] = r;
      hi[r] = cHi[id];
      lo[r] = cLo[id];
      adj[r] = cAdj[id];
      ops[r] = cOps[id];
      params[r] = cParams[id];
    }
  }

  /**
   * Step 3: a stable counting sort of the records by (cell rank, budget), so repeats keep file
   * order; a record whose every value equals an earlier repeat of its group is refused or dropped.
   */
  private void groupRuns() throws CorruptRecordException {
    int ne = distinctEpochs.length;
    int groups = index.size() * ne;
    start = new int[groups + 1];
    int[] group = new int[n];
    int k = 0;
    for (RecordColumns b : batches) {
      for (int i = 0; i < b.size(); i++, k++) {
        if (cellOf[k] < 0) {
          continue;
        }
        int g = rank[cellOf[k]] * ne + Arrays.binarySearch(distinctEpochs, b.epochs(i));
        group[k] = g;
        start[g + 1]++;
      }
    }
    for (int g = 0; g < groups; g++) {
      start[g + 1] += start[g];
    }
    cursor = Arrays.copyOf(start, groups);
    values = new double[RecordColumns.DOUBLES][start[groups]];
    k = 0;
    for (RecordColumns b : batches) {
      for (int i = 0; i < b.size(); i++, k++) {
        if (cellOf[k] < 0) {
          continue;
        }
        int g = group[k];
        int dst = cursor[g];
        int same = -1;
        for (int q = start[g]; q < dst && same < 0; q++) {
          same = sameValues(values, q, b, i) ? q - start[g] : -1;
        }
        if (same >= 0) {
          duplicates++;
          drop(
              new CorruptRecordException(
                  file,
                  b.recordIndex(i),
                  b.recordOffset(i),
                  CorruptRecordException.Kind.DUPLICATE,
                  "duplicate: every value equals repeat "
                      + same
                      + " (an earlier record) of module hash "
                      + HashKey.format(b.hi(i), b.lo(i))
                      + " at "
                      + b.epochs(i)
                      + " epochs"));
          continue;
        }
        cursor[g]++;
        for (int v = 0; v < RecordColumns.DOUBLES; v++) {
          values[v][dst] = b.value(v, i);
        }
      }
    }
  }

  /** Step 4: closes the holes the dropped duplicates left at the ends of their groups. */
  private void closeHoles() {
    int groups = cursor.length;
    int[] packed = new int[groups + 1];
    for (int g = 0; g < groups; g++) {
      packed[g + 1] = packed[g] + (cursor[g] - start[g]);
    }
    double[][] compact = new double[RecordColumns.DOUBLES][packed[groups]];
    for (int g = 0; g < groups; g++) {
      for (int v = 0; v < RecordColumns.DOUBLES; v++) {
        System.arraycopy(values[v], start[g], compact[v], packed[g], cursor[g] - start[g]);
      }
    }
    start = packed;
    values = compact;
  }

  /** Refuses the record (strict mode) or counts it as dropped (skip-corrupt mode). */
  private void drop(CorruptRecordException e) throws CorruptRecordException {
    if (!skip) {
      throw e;
    }
    dropped++;
    droppedKinds.merge(e.kind(), 1L, Long::sum);
    if (droppedProblems.size() < LoadReport.MAX_PROBLEMS) {
      droppedProblems.add(e.getMessage());
    }
  }

  private static boolean sameValues(double[][] values, int row, RecordColumns b, int i) {
    for (int v = RecordColumns.DOUBLES - 1; v >= 0; v--) {
      if (Double.doubleToRawLongBits(values[v][row]) != Double.doubleToRawLongBits(b.value(v, i))) {
        return false;
      }
    }
    return true;
  }
}
