package dev.nasrank.harness.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nasrank.harness.setting.Study;
import dev.nasrank.harness.setting.SupernetSetting;
import dev.nasrank.harness.space.CandidateSample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The configuration a suite run pinned in its folder ({@value SuiteRunner#SUITE_CONFIG}): the
 * profile, the study and the training seeds, everything needed to list its units again.
 *
 * @param profile the profile that ran (with any {@code --epochs} override)
 * @param study the settings: those the file lists ({@value SuiteRunner#SETTINGS}), else the MixPath
 *     study of its m values (every folder planned before the field existed)
 * @param seeds the training seeds
 * @param cells a cell-space plan's sample ({@value SuiteRunner#CELLS}); null for S4
 */
public record PinnedSuite(
    SuiteProfile profile, Study study, List<Long> seeds, CandidateSample cells) {

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
    Study study;
    try {
      study =
          root.has(SuiteRunner.SETTINGS)
              ? new Study(
                  JSON.readerForListOf(SupernetSetting.class)
                      .readValue(root.get(SuiteRunner.SETTINGS)))
              : Study.mixpath(m);
    } catch (IOException | IllegalArgumentException e) {
      throw new IOException(
          file
              + ": field '"
              + SuiteRunner.SETTINGS
              + "' is not a list of settings: "
              + e.getMessage(),
          e);
    }
    if (!study.maxPaths().equals(m.stream().distinct().sorted().toList())) {
      throw new IOException(
          file
              + ": field 'maxPaths' "
              + m
              + " does not match the m values of its settings "
              + study.maxPaths());
    }
    CandidateSample cells = null;
    if (root.has(SuiteRunner.CELLS)) {
      JsonNode c = root.get(SuiteRunner.CELLS);
      for (String field : List.of("sample", "n", "seed")) {
        if (!c.has(field)) {
          throw new IOException(
              file + ": field '" + SuiteRunner.CELLS + "." + field + "' is missing");
        }
      }
      try {
        cells =
            new CandidateSample(
                CandidateSample.Mode.parse(c.get("sample").asText()),
                c.get("n").asInt(),
                c.get("seed").asLong());
      } catch (IllegalArgumentException e) {
        throw new IOException(file + ": field '" + SuiteRunner.CELLS + "': " + e.getMessage(), e);
      }
    }
    return new PinnedSuite(profile, study, List.copyOf(seeds), cells);
  }
}
