package dev.nasrank.harness.groundtruth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {

  @Test
  void warmsUpLinearlyThenFollowsTheCosine() {
    LearningRateSchedule s = new LearningRateSchedule(0.1, 4, 24);
    assertEquals(0.02, s.at(0), 1e-12);
    assertEquals(0.08, s.at(3), 1e-12);
    assertEquals(0.1, s.at(4), 1e-12);
    // halfway through the 20 cosine steps: 0.5 * peak
    assertEquals(0.05, s.at(14), 1e-12);
    // 0.5 * 0.1 * (1 + cos(pi * 15 / 20))
    assertEquals(0.5 * 0.1 * (1 + Math.cos(Math.PI * 0.75)), s.at(19), 1e-12);
    assertEquals(0.0, s.at(24), 1e-12);
    assertEquals((float) s.at(7), s.getNewValue(7));
  }

  @Test
  void withoutWarmUpStartsAtThePeak() {
    LearningRateSchedule s = new LearningRateSchedule(0.2, 0, 10);
    assertEquals(0.2, s.at(0), 1e-12);
    assertEquals(0.1, s.at(5), 1e-12);
  }

  @Test
  void rejectsWarmUpLongerThanTraining() {
    assertThrows(IllegalArgumentException.class, () -> new LearningRateSchedule(0.1, 10, 10));
  }
}
