package dev.nasrank.harness.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nasrank.harness.config.NetworkShape;
import dev.nasrank.harness.setting.BnStrategy;
import dev.nasrank.harness.setting.Method;
import dev.nasrank.harness.space.SamplerMode;
import dev.nasrank.harness.supernet.S4SupernetConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TrainStepBenchmarkTest {

  private static final S4SupernetConfig TINY =
      new S4SupernetConfig(
          Method.MIXPATH,
          BnStrategy.LINEAR_SBN,
          4,
          SamplerMode.CORRECTED,
          NetworkShape.cifar10(4, 3, 1));

  @Test
  void nearestRankPercentiles() {
    double[] v = {5, 1, 4, 2, 3, 10, 9, 8, 7, 6};
    assertEquals(5, TrainStepBenchmark.percentile(v, 0.5));
    assertEquals(9, TrainStepBenchmark.percentile(v, 0.9));
    assertEquals(10, TrainStepBenchmark.percentile(v, 1.0));
    assertEquals(1, TrainStepBenchmark.percentile(new double[] {1}, 0.9));
  }

  @Test
  void timingAndSoakRunsReportTheirSamples() {
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    BenchResult timed = new TrainStepBenchmark(quiet).run(new BenchConfig(TINY, 4, 3, 1, 0, 1, 1));
    assertEquals(3, timed.steps());
    assertTrue(timed.medianMs() > 0 && timed.p90Ms() >= timed.medianMs());
    assertTrue(timed.rssSamplesKb().isEmpty());
    BenchResult soak = new TrainStepBenchmark(quiet).run(new BenchConfig(TINY, 4, 1, 2, 6, 2, 1));
    assertEquals(6, soak.steps());
    assertEquals(3, soak.rssSamplesKb().size(), "baseline at step 2, then steps 4 and 6");
    assertEquals(2, soak.rssSamplesKb().get(0)[0]);
    assertEquals(soak.rssSamplesKb().get(0)[1], soak.rssBaselineKb());
    assertEquals(soak.rssSamplesKb().get(2)[1] - soak.rssBaselineKb(), soak.rssGrowthKb());
    assertTrue(TrainStepBenchmark.vmRssKb() > 10_000, "a JVM with libtorch holds more than 10 MB");
    assertThrows(IllegalArgumentException.class, () -> new BenchConfig(TINY, 4, 1, 6, 6, 2, 1));
  }
}
