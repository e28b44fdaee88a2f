package dev.nasrank.harness.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Where a run ran: JVM, OS, CPU architecture, DJL and engine versions (read from the DJL jars' version
 * resources, without loading the native engine), device and core count.
 *
 * @param device e.g. {@code cpu()} or {@code gpu(0)}, as the suite reports it; {@code unknown} if not given
 */
public record Environment(String javaVersion, String javaVendor, String os, String osVersion, String arch,
    int cpus, String djlVersion, String engine, String engineVersion, String device) {

  /** Detects everything but the device. */
  public static Environment detect(String device) {
    return new Environment(System.getProperty("java.version"), System.getProperty("java.vendor"),
        System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch"),
        Runtime.getRuntime().availableProcessors(),
        property("ai/djl/engine/api.properties", "djl_version"), "PyTorch",
        property("pytorch-engine.properties", "pytorch_version"), device == null ? "unknown" : device);
  }

  private static String property(String resource, String key) {
    try (InputStream in = Environment.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty(key, "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
