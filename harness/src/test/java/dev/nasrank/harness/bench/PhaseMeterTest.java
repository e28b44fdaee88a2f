package dev.nasrank.harness.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The kernel's accounting is read, attributed to the phase that ran, and phases entered twice add
 * up.
 */
class PhaseMeterTest {

  private static long spin(long millis) {
    long end = System.nanoTime() + millis * 1_000_000;
    long x = 0;
    while (System.nanoTime() < end) {
      x += x * 31 + 7;
    }
    return x;
  }

  @Test
  void cpuAndFaultsLandInTheirPhase() {
    assumeTrue(ResourceUsage.available(), "getrusage is read on Linux only");
    PhaseMeter meter = new PhaseMeter();
    meter.enter("spin");
    spin(150);
    meter.enter("touch");
    // 64 MiB of fresh Java arrays: the heap pages are touched, some for the first time.
    byte[][] pages = new byte[64][];
    for (int i = 0; i < pages.length; i++) {
      pages[i] = new byte[1 << 20];
      for (int j = 0; j < pages[i].length; j += 4096) {
        pages[i][j] = 1;
      }
    }
    meter.enter("spin");
    spin(50);
    meter.stop();
    Map<String, PhaseMeter.Phase> phases = meter.phases();
    assertEquals(List.of("spin", "touch"), List.copyOf(phases.keySet()));
    PhaseMeter.Phase spin = phases.get("spin");
    assertEquals(2, spin.entries());
    assertTrue(spin.thread().cpuSeconds() > 0.05, "thread CPU " + spin.thread().cpuSeconds());
    assertTrue(spin.process().cpuSeconds() >= spin.thread().cpuSeconds() * 0.9);
    assertTrue(spin.thread().wallSeconds() >= 0.2);
    assertTrue(phases.get("touch").process().minorFaults() >= 0);
    double share = spin.thread().kernelShare();
    assertTrue(share >= 0 && share <= 1);
  }
}
