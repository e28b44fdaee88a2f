package dev.nasrank.benchbridge.io;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Reads a NAS-Bench-101 TFRecord file into {@link RecordColumns} with a pipeline: the calling
 * thread reads large chunks, frames the records and checks both checksums; {@code threads} workers
 * decode the payloads of whole chunks in parallel. Batches come back in file order. A file that
 * fits in one chunk is decoded on the calling thread (no pool is started).
 */
public final class NasbenchLoader {

  /**
   * How to load.
   *
   * @param threads decoding threads (at least 1)
   * @param skipCorrupt skip and count corrupt records instead of failing
   * @param chunkSize bytes read and framed at once, then decoded as one batch by one worker
   */
  public record Options(int threads, boolean skipCorrupt, int chunkSize) {
    /** Options with the default chunk size ({@link TfRecordReader#DEFAULT_CHUNK}). */
    public Options(int threads, boolean skipCorrupt) {
      this(threads, skipCorrupt, TfRecordReader.DEFAULT_CHUNK);
    }

    /** Two decoding threads, failing on the first corrupt record. */
    public static Options defaults() {
      return new Options(2, false);
    }
  }

  /**
   * The decoded records.
   *
   * @param file the file read
   * @param batches decoded records, in file order
   * @param report records kept and what was skipped (skip-corrupt mode only)
   * @param skipCorrupt whether the load skips damaged records (then {@link
   *     dev.nasrank.benchbridge.NasBench} also skips records that contradict earlier ones instead
   *     of failing)
   */
  public record Loaded(
      Path file, List<RecordColumns> batches, LoadReport report, boolean skipCorrupt) {
    /** Number of good records. */
    public long records() {
      return report.records();
    }

    /** Damaged records skipped (skip-corrupt mode only). */
    public long skippedRecords() {
      return report.skippedRecords();
    }

    /** Bytes skipped (skip-corrupt mode only). */
    public long skippedBytes() {
      return report.skippedBytes();
    }

    /** Descriptions of the first skipped problems. */
    public List<String> problems() {
      return report.problems();
    }
  }

  private NasbenchLoader() {}

  /**
   * Loads every record of {@code file}.
   *
   * @throws CorruptRecordException on a bad checksum, truncation or malformed payload (unless
   *     skipping)
   */
  public static Loaded load(Path file, Options options) throws IOException {
    try (TfRecordReader reader =
        TfRecordReader.open(file, options.skipCorrupt(), options.chunkSize())) {
      if (reader.fileSize()
          <= options.chunkSize()) { // one chunk: decode on this thread, no pool to start
        List<Decoded> decoded = new ArrayList<>();
        PayloadDecoder decoder = new PayloadDecoder();
        for (TfRecordReader.Batch b; (b = reader.nextBatch()) != null; ) {
          decoded.add(decode(file, b, decoder, options.skipCorrupt()));
        }
        return collect(file, reader, decoded, options.skipCorrupt());
      }
      return loadInParallel(file, reader, options);
    }
  }

