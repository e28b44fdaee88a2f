package dev.nasrank.harness.manifest;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The checkout of this project that code runs from, found from where a class was loaded: the
 * nearest folder above its jar or classes folder that holds the parent pom and {@code
 * harness/pom.xml} ({@code harness/target/lib/*.jar}, {@code harness/target/harness.jar} and {@code
 * harness/<module>/target/classes} all sit a few levels below it). It is what run manifests record
 * the commit of and where the embedded ground truth is found, whatever the working directory.
 */
public final class CodeCheckout {
  /** How many folders above a code location the checkout may be. */
  private static final int CODE_LEVELS = 4;

  private CodeCheckout() {}

  /** The checkout {@code type} was loaded from; empty for an installed copy outside a checkout. */
  public static Optional<Path> of(Class<?> type) {
    try {
      Path code = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
      return above(code.getParent(), CODE_LEVELS);
    } catch (URISyntaxException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The nearest folder at or above {@code start}, at most {@code levels} up, that holds the parent
   * pom and {@code harness/pom.xml}.
   */
  public static Optional<Path> above(Path start, int levels) {
    Path dir = start;
    for (int up = 0; dir != null && up < levels; up++, dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("pom.xml"))
          && Files.isRegularFile(dir.resolve("harness/pom.xml"))) {
        return Optional.of(dir);
      }
    }
    return Optional.empty();
  }
}
