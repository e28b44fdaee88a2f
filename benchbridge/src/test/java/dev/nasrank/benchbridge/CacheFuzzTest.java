package dev.nasrank.benchbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nasrank.benchbridge.io.DamagedFileException;
import dev.nasrank.benchbridge.io.TestRecords;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing of the binary cache (issue 11): a damaged cache must be refused with a {@link
 * DamagedFileException} naming the file; never read, never another exception type, never an
 * allocation beyond what the file holds.
 *
 * <p>Mutations: bit flips, truncations, edits of the header's counts and name length, zeroed
 * ranges, one record's value duplicated over another's, two records (all eleven columns) or two
 * cells swapped, bytes appended. Each plain mutation leaves the content checksum stale, so any
 * successful load of a changed file is a silent misread. A second set recomputes the checksum after
 * the mutation (damage the checksum cannot see): those must be refused by the structure and value
 * checks or load into a NasBench every query of which works and returns values in their domain.
 */
class CacheFuzzTest {
  static final long SEED = 20261125L;
  static final int PLAIN_CASES = 10_500;
  static final int CHECKSUM_FIXED_CASES = 2_100;

  /** Allocation allowed on top of twice the file (see {@code TfRecordFuzzTest.SLACK}). */
  static final long SLACK = 256 << 10;

  @TempDir Path dir;

  enum Mutation {
    BIT_FLIPS,
    TRUNCATION,
    LENGTH_EDIT,
    ZEROED_RANGE,
    DUPLICATED_RECORD,
    REORDERED_RECORDS,
    APPENDED_BYTES
  }

  record Base(byte[] bytes, NasBench nb, int dataStart) {}

