package dev.nasrank.harness.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run manifest names the commit of the code that ran, not of the working directory. */
class CodeCheckoutTest {

  /** Prints the commit a manifest built here records; started in another folder by the test. */
  public static void main(String[] args) {
    System.out.println(RunManifest.builder().build().git().commit());
  }

  @Test
  void theCheckoutIsFoundFromTheCode(@TempDir Path elsewhere) {
    // these tests run in harness/reporting, two levels below the checkout
    Path root = Path.of("").toAbsolutePath().getParent().getParent();
    assertEquals(Optional.of(root), CodeCheckout.of(RunManifest.class));
    assertEquals(Optional.of(root), CodeCheckout.above(Path.of("").toAbsolutePath(), 4));
    assertEquals(Optional.empty(), CodeCheckout.above(elsewhere, 4));
    assertEquals(
        Optional.empty(), CodeCheckout.of(String.class), "a JDK class is not in a checkout");
  }

  @Test
  void aManifestBuiltInAnotherFolderRecordsTheCodesCommit(@TempDir Path elsewhere)
      throws Exception {
    Path root = Path.of("").toAbsolutePath().getParent().getParent();
    String expected = GitInfo.detect(root).commit();
    assertTrue(expected.matches("[0-9a-f]{40}"), "the checkout is a git clone: " + expected);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                CodeCheckoutTest.class.getName())
            .directory(elsewhere.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertEquals(0, p.waitFor(), out);
    // the working directory is not a git checkout: only the code's location gives this commit
    assertEquals(expected, out);
  }
}