  private static Loaded loadInParallel(Path file, TfRecordReader reader, Options options)
      throws IOException {
    int threads = Math.max(1, options.threads());
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "nasbench-decode");
              t.setDaemon(true);
              return t;
            });
    ThreadLocal<PayloadDecoder> decoders = ThreadLocal.withInitial(PayloadDecoder::new);
    Semaphore inFlight = new Semaphore(2 * threads + 2);
    List<Future<Decoded>> futures = new ArrayList<>();
    try {
      TfRecordReader.Batch batch;
      while (true) {
        inFlight.acquire();
        batch = reader.nextBatch();
        if (batch == null) {
          inFlight.release();
          break;
        }
        TfRecordReader.Batch b = batch;
        futures.add(
            pool.submit(
                () -> {
                  try {
                    return decode(file, b, decoders.get(), options.skipCorrupt());
                  } finally {
                    inFlight.release();
                  }
                }));
      }
      List<Decoded> decoded = new ArrayList<>(futures.size());
      for (Future<Decoded> f : futures) {
        decoded.add(f.get());
      }
      return collect(file, reader, decoded, options.skipCorrupt());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while loading " + file);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof IOException io) {
        throw io;
      }
      if (c instanceof RuntimeException re) {
        throw re;
      }
      throw new IOException(c);
    } finally {
      pool.shutdownNow();
    }
  }

  private static Loaded collect(
      Path file, TfRecordReader reader, List<Decoded> decoded, boolean skipCorrupt) {
    List<RecordColumns> out = new ArrayList<>(decoded.size());
    long records = 0;
    long skipped = reader.skippedRecords();
    Map<CorruptRecordException.Kind, Long> kinds = new EnumMap<>(CorruptRecordException.Kind.class);
    kinds.putAll(reader.skippedByKind());
    List<String> problems = new ArrayList<>(reader.problems());
    for (Decoded d : decoded) {
      out.add(d.columns);
      records += d.columns.size();
      skipped += d.skipped;
      d.kinds.forEach((k, v) -> kinds.merge(k, v, Long::sum));
      for (String p : d.problems) {
        if (problems.size() < LoadReport.MAX_PROBLEMS) {
          problems.add(p);
        }
      }
    }
    return new Loaded(
        file,
        out,
        new LoadReport(records, skipped, reader.skippedBytes(), kinds, problems),
        skipCorrupt);
  }

  private record Decoded(
      RecordColumns columns,
      long skipped,
      Map<CorruptRecordException.Kind, Long> kinds,
      List<String> problems) {}

  private static Decoded decode(Path file, TfRecordReader.Batch b, PayloadDecoder dec, boolean skip)
      throws CorruptRecordException {
    RecordColumns cols = new RecordColumns(b.count());
    boolean[] bad = null;
    List<String> problems = new ArrayList<>();
    Map<CorruptRecordException.Kind, Long> kinds = new EnumMap<>(CorruptRecordException.Kind.class);
    long skipped = 0;
    for (int i = 0; i < b.count(); i++) {
      cols.index[i] = b.index(i);
      cols.offset[i] = b.fileOffset(i);
      CorruptRecordException ce = null;
      try {
        dec.decode(b.data(), b.offset(i), b.length(i), cols, i);
      } catch (PayloadDecoder.OutOfRangeException e) {
        ce =
            new CorruptRecordException(
                file,
                b.index(i),
                b.fileOffset(i),
                CorruptRecordException.Kind.OUT_OF_RANGE,
                "value out of range: " + e.getMessage());
      } catch (IllegalArgumentException e) {
        ce =
            new CorruptRecordException(
                file,
                b.index(i),
                b.fileOffset(i),
                CorruptRecordException.Kind.MALFORMED,
                "malformed payload: " + e.getMessage());
      } catch (RuntimeException e) {
        // never expected (the fuzz tests look for this text): still a refusal that names the record
        ce =
            new CorruptRecordException(
                file,
                b.index(i),
                b.fileOffset(i),
                CorruptRecordException.Kind.MALFORMED,
                "malformed payload (decoder error " + e + ")");
      }
      if (ce != null) {
        if (!skip) {
          throw ce;
        }
        if (bad == null) {
          bad = new boolean[b.count()];
        }
        bad[i] = true;
        skipped++;
        kinds.merge(ce.kind(), 1L, Long::sum);
        if (problems.size() < LoadReport.MAX_PROBLEMS) {
          problems.add(ce.getMessage());
        }
      }
    }
    if (bad == null) {
      return new Decoded(cols, 0, Map.of(), List.of());
    }
    int good = 0;
    for (boolean x : bad) {
      good += x ? 0 : 1;
    }
    RecordColumns c = new RecordColumns(good);
    int k = 0;
    for (int i = 0; i < b.count(); i++) {
      if (!bad[i]) {
        c.hi[k] = cols.hi[i];
        c.lo[k] = cols.lo[i];
        c.epochs[k] = cols.epochs[i];
        c.adjacency[k] = cols.adjacency[i];
        c.ops[k] = cols.ops[i];
        c.params[k] = cols.params[i];
        c.index[k] = cols.index[i];
        c.offset[k] = cols.offset[i];
        for (int v = 0; v < RecordColumns.DOUBLES; v++) {
          c.values[v][k] = cols.values[v][i];
        }
        k++;
      }
    }
    return new Decoded(c, skipped, kinds, problems);
  }
}
