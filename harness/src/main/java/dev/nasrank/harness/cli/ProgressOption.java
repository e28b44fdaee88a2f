package dev.nasrank.harness.cli;

import picocli.CommandLine.Option;

/**
 * The shared {@code --[no-]progress} option (progress bars on standard error, on by default); add
 * it to a command with {@code @Mixin ProgressOption progress;} and read {@link #enabled()}.
 */
public final class ProgressOption {

  // picocli: for a default-true negatable option the declared name is the negative one, so that
  // --no-progress gives false and --progress gives true; help shows --[no-]progress.
  @Option(
      names = "--no-progress",
      negatable = true,
      defaultValue = "true",
      description = "Progress bars on standard error. Default: ${DEFAULT-VALUE}.")
  boolean enabled;

  /** True unless {@code --no-progress} was given. */
  public boolean enabled() {
    return enabled;
  }
}
