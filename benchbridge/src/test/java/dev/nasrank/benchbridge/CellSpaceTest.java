package dev.nasrank.benchbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nasrank.datasets.TestData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The cell spaces: ids, configuration counts computed by hand, pinned unique-cell counts, agreement
 * with the whole space (cells and stored representatives), and each 1Shot1 space checked against
 * hashing its configurations one by one.
 *
 * <p>The pinned unique-cell counts were also obtained independently, by a throw-away Python script
 * that hashes every configuration with the reference {@code hash_module} algorithm and counts the
 * distinct hashes: nb101-v4 91, nb101-v5 2,532, nb101-v6 64,542, 1shot1-ss1 2,685, 1shot1-ss2
 * 7,773, 1shot1-ss3 55,854.
 */
class CellSpaceTest {

  private static final Map<CellSpace, SearchSpace> ENUMERATED = new LinkedHashMap<>();

  private static synchronized SearchSpace enumerated(CellSpace s) {
    return ENUMERATED.computeIfAbsent(
        s, x -> x == CellSpace.NB101 ? FullSpace.get() : x.enumerate(2));
  }

  private static List<CellSpace> subspaces() {
    return CellSpace.all().subList(1, CellSpace.all().size());
  }

  @Test
  void idsParseBackAndAnUnknownIdListsTheKnownOnes() {
    List<String> ids = CellSpace.all().stream().map(CellSpace::id).toList();
    assertEquals(
        List.of(
            "nb101", "nb101-v4", "nb101-v5", "nb101-v6", "1shot1-ss1", "1shot1-ss2", "1shot1-ss3"),
        ids);
    for (CellSpace s : CellSpace.all()) {
      assertSame(s, CellSpace.parse(s.id()));
      assertEquals(s.id(), s.toString());
    }
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CellSpace.parse("ss3"));
    assertTrue(e.getMessage().contains("'ss3'"), e.getMessage());
    for (String id : ids) {
      assertTrue(e.getMessage().contains(id), e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> CellSpace.NB101_V4.enumerate(0));
  }

  @Test
  void configurationCountsFollowFromTheDefinitions() {
    assertEquals(1_293_208L, CellSpace.NB101.configurations());
    // V <= 4: V=2 one mask, V=3 two masks x 3, V=4 ten full-DAG masks x 9 (counted by the
    // reference rule; 97 in all, as generate_graphs reports with max_vertices=4)
    assertEquals(97L, CellSpace.NB101_V4.configurations());
    assertEquals(3_364L, CellSpace.NB101_V5.configurations());
    assertEquals(128_509L, CellSpace.NB101_V6.configurations());
    // parent choices C(1,1) C(2,2) C(3,2) C(4,2) C(5,2) = 180, times 3^4 operations
    assertEquals(180L * 81, CellSpace.ONESHOT1_SS1.configurations());
    // C(1,1) C(2,1) C(3,2) C(4,2) C(5,3) = 360, times 3^4
    assertEquals(360L * 81, CellSpace.ONESHOT1_SS2.configurations());
    // C(1,1) C(2,1) C(3,1) C(4,2) C(5,2) C(6,2) = 5,400, times 3^5
    assertEquals(5_400L * 243, CellSpace.ONESHOT1_SS3.configurations());
  }

  @Test
  void uniqueCellCountsArePinned() {
    Map<CellSpace, Integer> expected = new LinkedHashMap<>();
    expected.put(CellSpace.NB101_V4, 91);
    expected.put(CellSpace.NB101_V5, 2_532);
    expected.put(CellSpace.NB101_V6, 64_542);
    expected.put(CellSpace.ONESHOT1_SS1, 2_685);
    expected.put(CellSpace.ONESHOT1_SS2, 7_773);
    expected.put(CellSpace.ONESHOT1_SS3, 55_854);
    for (Map.Entry<CellSpace, Integer> e : expected.entrySet()) {
      SearchSpace s = enumerated(e.getKey());
      assertEquals(e.getValue(), s.size(), e.getKey().id());
      assertEquals(e.getKey().id(), s.name());
      assertEquals(e.getKey().configurations(), s.candidates(), e.getKey().id());
      for (int i = 1; i < s.size(); i++) {
        assertTrue(s.hashAt(i - 1).compareTo(s.hashAt(i)) < 0, "ascending at " + i);
      }
    }
  }

  @Test
  void everySubspaceIsPartOfTheWholeSpaceWithTheSameStoredCells() {
    SearchSpace all = enumerated(CellSpace.NB101);
    for (CellSpace c : subspaces()) {
      SearchSpace s = enumerated(c);
      for (int i = 0; i < s.size(); i++) {
        ModelSpec spec = s.specAt(i);
        assertEquals(s.hashAt(i), spec.hash(), c.id() + " cell " + i);
        assertEquals(all.spec(s.hashAt(i)), spec, c.id() + " representative of " + s.hashAt(i));
      }
    }
  }

  @Test
  void atMostNVerticesSpacesAreExactlyTheWholeSpaceCellsWithAtMostNVertices() {
    SearchSpace all = enumerated(CellSpace.NB101);
    int[] byVertices = new int[ModelSpec.MAX_VERTICES + 1];
    for (int i = 0; i < all.size(); i++) {
      byVertices[all.specAt(i).vertexCount()]++;
    }
    int cumulative = 0;
    for (int v = 2; v <= 6; v++) {
      cumulative += byVertices[v];
      if (v >= 4) {
        SearchSpace s = enumerated(CellSpace.parse("nb101-v" + v));
        assertEquals(
            cumulative, s.size(), "cells of the whole space with at most " + v + " vertices");
      }
    }
  }

