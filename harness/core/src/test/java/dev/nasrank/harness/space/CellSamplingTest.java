package dev.nasrank.harness.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cell samplers: names, membership, seeding and resume. */
class CellSamplingTest {

  @Test
  void namesParseBothWays() {
    for (CellSampling m : CellSampling.values()) {
      assertEquals(m, CellSampling.parse(m.cliName().toUpperCase(java.util.Locale.ROOT)));
    }
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CellSampling.parse("edges"));
    assertTrue(e.getMessage().contains("uniform or random_spec"), e.getMessage());
  }

  @Test
  void randomSpecDrawsCellsOfTheSpaceSeededAndResumable() {
    CellSearchSpace space = (CellSearchSpace) Spaces.byId("nb101-v5");
    ArchitectureSampler<Nb101Cell> a = CellSampling.RANDOM_SPEC.sampler(space, 5);
    List<Nb101Cell> first = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      Nb101Cell c = a.next();
      assertTrue(space.contains(c), c.id());
      assertTrue(c.vertices() <= 5);
      first.add(c);
    }
    assertTrue(first.stream().distinct().count() > 50, "varied draws");
    byte[] state = a.saveState();
    List<Nb101Cell> next = List.of(a.next(), a.next(), a.next());
    ArchitectureSampler<Nb101Cell> b = CellSampling.RANDOM_SPEC.sampler(space, 5);
    b.restoreState(state);
    assertEquals(next, List.of(b.next(), b.next(), b.next()));
    ArchitectureSampler<Nb101Cell> c = CellSampling.RANDOM_SPEC.sampler(space, 6);
    assertNotEquals(first.subList(0, 5), List.of(c.next(), c.next(), c.next(), c.next(), c.next()));
  }
}
