package dev.nasrank.harness.report.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nasrank.harness.space.Spaces;
import org.junit.jupiter.api.Test;

class InferenceTargetTest {
  @Test
  void primaryFollowsTheSpace() {
    // S4 is enumerated in full: its 34 cells are the space
    assertEquals(InferenceTarget.SPACE, InferenceTarget.primaryFor(Spaces.S4, true));
    // a partial ground truth ranks a subset of S4, which is not the space
    assertEquals(InferenceTarget.ARCHITECTURES, InferenceTarget.primaryFor(Spaces.S4, false));
    // every other space's evaluated cells are a sample of it
    for (String id : Spaces.IDS) {
      if (!Spaces.isEnumeratedInFull(id)) {
        assertEquals(InferenceTarget.ARCHITECTURES, InferenceTarget.primaryFor(id, true), id);
      }
    }
  }

  @Test
  void keys() {
    assertEquals(InferenceTarget.ARCHITECTURES, InferenceTarget.of(" Architectures"));
    assertEquals("space", InferenceTarget.SPACE.key());
    assertEquals(InferenceTarget.SPACE, InferenceTarget.ARCHITECTURES.other());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> InferenceTarget.of("seeds"));
    assertEquals("unknown inference target 'seeds' (known: space, architectures)", e.getMessage());
  }
}
