package dev.nasrank.harness.cli;

import dev.nasrank.harness.train.DeviceOption;
import picocli.CommandLine.ITypeConverter;

/** picocli converter for {@code --device auto|cpu|gpu}. */
final class DeviceConverter implements ITypeConverter<DeviceOption> {
  @Override
  public DeviceOption convert(String value) {
    return DeviceOption.parse(value);
  }
}
