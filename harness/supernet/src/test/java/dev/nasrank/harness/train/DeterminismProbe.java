package dev.nasrank.harness.train;

import dev.nasrank.datasets.djl.SyntheticBatches;
import dev.nasrank.harness.supernet.S4SupernetConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * A separate JVM for {@link ConcurrentDeterminismTest}: trains every BN strategy and SPOS at a tiny
 * profile, one after another, each into {@code OUT/<index>/}, with the seed and data every replica
 * shares.
 */
final class DeterminismProbe {

  private DeterminismProbe() {}

  /** The settings, in the order of their output folders. */
  static List<S4SupernetConfig> settings() {
    return ForcedGcReproducibilityTest.settings().toList();
  }

  /** The configuration every replica trains. */
  static TrainConfig config(S4SupernetConfig net) {
    return TrainConfig.builder()
        .setSupernet(net)
        .optEpochs(2)
        .optMaxStepsPerEpoch(4)
        .optSeed(2020)
        .build();
  }

  /**
   * @param args the output folder
   */
  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    List<S4SupernetConfig> settings = settings();
    for (int i = 0; i < settings.size(); i++) {
      new SupernetTrainer(quiet)
          .train(
              config(settings.get(i)),
              new SyntheticBatches(64, 8, 10, 5),
              out.resolve(String.valueOf(i)));
    }
  }
}
