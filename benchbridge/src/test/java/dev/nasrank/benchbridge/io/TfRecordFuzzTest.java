package dev.nasrank.benchbridge.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nasrank.benchbridge.Evaluation;
import dev.nasrank.benchbridge.NasBench;
import dev.nasrank.benchbridge.proto.EvaluationData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing of the TFRecord path (issue 11): damaged NAS-Bench-101 files must be refused with
 * a {@link DamagedFileException} naming the file, or read as exactly what the file says; never a
 * silent misread, never another exception type, never a buffer larger than the file.
 *
 * <p>Each case takes one of a few small valid files and applies one mutation: bit flips, a
 * truncation, a length edit (with or without a matching length checksum), a zeroed range, a
 * duplicated record, two records swapped, or a payload edit with both checksums recomputed (valid
 * framing, damaged content). The oracle is an independent model built from {@link NasbenchRecord}
 * objects (Jackson + protobuf, not the fast decoder): a strict load that succeeds must equal the
 * model of what the mutated file holds; a skip-corrupt load may only drop records, never return a
 * value the file does not hold undamaged.
 */
class TfRecordFuzzTest {
  static final long SEED = 20261124L;
  static final int CASES = 10_500;

  /**
   * Allocation allowed on top of twice the file (exceptions, messages, small objects): a buffer
   * sized from a damaged length (up to 2^63) would exceed it by orders of magnitude, while the
   * JVM's own overhead stays far below it.
   */
  static final long SLACK = 256 << 10;

  /**
   * A read allocating more than twice the file + this is measured again (its first run may load
   * classes).
   */
  static final long REMEASURE = 16 << 10;

  private static final String PAYLOAD_CHARS = "0123456789abcdef\",[] .-+eE/=\\AZaz\n";

  @TempDir Path dir;

  enum Mutation {
    BIT_FLIPS,
    TRUNCATION,
    LENGTH_EDIT,
    ZEROED_RANGE,
    DUPLICATED_RECORD,
    REORDERED_RECORDS,
    PAYLOAD_EDIT
  }

  /** A valid base file: its records, framed bytes and record boundaries. */
  record Base(List<NasbenchRecord> records, byte[] bytes, int[] starts) {
    static Base of(List<NasbenchRecord> recs) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int[] starts = new int[recs.size() + 1];
      for (int i = 0; i < recs.size(); i++) {
        starts[i] = out.size();
        out.writeBytes(TestRecords.frame(recs.get(i).toPayload()));
      }
      starts[recs.size()] = out.size();
      return new Base(List.copyOf(recs), out.toByteArray(), starts);
    }

