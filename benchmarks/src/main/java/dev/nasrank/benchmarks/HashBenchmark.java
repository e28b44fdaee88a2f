package dev.nasrank.benchmarks;

import dev.nasrank.benchbridge.ModelSpec;
import dev.nasrank.benchbridge.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Graph hashing throughput on 2 threads over 7-vertex cells (the most work per cell, and most of
 * the space); the JMH score (ops/s summed over threads) is specs hashed per second. Target: at
 * least 100,000.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(2)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class HashBenchmark {

  /** 4,096 random valid 7-vertex cells with at most 9 edges, shared by both threads. */
  @State(Scope.Benchmark)
  public static class Specs {
    ModelSpec[] specs;
    long[] bits;
    int[] sizes;

    @Setup
    public void setup() {
      SplittableRandom rnd = new SplittableRandom(1);
      List<ModelSpec> list = new ArrayList<>();
      while (list.size() < 4096) {
        int[][] m = new int[7][7];
        for (int i = 0; i < 7; i++) {
          for (int j = i + 1; j < 7; j++) {
            m[i][j] = rnd.nextInt(4) == 0 ? 1 : 0;
          }
        }
        List<Op> ops = new ArrayList<>();
        ops.add(Op.INPUT);
        for (int v = 1; v < 6; v++) {
          ops.add(Op.INNER[rnd.nextInt(3)]);
        }
        ops.add(Op.OUTPUT);
        try {
          ModelSpec s = ModelSpec.of(m, ops);
          if (s.isValid() && s.vertexCount() == 7) {
            list.add(s);
          }
        } catch (IllegalArgumentException tooManyEdges) {
          // skip
        }
      }
      specs = list.toArray(new ModelSpec[0]);
      bits = new long[specs.length];
      sizes = new int[specs.length];
      for (int i = 0; i < specs.length; i++) {
        bits[i] = bits(specs[i]);
        sizes[i] = specs[i].vertexCount();
      }
    }
  }

  /** Per-thread cursor and hasher. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;
    final dev.nasrank.benchbridge.GraphHash.Hasher hasher =
        new dev.nasrank.benchbridge.GraphHash.Hasher();
  }

  @Benchmark
  public String hash(Specs s, Cursor c) {
    int i = c.next++ & 4095;
    return c.hasher.hash(s.sizes[i], s.bits[i], s.specs[i].ops());
  }

  private static long bits(ModelSpec spec) {
    long b = 0;
    for (int i = 0; i < spec.vertexCount(); i++) {
      for (int j = i + 1; j < spec.vertexCount(); j++) {
        if (spec.hasEdge(i, j)) {
          b |= 1L << (i * 7 + j);
        }
      }
    }
    return b;
  }
}
