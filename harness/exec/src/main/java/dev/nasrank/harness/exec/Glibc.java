package dev.nasrank.harness.exec;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.Locale;

/**
 * Binds a JNA interface to the C library on Linux (glibc), for the few calls the JVM offers no way
 * to make.
 */
public final class Glibc {

  private Glibc() {}

  /**
   * The C library bound to {@code type}, or null where there is none to bind (another OS, or the
   * library lacks a function): callers then keep the platform's behaviour.
   */
  public static <T extends Library> T load(Class<T> type) {
    if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
      return null;
    }
    try {
      return Native.load("c", type);
    } catch (UnsatisfiedLinkError | RuntimeException e) {
      return null;
    }
  }
}