    byte[] framed(int i) {
      return Arrays.copyOfRange(bytes, starts[i], starts[i + 1]);
    }
  }

  /** What the mutated file holds, when a reader can know it: its records (null = it is damaged). */
  record Case(Mutation mutation, byte[] bytes, List<NasbenchRecord> holds, boolean contentEdited) {}

  static final class Tally {
    final Map<Mutation, long[]> byMutation = new EnumMap<>(Mutation.class);
    final Map<String, Long> refusals = new TreeMap<>();
    long cases;
    long misreads;
    long unexpected;
    long allocationViolations;
    long maxExcess = Long.MIN_VALUE;
    long maxExcessFile;
    final List<String> failures = new ArrayList<>();

    void fail(String what) {
      if (failures.size() < 10) {
        failures.add(what);
      }
    }
  }

  @Test
  void damagedTfRecordsAreRefusedOrReadExactly() throws IOException {
    Random rng = new Random(SEED);
    List<Base> bases = new ArrayList<>();
    for (int b = 0; b < 12; b++) {
      bases.add(Base.of(TestRecords.records(rng, 2 + rng.nextInt(3), 1 + rng.nextInt(3))));
    }
    Tally t = new Tally();
    Path file = dir.resolve("fuzz.tfrecord");
    long t0 = System.nanoTime();
    for (int c = 0; c < CASES; c++) {
      Base base = bases.get(rng.nextInt(bases.size()));
      Mutation m = Mutation.values()[c % Mutation.values().length];
      Case k = mutate(base, m, rng);
      TestRecords.overwrite(file, k.bytes);
      t.cases++;
      long[] counts =
          t.byMutation.computeIfAbsent(m, x -> new long[3]); // cases, refused strict, read exactly
      counts[0]++;
      checkAllocation(file, k.bytes.length, t, m);
      // one case in eight goes through the decoding pool with small chunks, the others are decoded
      // in one chunk
      int chunk = c % 8 == 0 ? 64 + rng.nextInt(1024) : TfRecordReader.DEFAULT_CHUNK;
      // strict
      try {
        NasBench nb = NasBench.open(file, new NasbenchLoader.Options(2, false, chunk));
        if (k.holds == null) {
          t.misreads++;
          t.fail(m + " case " + c + ": a damaged file was read (" + nb.records() + " records)");
        } else {
          String diff = diff(model(k.holds), nb);
          diff = diff != null ? diff : outOfDomain(nb);
          if (diff != null) {
            t.misreads++;
            t.fail(m + " case " + c + ": read differs from what the file holds: " + diff);
          } else {
            counts[2]++;
          }
        }
      } catch (DamagedFileException e) {
        counts[1]++;
        refused(t, m, c, file, e, k);
      } catch (Throwable e) {
        t.unexpected++;
        t.fail(m + " case " + c + ": unexpected " + e);
      }
      // skip-corrupt
      try {
        NasBench nb = NasBench.open(file, new NasbenchLoader.Options(2, true, chunk));
        String diff =
            k.contentEdited
                ? outOfDomain(nb)
                : subsetDiff(model(k.holds != null ? k.holds : base.records), nb);
        if (diff != null) {
          t.misreads++;
          t.fail(m + " case " + c + " (skip-corrupt): " + diff);
        }
      } catch (DamagedFileException e) {
        refused(t, m, c, file, e, k);
      } catch (Throwable e) {
        t.unexpected++;
        t.fail(m + " case " + c + " (skip-corrupt): unexpected " + e);
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    StringBuilder sb =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "TFRecord fuzz (seed %d): %,d damaged files in %.1f s, each read strict and skip-corrupt:%n",
                SEED,
                t.cases,
                seconds));
    t.byMutation.forEach(
        (m, v) ->
            sb.append(
                String.format(
                    Locale.ROOT,
                    "  %-18s %,6d files: %,6d refused (strict), %,6d read exactly as they hold%n",
                    m,
                    v[0],
                    v[1],
                    v[2])));
    sb.append("  refusals by kind (strict + skip-corrupt): ").append(t.refusals).append('\n');
    sb.append(
        String.format(
            Locale.ROOT,
            "  silent misreads: %d, unexpected exceptions: %d, reads allocating more "
                + "than 2x the file + 256 KiB: %d (at most %,d bytes beyond 2x the file, for a %,d-byte file)%n",
            t.misreads,
            t.unexpected,
            t.allocationViolations,
            t.maxExcess,
            t.maxExcessFile));
    System.out.print(sb);
    assertTrue(t.failures.isEmpty(), String.join("\n", t.failures));
    assertEquals(0, t.misreads);
    assertEquals(0, t.unexpected);
    assertEquals(0, t.allocationViolations);
    assertTrue(t.cases >= 10_000);
  }

  private static void refused(
      Tally t, Mutation m, int c, Path file, DamagedFileException e, Case k) {
    String kind = e instanceof CorruptRecordException cre ? cre.kind().name() : "FILE";
    t.refusals.merge(kind, 1L, Long::sum);
    if (!e.getMessage().startsWith(file.toString()) || e.getMessage().contains("decoder error")) {
      t.unexpected++;
      t.fail(
          m
              + " case "
              + c
              + ": message does not name the file or hides a decoder error: "
              + e.getMessage());
    }
    if (k.holds != null
        && !k.contentEdited
        && k.holds.size() > 0
        && !(e instanceof CorruptRecordException
            && ((CorruptRecordException) e).kind() == CorruptRecordException.Kind.DUPLICATE)) {
      t.misreads++;
      t.fail(m + " case " + c + ": a valid file was refused: " + e.getMessage());
    }
  }

  /**
   * Reads the file with the framing reader (small chunks, so records cross chunk boundaries) on
   * this thread and checks what it allocated: the least of two reads, as the first read of a new
   * path may load classes.
   */
  private static void checkAllocation(Path file, long size, Tally t, Mutation m) {
    for (boolean skip : new boolean[] {false, true}) {
      long allocated = Long.MAX_VALUE;
      for (int attempt = 0; attempt < 2 && allocated > 2 * size + REMEASURE; attempt++) {
        try {
          allocated =
              Math.min(
                  allocated,
                  DamagedNasbenchTest.allocatedBy(
                      () -> {
                        try (TfRecordReader r = TfRecordReader.open(file, skip, 256)) {
                          while (r.next() != null) {
                            // drain
                          }
                        } catch (CorruptRecordException expected) {
                          // refusals are checked elsewhere
                        }
                      }));
        } catch (IOException e) {
          t.unexpected++;
          t.fail(m + ": reader threw " + e);
        }
      }
      if (allocated - 2 * size > t.maxExcess) {
        t.maxExcess = allocated - 2 * size;
        t.maxExcessFile = size;
      }
      if (allocated > 2 * size + SLACK) {
        t.allocationViolations++;
        t.fail(m + ": reading a " + size + "-byte file allocated " + allocated + " bytes");
      }
    }
  }

  private static Case mutate(Base base, Mutation m, Random rng) {
    byte[] b = base.bytes.clone();
    int n = base.records.size();
    switch (m) {
      case BIT_FLIPS -> {
        int flips = 1 + rng.nextInt(8);
        for (int i = 0; i < flips; i++) {
          int p = rng.nextInt(b.length);
          b[p] ^= (byte) (1 << rng.nextInt(8));
        }
        return damagedUnlessSame(m, base, b);
      }
      case TRUNCATION -> {
        int len = rng.nextInt(4) == 0 ? base.starts[rng.nextInt(n)] : rng.nextInt(b.length);
        byte[] cut = Arrays.copyOf(b, len);
        for (int i = 0; i <= n; i++) {
          if (base.starts[i]
              == len) { // a whole number of records: a valid, shorter file (empty when 0)
            return new Case(m, cut, len == 0 ? null : base.records.subList(0, i), false);
          }
        }
        return new Case(m, cut, null, false);
      }
      case LENGTH_EDIT -> {
        int r = rng.nextInt(n);
        int p = base.starts[r];
        long old = TfRecordReader.readLongLe(b, p);
        long v;
        do {
          v =
              switch (rng.nextInt(4)) {
                case 0 -> old + rng.nextInt(33) - 16;
                case 1 -> rng.nextLong();
                case 2 -> (1L << 31) - rng.nextInt(1024);
                default -> rng.nextInt(b.length * 2);
              };
        } while (v == old);
        TestRecords.putLongLe(b, p, v);
        if (rng.nextBoolean()) {
          TestRecords.putIntLe(b, p + 8, MaskedCrc32c.of(b, p, 8));
        }
        return new Case(m, b, null, false);
      }
      case ZEROED_RANGE -> {
        int from = rng.nextInt(b.length);
        int len = 1 + rng.nextInt(rng.nextBoolean() ? 16 : 1024);
        Arrays.fill(b, from, Math.min(b.length, from + len), (byte) 0);
        return damagedUnlessSame(m, base, b);
      }
      case DUPLICATED_RECORD -> {
        int r = rng.nextInt(n);
        int at = rng.nextInt(n + 1);
        List<NasbenchRecord> recs = new ArrayList<>(base.records);
        recs.add(at, base.records.get(r));
        // the later of the two identical records is the duplicate: skip-corrupt keeps the earlier
        List<NasbenchRecord> kept = new ArrayList<>(recs);
        kept.remove(at <= r ? r + 1 : at);
        return new Case(m, frameAll(recs), kept, false);
      }
      case REORDERED_RECORDS -> {
        List<NasbenchRecord> recs = new ArrayList<>(base.records);
        int i = rng.nextInt(n);
        int j = rng.nextInt(n);
        NasbenchRecord x = recs.get(i);
        recs.set(i, recs.get(j));
        recs.set(j, x);
        return new Case(m, frameAll(recs), recs, false);
      }
      default -> {
        // edit the payload of one record and recompute both checksums: valid framing, damaged
        // content
        int r = rng.nextInt(n);
        byte[] payload = base.records.get(r).toPayload();
        int edits = 1 + rng.nextInt(3);
        for (int i = 0; i < edits && payload.length > 0; i++) {
          int p = rng.nextInt(payload.length);
          switch (rng.nextInt(3)) {
            case 0 -> payload[p] ^= (byte) (1 << rng.nextInt(8));
            case 1 -> payload[p] = (byte) PAYLOAD_CHARS.charAt(rng.nextInt(PAYLOAD_CHARS.length()));
            default ->
                payload =
                    rng.nextBoolean()
                        ? Arrays.copyOf(payload, p)
                        : concat(
                            Arrays.copyOf(payload, p),
                            Arrays.copyOfRange(
                                payload,
                                Math.min(payload.length, p + 1 + rng.nextInt(8)),
                                payload.length));
          }
        }
        List<NasbenchRecord> holds;
        try {
          NasbenchRecord edited = NasbenchRecord.fromPayload(payload);
          holds = new ArrayList<>(base.records);
          holds.set(r, edited);
        } catch (IllegalArgumentException independentDecoderRefuses) {
          holds = null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < n; i++) {
          out.writeBytes(i == r ? TestRecords.frame(payload) : base.framed(i));
        }
        return new Case(m, out.toByteArray(), holds, true);
      }
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static Case damagedUnlessSame(Mutation m, Base base, byte[] b) {
    return Arrays.equals(b, base.bytes)
        ? new Case(m, b, base.records, false)
        : new Case(m, b, null, false);
  }

  private static byte[] frameAll(List<NasbenchRecord> recs) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (NasbenchRecord r : recs) {
      out.writeBytes(TestRecords.frame(r.toPayload()));
    }
    return out.toByteArray();
  }

  /** The independent model: hash -> cell, parameters, epochs -> repeats in file order. */
  record Cell(String adjacency, String operations, int params, Map<Integer, List<double[]>> runs) {}

  static Map<String, Cell> model(List<NasbenchRecord> recs) {
    Map<String, Cell> m = new LinkedHashMap<>();
    for (NasbenchRecord r : recs) {
      Cell c =
          m.computeIfAbsent(
              r.moduleHash(),
              h ->
                  new Cell(
                      r.adjacency(),
                      r.operations(),
                      r.metrics().getTrainableParameters(),
                      new TreeMap<>()));
      c.runs.computeIfAbsent(r.epochs(), e -> new ArrayList<>()).add(values(r));
    }
    return m;
  }

  private static double[] values(NasbenchRecord r) {
    EvaluationData h = r.metrics().getEvaluationData(1);
    EvaluationData f = r.metrics().getEvaluationData(2);
    return new double[] {
      h.getCurrentEpoch(),
      h.getTrainingTime(),
      h.getTrainAccuracy(),
      h.getValidationAccuracy(),
      h.getTestAccuracy(),
      f.getCurrentEpoch(),
      f.getTrainingTime(),
      f.getTrainAccuracy(),
      f.getValidationAccuracy(),
      f.getTestAccuracy(),
      r.metrics().getTotalTime()
    };
  }

  private static double[] values(NasBench nb, String h, int e, int r) {
    Evaluation a = nb.halfwayEvaluation(h, e, r);
    Evaluation b = nb.finalEvaluation(h, e, r);
    return new double[] {
      a.epoch(),
      a.trainingTime(),
      a.trainAccuracy(),
      a.validationAccuracy(),
      a.testAccuracy(),
      b.epoch(),
      b.trainingTime(),
      b.trainAccuracy(),
      b.validationAccuracy(),
      b.testAccuracy(),
      nb.totalTime(h, e, r)
    };
  }

  /** Null if every value {@code nb} returns is in its domain, else the first that is not. */
  static String outOfDomain(NasBench nb) {
    for (String h : nb.hashes().toList()) {
      if (nb.trainableParameters(h) < 0) {
        return "cell " + h + ": negative parameters " + nb.trainableParameters(h);
      }
      for (int e : nb.epochBudgets()) {
        for (int r = 0; r < nb.repeats(h, e); r++) {
          double[] v = values(nb, h, e, r);
          for (int col = 0; col < v.length; col++) {
            String p = RecordColumns.valueProblem(col, v[col]);
            if (p != null) {
              return "cell " + h + " at " + e + " epochs repeat " + r + ": " + p;
            }
          }
        }
      }
    }
    return null;
  }

  /** Null if {@code nb} holds exactly the model, else the first difference. */
  static String diff(Map<String, Cell> model, NasBench nb) {
    if (nb.size() != model.size()) {
      return nb.size() + " cells, the file holds " + model.size();
    }
    for (Map.Entry<String, Cell> x : model.entrySet()) {
      String d = cellDiff(x.getKey(), x.getValue(), nb, false);
      if (d != null) {
        return d;
      }
    }
    return null;
  }

  /**
   * Null if every cell and run of {@code nb} is an undamaged one of the model (runs may be
   * missing).
   */
  static String subsetDiff(Map<String, Cell> model, NasBench nb) {
    for (String h : nb.hashes().toList()) {
      Cell c = model.get(h);
      if (c == null) {
        return "cell " + h + " is not in the file";
      }
      String d = cellDiff(h, c, nb, true);
      if (d != null) {
        return d;
      }
    }
    return null;
  }

  private static String cellDiff(String h, Cell c, NasBench nb, boolean subset) {
    if (!nb.contains(h)) {
      return "cell " + h + " missing";
    }
    if (!nb.spec(h).adjacencyString().equals(c.adjacency)
        || !nb.spec(h).operationsString().equals(c.operations)) {
      return "cell " + h + ": " + nb.spec(h) + " vs " + c.adjacency + " " + c.operations;
    }
    if (nb.trainableParameters(h) != c.params) {
      return "cell " + h + ": parameters " + nb.trainableParameters(h) + " vs " + c.params;
    }
    for (int e : nb.epochBudgets()) {
      List<double[]> want = c.runs.getOrDefault(e, List.of());
      int have = nb.repeats(h, e);
      if (!subset && have != want.size()) {
        return "cell " + h + " at " + e + " epochs: " + have + " repeats vs " + want.size();
      }
      int w = 0;
      for (int r = 0; r < have; r++) {
        double[] got = values(nb, h, e, r);
        while (w < want.size() && !Arrays.equals(want.get(w), got)) {
          if (!subset) {
            return "cell "
                + h
                + " at "
                + e
                + " epochs repeat "
                + r
                + ": "
                + Arrays.toString(got)
                + " vs "
                + Arrays.toString(want.get(w));
          }
          w++;
        }
        if (w == want.size()) {
          return "cell "
              + h
              + " at "
              + e
              + " epochs repeat "
              + r
              + ": "
              + Arrays.toString(got)
              + " is not an undamaged run of the file (in order)";
        }
        w++;
      }
    }
    if (!subset) {
      for (int e : c.runs.keySet()) {
        if (nb.repeats(h, e) != c.runs.get(e).size()) {
          return "cell "
              + h
              + " at "
              + e
              + " epochs: "
              + nb.repeats(h, e)
              + " repeats vs "
              + c.runs.get(e).size();
        }
      }
    }
    return null;
  }

  @Test
  void theOracleSeesAMisread() {
    List<NasbenchRecord> recs = TestRecords.records(new Random(1), 2, 2);
    List<NasbenchRecord> other = new ArrayList<>(recs);
    NasbenchRecord r = other.get(1);
    other.set(
        1,
        new NasbenchRecord(
            r.moduleHash(),
            r.epochs(),
            r.adjacency(),
            r.operations(),
            r.metrics().toBuilder().setTotalTime(r.metrics().getTotalTime() + 1).build()));
    assertTrue(new String(r.toPayload(), StandardCharsets.UTF_8).startsWith("[\""));
    Path p = dir.resolve("x.tfrecord");
    try {
      Files.write(p, TestRecords.file(other));
      NasBench nb = NasBench.open(p);
      assertTrue(diff(model(recs), nb) != null, "the oracle must notice one changed value");
      assertEquals(null, diff(model(other), nb));
      assertTrue(subsetDiff(model(recs), nb) != null);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
