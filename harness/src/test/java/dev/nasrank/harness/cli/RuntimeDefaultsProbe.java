package dev.nasrank.harness.cli;

import com.sun.jna.Library;
import com.sun.jna.Native;
import dev.nasrank.harness.manifest.Environment;

/**
 * A fresh JVM for {@link RuntimeDefaultsTest}: applies the defaults, then prints what the process
 * now has.
 */
final class RuntimeDefaultsProbe {

  interface Env extends Library {
    String getenv(String name);
  }

  private RuntimeDefaultsProbe() {}

  public static void main(String[] args) {
    System.out.println("applied " + RuntimeDefaults.apply());
    System.out.println(
        "C getenv OMP_WAIT_POLICY=" + Native.load("c", Env.class).getenv("OMP_WAIT_POLICY"));
    System.out.println("recorded " + Environment.currentThreadSettings());
  }
}