  @Test
  void damagedCachesAreRefused() throws IOException {
    Random rng = new Random(SEED);
    List<Base> bases = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Path src = dir.resolve("src" + i + ".tfrecord");
      Files.write(
          src, TestRecords.file(TestRecords.records(rng, 2 + rng.nextInt(4), 1 + rng.nextInt(3))));
      NasBench nb = NasBench.open(src);
      Path cache = dir.resolve("base" + i + ".nbcache");
      NasBenchCache.write(nb, src, cache);
      bases.add(
          new Base(Files.readAllBytes(cache), nb, (int) NasBenchCache.header(cache).dataStart()));
    }
    Path file = dir.resolve("fuzz.nbcache");
    Map<Mutation, long[]> plain =
        new EnumMap<>(Mutation.class); // cases, refused, unchanged and read
    Map<Mutation, long[]> fixed =
        new EnumMap<>(Mutation.class); // cases, refused, accepted and queryable
    Map<String, Long> refusals = new TreeMap<>();
    long misreads = 0;
    long unexpected = 0;
    long allocationViolations = 0;
    long maxExcess = Long.MIN_VALUE;
    List<String> failures = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int c = 0; c < PLAIN_CASES + CHECKSUM_FIXED_CASES; c++) {
      boolean fixCrc = c >= PLAIN_CASES;
      Base base = bases.get(rng.nextInt(bases.size()));
      Mutation m = Mutation.values()[c % Mutation.values().length];
      if (fixCrc && m == Mutation.TRUNCATION) {
        m = Mutation.BIT_FLIPS; // a truncation removes the checksum it would fix
      }
      byte[] b = mutate(base, m, rng);
      if (fixCrc && b.length >= 8) {
        CRC32C crc = new CRC32C();
        crc.update(b, 0, b.length - 4);
        ByteBuffer.wrap(b)
            .order(ByteOrder.LITTLE_ENDIAN)
            .putInt(b.length - 4, (int) crc.getValue());
      }
      boolean same = Arrays.equals(b, base.bytes);
      TestRecords.overwrite(file, b);
      long[] counts = (fixCrc ? fixed : plain).computeIfAbsent(m, x -> new long[3]);
      counts[0]++;
      NasBench[] got = new NasBench[1];
      Throwable[] thrown = new Throwable[1];
      long allocated =
          allocatedBy(
              () -> {
                try {
                  got[0] = NasBench.open(file);
                } catch (Throwable e) {
                  thrown[0] = e;
                }
              });
      if (allocated > 2L * b.length + (16 << 10)) {
        // the first load along a new path may load classes: measure once more
        allocated =
            Math.min(
                allocated,
                allocatedBy(
                    () -> {
                      try {
                        NasBench.open(file);
                      } catch (Throwable ignored) {
                        // measured only
                      }
                    }));
      }
      maxExcess = Math.max(maxExcess, allocated - 2L * b.length);
      if (allocated > 2L * b.length + SLACK) {
        allocationViolations++;
        fail(
            failures,
            m + " case " + c + ": loading a " + b.length + "-byte file allocated " + allocated);
      }
      if (thrown[0] instanceof DamagedFileException e) {
        counts[1]++;
        refusals.merge(e.getClass().getSimpleName(), 1L, Long::sum);
        if (!e.getMessage().startsWith(file.toString())) {
          unexpected++;
          fail(
              failures,
              m + " case " + c + ": message does not start with the file: " + e.getMessage());
        }
        if (same) {
          misreads++;
          fail(failures, m + " case " + c + ": an undamaged cache was refused: " + e.getMessage());
        }
      } else if (thrown[0] != null) {
        unexpected++;
        fail(
            failures,
            m + " case " + c + (fixCrc ? " (checksum fixed)" : "") + ": unexpected " + thrown[0]);
      } else if (same) {
        String d = sameContent(base.nb, got[0]);
        if (d != null) {
          misreads++;
          fail(failures, m + " case " + c + ": unchanged cache read differently: " + d);
        } else {
          counts[2]++;
        }
      } else if (!fixCrc) {
        misreads++;
        fail(
            failures,
            m + " case " + c + ": a damaged cache was read (" + got[0].records() + " records)");
      } else {
        String problem = queryEverything(got[0]);
        if (problem != null) {
          unexpected++;
          fail(failures, m + " case " + c + " (checksum fixed): accepted but " + problem);
        } else {
          counts[2]++;
        }
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    StringBuilder sb =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "cache fuzz (seed %d): %,d damaged caches with a stale checksum + %,d with a recomputed checksum in %.1f s%n",
                SEED,
                PLAIN_CASES,
                CHECKSUM_FIXED_CASES,
                seconds));
    plain.forEach(
        (m, v) ->
            sb.append(
                String.format(
                    Locale.ROOT,
                    "  %-18s %,6d caches: %,6d refused, %,4d unchanged by the mutation and read exactly%n",
                    m,
                    v[0],
                    v[1],
                    v[2])));
    sb.append("  with the checksum recomputed (damage a checksum cannot see):\n");
    fixed.forEach(
        (m, v) ->
            sb.append(
                String.format(
                    Locale.ROOT,
                    "  %-18s %,6d caches: %,6d refused by the structure and value checks, %,4d accepted (every query "
                        + "works, every value in its domain)%n",
                    m,
                    v[0],
                    v[1],
                    v[2])));
    sb.append("  refusals: ").append(refusals).append('\n');
    sb.append(
        String.format(
            Locale.ROOT,
            "  silent misreads: %d, unexpected exceptions: %d, loads allocating more "
                + "than 2x the file + 256 KiB: %d (at most %,d bytes beyond 2x the file)%n",
            misreads,
            unexpected,
            allocationViolations,
            maxExcess));
    System.out.print(sb);
    assertTrue(failures.isEmpty(), String.join("\n", failures));
    assertEquals(0, misreads);
    assertEquals(0, unexpected);
    assertEquals(0, allocationViolations);
  }

  private static void fail(List<String> failures, String what) {
    if (failures.size() < 10) {
      failures.add(what);
    }
  }

  private static long allocatedBy(Runnable r) {
    com.sun.management.ThreadMXBean mx =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = mx.getCurrentThreadAllocatedBytes();
    r.run();
    return mx.getCurrentThreadAllocatedBytes() - before;
  }

  private static byte[] mutate(Base base, Mutation m, Random rng) {
    byte[] b = base.bytes.clone();
    int cells = base.nb.size();
    int records = base.nb.records();
    int budgets = base.nb.epochBudgets().length;
    // byte offsets of the columns
    int hiAt = base.dataStart + 4 * budgets;
    int valuesAt = hiAt + 8 * 3 * cells + 4 * 2 * cells + 4 * (cells * budgets + 1);
    switch (m) {
      case BIT_FLIPS -> {
        int flips = 1 + rng.nextInt(8);
        for (int i = 0; i < flips; i++) {
          int p = rng.nextInt(b.length);
          b[p] ^= (byte) (1 << rng.nextInt(8));
        }
        return b;
      }
      case TRUNCATION -> {
        return Arrays.copyOf(b, rng.nextInt(b.length));
      }
      case LENGTH_EDIT -> {
        // name length at 52, then after the name: cells, budgets, records
        int nameLen = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt(52);
        int[] fields = {52, 56 + nameLen, 60 + nameLen, 64 + nameLen};
        int at = fields[rng.nextInt(fields.length)];
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int old = bb.getInt(at);
        int v;
        do {
          v =
              switch (rng.nextInt(3)) {
                case 0 -> old + rng.nextInt(9) - 4;
                case 1 -> rng.nextInt();
                default -> Integer.MAX_VALUE - rng.nextInt(16);
              };
        } while (v == old);
        bb.putInt(at, v);
        return b;
      }
      case ZEROED_RANGE -> {
        int from = rng.nextInt(b.length);
        Arrays.fill(
            b,
            from,
            Math.min(b.length, from + 1 + rng.nextInt(rng.nextBoolean() ? 8 : 256)),
            (byte) 0);
        return b;
      }
      case DUPLICATED_RECORD -> {
        // one record's value copied over another record's, in one column
        int col = rng.nextInt(11);
        int i = rng.nextInt(records);
        int j = rng.nextInt(records);
        System.arraycopy(
            base.bytes,
            valuesAt + 8 * (col * records + i),
            b,
            valuesAt + 8 * (col * records + j),
            8);
        return b;
      }
      case REORDERED_RECORDS -> {
        if (rng.nextBoolean() || cells < 2) { // two records swapped in all eleven columns
          int i = rng.nextInt(records);
          int j = rng.nextInt(records);
          for (int col = 0; col < 11; col++) {
            swap(b, valuesAt + 8 * (col * records + i), valuesAt + 8 * (col * records + j), 8);
          }
        } else { // two cells swapped in the hash, adjacency, ops and parameter columns
          int i = rng.nextInt(cells);
          int j = rng.nextInt(cells);
          for (int k = 0; k < 3; k++) {
            swap(b, hiAt + 8 * (k * cells + i), hiAt + 8 * (k * cells + j), 8);
          }
          int intsAt = hiAt + 24 * cells;
          for (int k = 0; k < 2; k++) {
            swap(b, intsAt + 4 * (k * cells + i), intsAt + 4 * (k * cells + j), 4);
          }
        }
        return b;
      }
      default -> {
        byte[] more = new byte[1 + rng.nextInt(64)];
        rng.nextBytes(more);
        byte[] out = Arrays.copyOf(b, b.length + more.length);
        System.arraycopy(more, 0, out, b.length, more.length);
        return out;
      }
    }
  }

  private static void swap(byte[] b, int x, int y, int len) {
    for (int k = 0; k < len; k++) {
      byte t = b[x + k];
      b[x + k] = b[y + k];
      b[y + k] = t;
    }
  }

  /** Null if the two hold the same cells and runs value for value. */
  private static String sameContent(NasBench a, NasBench b) {
    if (a.size() != b.size() || a.records() != b.records()) {
      return a.size() + "/" + a.records() + " vs " + b.size() + "/" + b.records();
    }
    for (int i = 0; i < a.size(); i++) {
      String h = a.hashAt(i);
      if (!h.equals(b.hashAt(i))
          || !a.specAt(i).equals(b.specAt(i))
          || a.trainableParametersAt(i) != b.trainableParametersAt(i)) {
        return "cell " + i;
      }
      for (int e : a.epochBudgets()) {
        for (int r = 0; r < a.repeats(h, e); r++) {
          if (!a.finalEvaluation(h, e, r).equals(b.finalEvaluation(h, e, r))
              || !a.halfwayEvaluation(h, e, r).equals(b.halfwayEvaluation(h, e, r))
              || a.totalTime(h, e, r) != b.totalTime(h, e, r)) {
            return "run " + h + " " + e + " " + r;
          }
        }
      }
    }
    return null;
  }

  /**
   * Null if every query of every cell works and returns values in their domain; else what failed.
   */
  private static String queryEverything(NasBench nb) {
    try {
      for (int i = 0; i < nb.size(); i++) {
        String h = nb.hashAt(i);
        ModelSpec s = nb.spec(h);
        if (!s.isValid() || nb.trainableParameters(h) < 0) {
          return "cell " + h + " is " + s;
        }
        for (int e : nb.epochBudgets()) {
          for (int r = 0; r < nb.repeats(h, e); r++) {
            for (Evaluation ev :
                List.of(nb.finalEvaluation(h, e, r), nb.halfwayEvaluation(h, e, r))) {
              for (double acc :
                  new double[] {ev.trainAccuracy(), ev.validationAccuracy(), ev.testAccuracy()}) {
                if (!(acc >= 0 && acc <= 1)) {
                  return "accuracy " + acc + " of " + h;
                }
              }
            }
          }
          if (nb.repeats(h, e) > 0) {
            nb.meanFinalValidationAccuracy(h, e);
          }
        }
      }
      return null;
    } catch (RuntimeException e) {
      return "a query threw " + e;
    }
  }
}
