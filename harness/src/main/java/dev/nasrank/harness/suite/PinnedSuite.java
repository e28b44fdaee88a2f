package dev.nasrank.harness.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The configuration a suite run pinned in its folder ({@value SuiteRunner#SUITE_CONFIG}): the
 * profile, the m values and the training seeds, everything needed to list its units again.
 *
 * @param profile the profile that ran (with any {@code --epochs} override)
 * @param maxPaths the m values
 * @param seeds the training seeds
 */
public record PinnedSuite(SuiteProfile profile, List<Integer> maxPaths, List<Long> seeds) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Reads {@code runDir/suite-config.json}, naming the file and the field when something is
   * missing.
   */
  public static PinnedSuite read(Path runDir) throws IOException {
    Path file = runDir.resolve(SuiteRunner.SUITE_CONFIG);
    if (!Files.isRegularFile(file)) {
      throw new IOException(
          runDir + " is not a suite run folder: it has no " + SuiteRunner.SUITE_CONFIG);
    }
    JsonNode root = JSON.readTree(file.toFile());
    if (root == null || !root.isObject()) {
      throw new IOException(file + ": not a JSON object");
    }
    for (String field : List.of("profile", "maxPaths", "seeds")) {
      if (!root.has(field)) {
        throw new IOException(file + ": field '" + field + "' is missing");
      }
    }
    SuiteProfile profile;
    try {
      profile =
          SuiteProfile.fromJson(
              root.get("profile"), root.get("optimizer"), file + " field 'profile'");
    } catch (IllegalArgumentException e) {
      throw new IOException(e.getMessage(), e);
    }
    List<Integer> m = new ArrayList<>();
    root.get("maxPaths").forEach(n -> m.add(n.asInt()));
    List<Long> seeds = new ArrayList<>();
    root.get("seeds").forEach(n -> seeds.add(n.asLong()));
    return new PinnedSuite(profile, List.copyOf(m), List.copyOf(seeds));
  }
}
