package dev.nasrank.harness.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run manifest names the commit of the code that ran, not of the working directory. */
class CodeCheckoutTest {

  @Test
  void theCheckoutIsFoundFromTheCodeAndItsCommitIsRecorded(@TempDir Path elsewhere) {
    // these tests run in harness/reporting, two levels below the checkout
    Path root = Path.of("").toAbsolutePath().getParent().getParent();
    assertEquals(Optional.of(root), CodeCheckout.of(RunManifest.class));
    assertEquals(Optional.of(root), CodeCheckout.above(Path.of("").toAbsolutePath(), 4));
    assertEquals(Optional.empty(), CodeCheckout.above(elsewhere, 4));
    assertEquals(
        Optional.empty(), CodeCheckout.of(String.class), "a JDK class is not in a checkout");
    GitInfo expected = GitInfo.detect(root);
    GitInfo recorded = RunManifest.builder().build().git();
    assertEquals(expected, recorded);
    assertTrue(
        recorded.commit().matches("[0-9a-f]{40}") || recorded.commit().equals("unknown"),
        recorded.commit());
  }
}
