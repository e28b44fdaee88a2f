package dev.nasrank.benchbridge;

import dev.nasrank.benchbridge.io.RecordColumns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * An enumerated set of NAS-Bench-101 cells, one per module hash, held sorted by hash in primitive
 * arrays. {@link #enumerate} gives the whole space as the reference {@code generate_graphs} does:
 * for V = 2..7 vertices, every upper-triangular bit mask (bit {@code x + y(y-1)/2} for edge x&lt;y)
 * whose rows but the last and columns but the first are non-empty and that has at most 9 edges,
 * with every labelling of the V-2 inner vertices, deduplicated by graph hash. The result is 423,624
 * unique cells from 1,293,208 labelled candidates. {@link CellSpace#enumerate} gives this space and
 * its subspaces.
 *
 * <p>The representative of each hash is the first candidate in the reference order (V, then mask,
 * then labelling with the first inner vertex varying slowest; see {@link ReferenceOrder}), which is
 * the matrix NAS-Bench-101 stores; so the result does not depend on the number of threads, and a
 * subspace's representatives are those of the whole space.
 */
public final class SearchSpace {
  /** Number of unique cells in the NAS-Bench-101 space. */
  public static final int UNIQUE_CELLS = 423_624;

  /** Number of labelled candidate graphs before deduplication. */
  public static final int CANDIDATES = 1_293_208;

  private static final int CHUNK = 1 << 12;

  private final String name;
  private final long[] hi;
  private final long[] lo;
  private final long[] adjacency;
  private final int[] ops;
  private final long candidates;

  private SearchSpace(
      String name, long[] hi, long[] lo, long[] adjacency, int[] ops, long candidates) {
    this.name = name;
    this.hi = hi;
    this.lo = lo;
    this.adjacency = adjacency;
    this.ops = ops;
    this.candidates = candidates;
  }

  /** Enumerates the whole space ({@link CellSpace#NB101}) on {@code threads} threads. */
  public static SearchSpace enumerate(int threads) {
    return enumerate(threads, n -> {});
  }

  /**
   * Enumerates the space on {@code threads} threads, reporting the number of candidates hashed so
   * far to {@code progress} (from worker threads, about every few thousand candidates).
   */
  public static SearchSpace enumerate(int threads, LongConsumer progress) {
    List<int[]> tasks = new ArrayList<>();
    for (int v = 2; v <= ModelSpec.MAX_VERTICES; v++) {
      int masks = 1 << (v * (v - 1) / 2);
      for (int from = 0; from < masks; from += CHUNK) {
        tasks.add(new int[] {v, from, Math.min(masks, from + CHUNK)});
      }
    }
    AtomicInteger next = new AtomicInteger();
    java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
    Part[] parts = new Part[Math.max(1, threads)];
    Thread[] workers = new Thread[parts.length];
    RuntimeException[] failure = new RuntimeException[1];
    for (int t = 0; t < parts.length; t++) {
      Part part = new Part();
      parts[t] = part;
      workers[t] =
          new Thread(
              () -> {
                try {
                  int k;
                  while ((k = next.getAndIncrement()) < tasks.size()) {
                    int[] task = tasks.get(k);
                    int before = part.size;
                    part.run(task[0], task[1], task[2]);
                    progress.accept(done.addAndGet(part.size - before));
                  }
                } catch (RuntimeException e) {
                  failure[0] = e;
                }
              },
              "nasbench-enumerate-" + t);
      workers[t].start();
    }
    for (Thread w : workers) {
      try {
        w.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while enumerating", e);
      }
    }
    if (failure[0] != null) {
      throw failure[0];
    }
    return merge(parts);
  }

  private static SearchSpace merge(Part[] parts) {
    long total = 0;
    for (Part p : parts) {
      total += p.size;
    }
    LongPairIndex index = new LongPairIndex(UNIQUE_CELLS);
    int cap = 1 << 19;
    long[] hi = new long[cap];
    long[] lo = new long[cap];
    long[] seq = new long[cap];
    long[] adj = new long[cap];
    int[] ops = new int[cap];
    for (Part p : parts) {
      for (int i = 0; i < p.size; i++) {
        int id = index.get(p.hi[i], p.lo[i]);
        if (id < 0) {
          id = index.size();
          index.put(p.hi[i], p.lo[i], id);
          if (id == hi.length) {
            hi = Arrays.copyOf(hi, id * 2);
            lo = Arrays.copyOf(lo, id * 2);
            seq = Arrays.copyOf(seq, id * 2);
            adj = Arrays.copyOf(adj, id * 2);
            ops = Arrays.copyOf(ops, id * 2);
          }
          hi[id] = p.hi[i];
          lo[id] = p.lo[i];
        } else if (seq[id] <= p.seq[i]) {
          continue;
        }
        seq[id] = p.seq[i];
        adj[id] = p.adj[i];
        ops[id] = p.ops[i];
      }
    }
    int n = index.size();
    int[] order = HashKey.sortOrder(hi, lo, n);
    long[] sh = new long[n];
    long[] sl = new long[n];
    long[] sa = new long[n];
    int[] so = new int[n];
    for (int r = 0; r < n; r++) {
      int id = order[r];
      sh[r] = hi[id];
      sl[r] = lo[id];
      sa[r] = adj[id];
      so[r] = ops[id];
    }
    return new SearchSpace(CellSpace.NB101.id(), sh, sl, sa, so, total);
  }

  /**
   * A space of the given representatives: each is hashed (on {@code threads} threads) and the cells
   * are sorted by hash.
   *
   * @param name the space's id, used in messages
   * @param keys {@link ReferenceOrder} keys of class representatives, one per isomorphism class
   * @param candidates labelled candidates the definition has before deduplication
   * @throws IllegalStateException if two representatives share a hash (two non-isomorphic cells
   *     with one hash, which NAS-Bench-101 ruled out for its domain)
   */
  static SearchSpace ofRepresentatives(String name, long[] keys, long candidates, int threads) {
    int n = keys.length;
    long[] hi = new long[n];
    long[] lo = new long[n];
    long[] adj = new long[n];
    int[] packed = new int[n];
    int workers = Math.max(1, Math.min(threads, n / 1024 + 1));
    Thread[] pool = new Thread[workers];
    RuntimeException[] failure = new RuntimeException[1];
    for (int t = 0; t < workers; t++) {
      int from = (int) ((long) n * t / workers);
      int to = (int) ((long) n * (t + 1) / workers);
      pool[t] =
          new Thread(
              () -> {
                try {
                  GraphHash.Hasher hasher = new GraphHash.Hasher();
                  long[] out = new long[2];
                  for (int i = from; i < to; i++) {
                    Op[] o = ReferenceOrder.ops(keys[i]);
                    adj[i] = ReferenceOrder.adjacencyBits(keys[i]);
                    packed[i] = RecordColumns.packOps(o);
                    hasher.hashInto(o.length, adj[i], List.of(o), out);
                    hi[i] = out[0];
                    lo[i] = out[1];
                  }
                } catch (RuntimeException e) {
                  failure[0] = e;
                }
              },
              name + "-hash-" + t);
      pool[t].start();
    }
    for (Thread w : pool) {
      try {
        w.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while hashing " + name, e);
      }
    }
    if (failure[0] != null) {
      throw failure[0];
    }
    int[] order = HashKey.sortOrder(hi, lo, n);
    long[] sh = new long[n];
    long[] sl = new long[n];
    long[] sa = new long[n];
    int[] so = new int[n];
    for (int r = 0; r < n; r++) {
      int id = order[r];
      sh[r] = hi[id];
      sl[r] = lo[id];
      sa[r] = adj[id];
      so[r] = packed[id];
      if (r > 0 && HashKey.compare(sh[r - 1], sl[r - 1], sh[r], sl[r]) == 0) {
        throw new IllegalStateException(
            name
                + ": two non-isomorphic cells share hash "
                + HashKey.format(sh[r], sl[r])
                + ": "
                + ReferenceOrder.spec(keys[order[r - 1]])
                + " and "
                + ReferenceOrder.spec(keys[id]));
      }
    }
    return new SearchSpace(name, sh, sl, sa, so, candidates);
  }

  /** One thread's candidates. */
  private static final class Part {
    final GraphHash.Hasher hasher = new GraphHash.Hasher();
    final long[] out = new long[2];
    int size;
    long[] hi = new long[1 << 16];
    long[] lo = new long[1 << 16];
    long[] seq = new long[1 << 16];
    long[] adj = new long[1 << 16];
    int[] ops = new int[1 << 16];

    void run(int v, int from, int to) {
      List<List<Op>> labellings = labellings(v);
      int[] codes = new int[labellings.size()];
      for (int l = 0; l < codes.length; l++) {
        codes[l] = RecordColumns.packOps(labellings.get(l).toArray(new Op[0]));
      }
      for (int mask = from; mask < to; mask++) {
        long bits = fullDagBits(v, mask);
        if (bits < 0) {
          continue;
        }
        for (int l = 0; l < codes.length; l++) {
          hasher.hashInto(v, bits, labellings.get(l), out);
          add(out[0], out[1], ((long) v << 40) | ((long) mask << 8) | l, bits, codes[l]);
        }
      }
    }

    void add(long h, long l, long s, long bits, int code) {
      if (size == hi.length) {
        int c = size * 2;
        hi = Arrays.copyOf(hi, c);
        lo = Arrays.copyOf(lo, c);
        seq = Arrays.copyOf(seq, c);
        adj = Arrays.copyOf(adj, c);
        ops = Arrays.copyOf(ops, c);
      }
      hi[size] = h;
      lo[size] = l;
      seq[size] = s;
      adj[size] = bits;
      ops[size] = code;
      size++;
    }
  }

  private static final List<List<List<Op>>> LABELLINGS = new ArrayList<>();

  static {
    for (int v = 0; v <= ModelSpec.MAX_VERTICES; v++) {
      List<List<Op>> list = new ArrayList<>();
      int inner = Math.max(0, v - 2);
      int count = (int) Math.pow(3, inner);
      for (int l = 0; l < count; l++) {
        Op[] ops = new Op[v];
        if (v >= 2) {
          ops[0] = Op.INPUT;
          ops[v - 1] = Op.OUTPUT;
          int x = l;
          for (int k = inner; k >= 1; k--) {
            ops[k] = Op.INNER[x % 3];
            x /= 3;
          }
          list.add(List.of(ops));
        }
      }
      LABELLINGS.add(List.copyOf(list));
    }
  }

  /** Inner labellings of a V-vertex cell in the reference (itertools.product) order. */
  static List<List<Op>> labellings(int v) {
    return LABELLINGS.get(v);
  }

  /**
   * Adjacency bits (bit {@code from * 7 + to}) of a reference mask if it is a "full DAG" with at
   * most 9 edges, else -1.
   */
  static long fullDagBits(int v, int mask) {
    if (Integer.bitCount(mask) > ModelSpec.MAX_EDGES) {
      return -1;
    }
    long bits = 0;
    int rowsWithOut = 0;
    int colsWithIn = 0;
    for (int y = 1; y < v; y++) {
      for (int x = 0; x < y; x++) {
        if ((mask >>> (x + y * (y - 1) / 2) & 1) != 0) {
          bits |= 1L << (x * ModelSpec.MAX_VERTICES + y);
          rowsWithOut |= 1 << x;
          colsWithIn |= 1 << y;
        }
      }
    }
    int needRows = (1 << (v - 1)) - 1;
    int needCols = ((1 << v) - 1) & ~1;
    return (rowsWithOut & needRows) == needRows && (colsWithIn & needCols) == needCols ? bits : -1;
  }

  /** Number of labelled candidates before deduplication (without hashing). */
  public static long countCandidates() {
    return CellSpace.NB101.configurations();
  }

  /** The id of the space, e.g. {@code nb101} or {@code 1shot1-ss3} (see {@link CellSpace}). */
  public String name() {
    return name;
  }

  /** Number of unique cells. */
  public int size() {
    return hi.length;
  }

  /**
   * Labelled candidates of the space's definition before deduplication (for the whole space, the
   * graphs hashed).
   */
  public long candidates() {
    return candidates;
  }

  /** All hashes, ascending. */
  public Stream<String> hashes() {
    return IntStream.range(0, size()).mapToObj(this::hashAt);
  }

  /** The {@code i}-th hash in ascending order. */
  public String hashAt(int i) {
    return HashKey.format(hi[i], lo[i]);
  }

  /** Index of a hash in ascending order, or -1. */
  public int indexOf(String hash) {
    return HashKey.isHash(hash)
        ? HashKey.search(hi, lo, hi.length, HashKey.hi(hash), HashKey.lo(hash))
        : -1;
  }

  /** True if the hash is in the space. */
  public boolean contains(String hash) {
    return indexOf(hash) >= 0;
  }

  /**
   * The representative cell of a hash.
   *
   * @throws NoSuchElementException if the hash is not in the space
   */
  public ModelSpec spec(String hash) {
    int i = indexOf(hash);
    if (i < 0) {
      throw new NoSuchElementException("module hash " + hash + " is not in the space " + name);
    }
    return specAt(i);
  }

  /** The representative cell of the {@code i}-th hash. */
  public ModelSpec specAt(int i) {
    return PackedCell.spec(adjacency[i], ops[i]);
  }
}
