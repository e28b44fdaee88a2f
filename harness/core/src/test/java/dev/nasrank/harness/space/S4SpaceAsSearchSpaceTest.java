package dev.nasrank.harness.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nasrank.benchbridge.Op;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** S4 through the space concept: enumeration, membership, ids, paths, samplers, samples. */
class S4SpaceAsSearchSpaceTest {

  @Test
  void candidatesAreTheSamplerModesEnumeration() {
    assertEquals(255, S4Space.full().candidates().size());
    assertEquals(S4Space.choices(3), new S4Space(3, SamplerMode.CORRECTED).candidates());
    assertEquals(S4Space.referenceChoices(2), new S4Space(2, SamplerMode.REFERENCE).candidates());
    assertEquals(15, new S4Space(2, SamplerMode.REFERENCE).candidates().size());
    assertEquals("s4", S4Space.full().id());
  }

  @Test
  void membershipFollowsMAndTheReachableNodes() {
    S4Space ref2 = new S4Space(2, SamplerMode.REFERENCE);
    assertTrue(ref2.contains(S4Choice.parse("n1:conv1x1,n2:conv3x3")));
    assertFalse(ref2.contains(S4Choice.parse("n3:conv1x1")), "node 3 is beyond the first m = 2");
    assertFalse(ref2.contains(S4Choice.parse("n1:conv1x1,n2:conv3x3,n3:conv1x1")));
    S4Space cor2 = new S4Space(2, SamplerMode.CORRECTED);
    assertTrue(cor2.contains(S4Choice.parse("n3:conv1x1,n4:maxpool3x3")));
    for (S4Space s : List.of(ref2, cor2, S4Space.full())) {
      assertTrue(s.candidates().stream().allMatch(s::contains));
      assertEquals(
          s.candidates().size(),
          S4Space.choices(4).stream().filter(s::contains).count(),
          "contains agrees with the enumeration for " + s);
    }
    assertEquals(List.of(1, 2, 3), ref2.reachableMasks());
    assertEquals(15, S4Space.full().reachableMasks().size());
  }

  @Test
  void parseReadsIdsBackAndRefusesChoicesOutsideTheSpace() {
    for (S4Choice c : S4Space.full().candidates()) {
      assertEquals(c, S4Space.full().parse(c.id()));
    }
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new S4Space(1, SamplerMode.CORRECTED).parse("n1:conv1x1,n2:conv1x1"));
    assertEquals(
        "choice n1:conv1x1,n2:conv1x1 is outside S4 (m = 1, corrected sampler)", e.getMessage());
  }

  @Test
  void pathSumsTheActiveNodesAtTheFixedVertex() {
    S4Choice c = S4Choice.parse("n2:conv3x3,n4:maxpool3x3");
    CellPath p = c.path();
    assertEquals(7, p.vertices());
    assertEquals(
        "0:input 1:- 2:conv3x3-bn-relu<-{0} 3:- 4:maxpool3x3<-{0} 5:conv1x1-bn-relu<-{2,4} "
            + "6:output<-{5}",
        p.toString());
    assertEquals(2, p.inDegree(S4Space.FIXED_VERTEX));
    assertEquals(c.activeMask(), p.inputs(S4Space.FIXED_VERTEX) >> 1);
    assertSame(p, c.path(), "built once per code");
    for (S4Choice x : S4Space.choices(4)) {
      assertEquals(x.activePaths(), x.path().maxInDegree());
      assertEquals(x.path().toSpec(), x.spec());
      assertEquals(x.spec().hash(), x.moduleHash());
      for (int n = 0; n < S4Choice.NODES; n++) {
        assertEquals(x.op(n), x.path().op(n + 1));
      }
      assertEquals(Op.CONV1X1, x.path().op(S4Space.FIXED_VERTEX));
    }
  }

  @Test
  void samplerOfTheSpaceIsTheSeededMixPathSampler() {
    S4Space s = new S4Space(3, SamplerMode.CORRECTED);
    ArchitectureSampler<S4Choice> a = s.sampler(7);
    S4Sampler b = new S4Sampler(3, SamplerMode.CORRECTED, 7);
    for (int i = 0; i < 50; i++) {
      S4Choice c = a.next();
      assertEquals(b.next(), c);
      assertTrue(s.contains(c));
    }
  }

  @Test
  void sampleIsSeededDistinctInOrderAndUniform() {
    S4Space s = S4Space.full();
    List<S4Choice> all = s.candidates();
    List<S4Choice> a = s.sample(10, 42, c -> true);
    assertEquals(a, s.sample(10, 42, c -> true));
    assertNotEquals(a, s.sample(10, 43, c -> true));
    assertEquals(10, new HashSet<>(a).size());
    for (int i = 1; i < a.size(); i++) {
      assertTrue(all.indexOf(a.get(i - 1)) < all.indexOf(a.get(i)), "in enumeration order");
    }
    assertEquals(all, s.sample(all.size(), 1, c -> true));
    // only eligible candidates: the 81 four-path choices
    List<S4Choice> four = s.sample(5, 3, c -> c.activePaths() == 4);
    assertTrue(four.stream().allMatch(c -> c.activePaths() == 4));
    // uniform: over 2,000 seeds each of the 15 one-node-of-... choices with one path (12 of them)
    // is drawn about 2,000 * 3 / 12 = 500 times
    Map<S4Choice, Integer> counts = new HashMap<>();
    for (long seed = 0; seed < 2000; seed++) {
      for (S4Choice c : s.sample(3, seed, x -> x.activePaths() == 1)) {
        counts.merge(c, 1, Integer::sum);
      }
    }
    assertEquals(12, counts.size());
    // binomial sd sqrt(2000 * 0.25 * 0.75) = 19.4; 5 sd
    counts.values().forEach(n -> assertTrue(Math.abs(n - 500) < 97, "count " + n));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> s.sample(13, 1, x -> x.activePaths() == 1));
    assertEquals(
        "cannot sample 13 candidates of space s4: 12 are eligible (n must be 1..12)",
        e.getMessage());
  }

  @Test
  void spacesResolveIdsInOnePlace() {
    assertEquals(S4Space.full(), Spaces.byId("s4"));
    assertEquals(S4Space.full(), Spaces.byId("S4"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Spaces.byId("nb102"));
    assertEquals(
        "unknown search space 'nb102' (known: s4, nb101, nb101-v4, nb101-v5, nb101-v6, 1shot1-ss1,"
            + " 1shot1-ss2, 1shot1-ss3)",
        e.getMessage());
  }
}
