package dev.nasrank.harness.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the harness version from the jar manifest (or "dev" when run from classes). */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Main.class.getPackage().getImplementationVersion();
    return new String[] {
      "harness " + (v == null ? "dev" : v) + ", Java " + System.getProperty("java.version")
    };
  }
}
