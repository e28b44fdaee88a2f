package dev.nasrank.harness.cli;

import dev.nasrank.harness.train.DeviceOption;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of every suite step that works on a run folder on this machine: {@code --out}, the
 * data root, {@code --device}, {@code --[no-]progress} and {@code --[no-]verify}; add with
 * {@code @Mixin SuiteRunOptions run;}.
 */
public final class SuiteRunOptions {

  @Option(names = "--out", paramLabel = "DIR", description = "The run folder.")
  Path out;

  @Mixin DataRootOption dataRoot;

  @Option(
      names = "--device",
      paramLabel = "DEVICE",
      defaultValue = "auto",
      converter = DeviceConverter.class,
      description = "auto, cpu or gpu. Default: ${DEFAULT-VALUE}.")
  DeviceOption device;

  @Mixin ProgressOption progress;

  @Mixin VerifyOption verify;

  /** The data root, checked against the manifest unless {@code --no-verify}. */
  dev.nasrank.datasets.DataRoot dataRoot() {
    return verify.apply(dataRoot.resolve());
  }

  /** {@code --out}, or a usage error (exit 2) when it is missing. */
  Path out(CommandLine cl) {
    if (out == null) {
      throw new CommandLine.ParameterException(cl, "Missing required option: '--out=DIR'");
    }
    return out;
  }
}
