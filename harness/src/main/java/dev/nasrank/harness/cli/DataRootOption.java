package dev.nasrank.harness.cli;

import dev.nasrank.datasets.DataRoot;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The shared {@code --data-root DIR} option; add it to a command with {@code @Mixin DataRootOption
 * dataRoot;} and call {@link #resolve()}.
 */
public final class DataRootOption {

  @Option(
      names = "--data-root",
      paramLabel = "DIR",
      description = {
        "Folder holding the datasets (cifar10-partial-bin/, cifar-10-batches-bin/, ...).",
        "Default: $"
            + DataRoot.ENV_VARIABLE
            + ", else -D"
            + DataRoot.SYSTEM_PROPERTY
            + ", else ~/.cache/nasrank/datasets."
      })
  Path dataRoot;

  /** The data root from the flag, else the environment, the system property or the default. */
  public DataRoot resolve() {
    return DataRoot.resolve(dataRoot);
  }
}