  @Test
  void oneShot1SpacesEqualTheHashesOfTheirConfigurations() {
    for (CellSpace c :
        List.of(CellSpace.ONESHOT1_SS1, CellSpace.ONESHOT1_SS2, CellSpace.ONESHOT1_SS3)) {
      ChoiceBlocks def = (ChoiceBlocks) c.definition();
      SearchSpace s = enumerated(c);
      // every configuration, hashed the plain way (ModelSpec prunes, GraphHash hashes), except for
      // SS3's 1.3 M, of which a seeded 5% of the parent sets with all their operations
      SplittableRandom rnd = new SplittableRandom(22);
      double keep = c == CellSpace.ONESHOT1_SS3 ? 0.05 : 1.0;
      Set<String> seen = new HashSet<>();
      List<int[][]> matrices = new ArrayList<>();
      def.forEachConfiguration(
          m -> {
            if (rnd.nextDouble() < keep) {
              int[][] copy = new int[m.length][];
              for (int r = 0; r < m.length; r++) {
                copy[r] = m[r].clone();
              }
              matrices.add(copy);
            }
          });
      int size = matrices.get(0).length;
      int blocks = def.blocks();
      for (int[][] m : matrices) {
        for (int l = 0; l < Math.pow(3, blocks); l++) {
          List<Op> ops = new ArrayList<>();
          ops.add(Op.INPUT);
          int x = l;
          for (int b = 0; b < blocks; b++) {
            ops.add(Op.INNER[x % 3]);
            x /= 3;
          }
          if (size > blocks + 2) {
            ops.add(Op.CONV1X1); // the empty vertex, as 1Shot1 labels it
          }
          ops.add(Op.OUTPUT);
          ModelSpec spec = ModelSpec.of(m, ops);
          assertTrue(spec.isValid(), c.id() + ": every configuration connects input and output");
          String h = spec.hash();
          assertTrue(s.contains(h), c.id() + ": configuration " + spec + " enumerated");
          seen.add(h);
        }
      }
      if (keep == 1.0) {
        assertEquals(s.size(), seen.size(), c.id() + ": no cell beyond the configurations' hashes");
      }
    }
  }

  @Test
  void theStoredRepresentativeIsTheFirstIsomorphicCopyInReferenceOrder() {
    SearchSpace all = enumerated(CellSpace.NB101);
    ReferenceOrder order = new ReferenceOrder();
    SplittableRandom rnd = new SplittableRandom(101);
    for (int i = 0; i < all.size(); i++) {
      ModelSpec rep = all.specAt(i);
      long key = ReferenceOrder.keyOf(rep);
      assertEquals(key, order.canonical(rep), "representative " + i + " is canonical");
      assertEquals(rep, ReferenceOrder.spec(key));
      if (i % 97 == 0) {
        ModelSpec shuffled = relabel(rep, rnd);
        assertEquals(rep.hash(), shuffled.hash());
        assertEquals(key, order.canonical(shuffled), "a relabelled copy of " + rep);
      }
    }
  }

  @Test
  void nasBench101StoresTheReferenceRepresentative() throws IOException {
    JsonNode root =
        new ObjectMapper()
            .readTree(TestData.require("nasbench101-partial/nasbench-vis_data-1k.json").toFile());
    ReferenceOrder order = new ReferenceOrder();
    for (int i = 0; i < root.get("key").size(); i++) {
      JsonNode ops = root.get("operations").get(i);
      List<Integer> keep = new ArrayList<>();
      for (int v = 0; v < ops.size(); v++) {
        if (ops.get(v).asInt() != -3) {
          keep.add(v);
        }
      }
      int[][] m = new int[keep.size()][keep.size()];
      List<Op> labels = new ArrayList<>();
      for (int a = 0; a < keep.size(); a++) {
        labels.add(Op.fromHashLabel(ops.get(keep.get(a)).asInt()));
        for (int b = 0; b < keep.size(); b++) {
          m[a][b] =
              root.get("adjacency").get(i).get(keep.get(a)).get(keep.get(b)).asDouble() > 0.5
                  ? 1
                  : 0;
        }
      }
      ModelSpec stored = ModelSpec.of(m, labels);
      assertEquals(root.get("key").get(i).asText(), stored.hash());
      assertEquals(ReferenceOrder.keyOf(stored), order.canonical(stored), "stored cell " + i);
    }
  }

  /**
   * An isomorphic copy with the inner vertices renumbered at random, keeping the matrix
   * upper-triangular (the first of up to 100 random renumberings that does; else the cell itself).
   */
  private static ModelSpec relabel(ModelSpec spec, SplittableRandom rnd) {
    int v = spec.vertexCount();
    for (int attempt = 0; attempt < 100; attempt++) {
      int[] p = new int[v];
      for (int k = 0; k < v; k++) {
        p[k] = k;
      }
      for (int k = v - 2; k > 1; k--) {
        int j = 1 + rnd.nextInt(k);
        int t = p[k];
        p[k] = p[j];
        p[j] = t;
      }
      int[][] m = new int[v][v];
      boolean upper = true;
      for (int a = 0; a < v && upper; a++) {
        for (int b = a + 1; b < v; b++) {
          if (spec.hasEdge(a, b)) {
            upper &= p[a] < p[b];
            m[Math.min(p[a], p[b])][Math.max(p[a], p[b])] = 1;
          }
        }
      }
      if (upper) {
        Op[] ops = new Op[v];
        for (int a = 0; a < v; a++) {
          ops[p[a]] = spec.op(a);
        }
        return ModelSpec.of(m, List.of(ops));
      }
    }
    return spec;
  }
}
