package dev.nasrank.harness.cli;

import dev.nasrank.datasets.DataRoot;
import picocli.CommandLine.Option;

/**
 * The shared {@code --[no-]verify} option of the commands that read CIFAR-10 ({@code train}, {@code
 * evaluate}, {@code suite}, {@code groundtruth generate}); add with {@code @Mixin VerifyOption
 * verify;} and pass the data root through {@link #apply(DataRoot)}.
 */
public final class VerifyOption {

  @Option(
      names = "--no-verify",
      negatable = true,
      defaultValue = "true",
      description = {
        "Check every data file of the split against the dataset manifest (exact size and SHA-256)",
        "before the run, and each file's digest again while loading it; verified digests are remembered by",
        "path, size and modification time, so reruns cost nothing. --no-verify uses the files as they are",
        "(default: verify)."
      })
  boolean enabled;

  /** The root with verification on or off as the option says. */
  public DataRoot apply(DataRoot root) {
    return root.withVerification(enabled);
  }
}
