package dev.nasrank.harness.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Locale;

/**
 * Device flag of the CLI: auto (GPU if the engine sees one, else CPU), cpu, or gpu (an error if
 * none).
 */
public enum DeviceOption {
  AUTO,
  CPU,
  GPU;

  /**
   * The device to run on.
   *
   * @throws IllegalStateException if a GPU is requested but the PyTorch engine sees none
   */
  public Device resolve() {
    int gpus = Engine.getInstance().getGpuCount();
    return switch (this) {
      case CPU -> Device.cpu();
      case AUTO -> gpus > 0 ? Device.gpu() : Device.cpu();
      case GPU -> {
        if (gpus == 0) {
          throw new IllegalStateException(
              "--device gpu requested but the PyTorch engine sees no GPU (the build ships "
                  + "pytorch-native-cpu; docs/harness.md, section Devices, says how to add a CUDA libtorch); use --device cpu or auto");
        }
        yield Device.gpu();
      }
    };
  }

  /** Parses auto|cpu|gpu, case-insensitive. */
  public static DeviceOption parse(String s) {
    try {
      return valueOf(s.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown device '" + s + "' (expected auto, cpu or gpu)", e);
    }
  }
}
