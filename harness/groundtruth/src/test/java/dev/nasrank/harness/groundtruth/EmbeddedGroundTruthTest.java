package dev.nasrank.harness.groundtruth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded S4-mini ground truth is found from the code's location, whatever the working
 * directory.
 */
class EmbeddedGroundTruthTest {

  /**
   * Prints what {@link EmbeddedGroundTruth#resolve} finds; started by the test in another working
   * directory.
   */
  static final class Probe {
    public static void main(String[] args) {
      System.out.println(EmbeddedGroundTruth.resolve(null));
    }
  }

  @Test
  void theCheckoutIsFoundFromTheCodeLocation() {
    Path root = EmbeddedGroundTruth.installationRoot().orElseThrow();
    Path expected =
        root.resolve(EmbeddedGroundTruth.DEFAULT_FOLDER).resolve(GroundTruthAssembler.TFRECORD);
    assertTrue(
        Files.isRegularFile(root.resolve("pom.xml")) && Files.isDirectory(root.resolve("harness")),
        root.toString());
    assertTrue(Files.isRegularFile(expected), expected.toString());
    assertEquals(expected, EmbeddedGroundTruth.resolve(null));
  }

  @Test
  void anotherWorkingDirectoryFindsTheSameFile(@TempDir Path elsewhere)
      throws IOException, InterruptedException {
    assertFalse(Files.exists(elsewhere.resolve(EmbeddedGroundTruth.DEFAULT_FOLDER)));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java, "-cp", System.getProperty("java.class.path"), Probe.class.getName())
            .directory(elsewhere.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertEquals(0, p.waitFor(), out);
    assertEquals(EmbeddedGroundTruth.resolve(null).toString(), out);
  }

  @Test
  void aMissingFolderNamedByThePropertyIsAnErrorNamingIt(@TempDir Path dir) {
    System.setProperty(EmbeddedGroundTruth.PROPERTY, dir.resolve("none").toString());
    try {
      IllegalArgumentException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              IllegalArgumentException.class, () -> EmbeddedGroundTruth.resolve(null));
      assertTrue(
          e.getMessage()
              .contains(dir.resolve("none").resolve(GroundTruthAssembler.TFRECORD).toString()),
          e.getMessage());
    } finally {
      System.clearProperty(EmbeddedGroundTruth.PROPERTY);
    }
  }

  @Test
  void aModuleFolderOfTheCheckoutFindsTheCheckout(
      @org.junit.jupiter.api.io.TempDir Path elsewhere) {
    // Maven runs these tests in harness/groundtruth: two levels below the checkout
    Path root =
        EmbeddedGroundTruth.checkoutAbove(Path.of("").toAbsolutePath(), Integer.MAX_VALUE)
            .orElseThrow();
    assertEquals(Path.of("").toAbsolutePath().getParent().getParent(), root);
    assertEquals(
        root.resolve("datasets/groundtruth/s4-mini/groundtruth.tfrecord"),
        EmbeddedGroundTruth.resolve(null));
    assertEquals(
        java.util.Optional.empty(),
        EmbeddedGroundTruth.checkoutAbove(elsewhere, Integer.MAX_VALUE));
  }
}
