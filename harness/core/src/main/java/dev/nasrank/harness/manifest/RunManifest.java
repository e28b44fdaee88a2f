package dev.nasrank.harness.manifest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nasrank.files.Checksums;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The manifest of a run ({@code run.json}): what was run, from which source, on what, with which
 * data, and how long it took; two manifests can be compared field by field with {@link
 * ManifestDiff}.
 *
 * @param schema format tag, {@value #SCHEMA}
 * @param created UTC time the manifest was written (ISO-8601, seconds)
 * @param profile the suite profile (e.g. {@code smoke}, {@code paper}); regression baselines belong
 *     to one
 * @param git source commit and dirty flag of the code that wrote this manifest
 * @param unitCode for a run merged from units: the code versions that trained its units, as their
 *     {@code train.json} record them ({@link GitInfo#version()}; {@code unrecorded} for units, or
 *     invocations, before the record of 2026-11-30), in order of first use; empty, and not written,
 *     for a run that is not a merge
 * @param configuration the full configuration of the run
 * @param configurationSha256 SHA-256 of the canonical JSON of {@code configuration} ({@link
 *     CanonicalJson}) without the fields the writer named as outside it (a suite run: its seeds and
 *     ground-truth file); two runs with the same hash were configured alike, which {@code regress}
 *     and {@code manifest diff} check
 * @param seeds every seed the run used, by name (e.g. {@code supernet}, {@code sampler}, {@code
 *     bootstrap})
 * @param datasets SHA-256 of each input data file or folder, by name
 * @param environment JVM, OS, architecture, DJL and engine versions, device
 * @param timingsSeconds wall-clock seconds per phase
 */
public record RunManifest(
    String schema,
    String created,
    String profile,
    GitInfo git,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> unitCode,
    JsonNode configuration,
    String configurationSha256,
    Map<String, Long> seeds,
    Map<String, String> datasets,
    Environment environment,
    Map<String, Double> timingsSeconds) {

  /** The schema tag written into every manifest. */
  public static final String SCHEMA = "nasrank-run/2";

  /** Copies the collections; an absent one (an older run.json) reads as empty. */
  public RunManifest {
    unitCode = unitCode == null ? List.of() : List.copyOf(unitCode);
    seeds = seeds == null ? Map.of() : Map.copyOf(seeds);
    datasets = datasets == null ? Map.of() : Map.copyOf(datasets);
    timingsSeconds = timingsSeconds == null ? Map.of() : Map.copyOf(timingsSeconds);
    configuration = configuration == null ? CanonicalJson.MAPPER.createObjectNode() : configuration;
  }

  /**
   * Reads a run.json of schema {@value #SCHEMA} or {@value #SCHEMA_V1} into this record (fields a
   * writer added since read as they are; fields an older file lacks as empty or null).
   *
   * @throws IllegalArgumentException when the file is missing, malformed, of another schema or a
   *     field has the wrong type, naming the file and the field
   */
  public static RunManifest read(Path file) {
    JsonNode tree = ManifestIo.read(file);
    String schema = tree.path("schema").asText("");
    if (!schema.equals(SCHEMA) && !schema.equals(SCHEMA_V1)) {
      throw new IllegalArgumentException(
          file
              + ": schema '"
              + schema
              + "' is not a run manifest (expected "
              + SCHEMA
              + " or "
              + SCHEMA_V1
              + ")");
    }
    try {
      return READER.treeToValue(tree, RunManifest.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          file + ": not a run manifest: " + e.getOriginalMessage(), e);
    }
  }

  private static final ObjectMapper READER =
      CanonicalJson.MAPPER.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /**
   * This manifest's configuration hash when it can be compared with this schema's ({@value
   * #SCHEMA}), else null.
   */
  public String comparableConfigurationSha256() {
    return SCHEMA.equals(schema) ? configurationSha256 : null;
  }

  /** The revision that wrote the manifest ({@link GitInfo#version()}); unknown when unrecorded. */
  public String version() {
    return git == null ? GitInfo.UNKNOWN : git.version();
  }

  /**
   * The schema before {@code configurationSha256} left out the fields a writer keeps outside it (a
   * suite's seeds and ground truth) and before the configuration records: its hashes are not
   * comparable with this schema's.
   */
  public static final String SCHEMA_V1 = "nasrank-run/1";

  /**
   * The configuration hash of a run.json tree when it can be compared with this schema's (schema
   * {@value #SCHEMA}), else null.
   */
  public static String comparableConfigurationSha256(JsonNode manifest) {
    return manifest != null
            && SCHEMA.equals(manifest.path("schema").asText())
            && manifest.hasNonNull("configurationSha256")
        ? manifest.get("configurationSha256").asText()
        : null;
  }

  /**
   * SHA-256 of the canonical JSON of a configuration without its top-level fields named in {@code
   * outsideHash} (what {@code configurationSha256} holds).
   */
  public static String configurationSha256(Object configuration, List<String> outsideHash) {
    JsonNode copy = CanonicalJson.tree(configuration).deepCopy();
    if (copy instanceof ObjectNode o) {
      o.remove(outsideHash);
    }
    return CanonicalJson.sha256(copy);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Collects a manifest; {@code build()} fills git, environment, time and the configuration hash.
   */
  public static final class Builder {
    private String profile = "default";
    private JsonNode configuration = CanonicalJson.MAPPER.createObjectNode();
    private List<String> outsideHash = List.of();
    private final Map<String, Long> seeds = new LinkedHashMap<>();
    private final Map<String, String> datasets = new LinkedHashMap<>();
    private final Map<String, Double> timings = new LinkedHashMap<>();
    private String device = "unknown";
    private List<String> unitCode = List.of();
    private Path sourceDir = CodeCheckout.of(RunManifest.class).orElse(Path.of("."));
    private final List<String> missing = new ArrayList<>();

    private Builder() {}

    public Builder profile(String p) {
      this.profile = Objects.requireNonNull(p, "profile");
      return this;
    }

    /** The full configuration (a record, map or JSON tree), all of it hashed. */
    public Builder configuration(Object config) {
      return configuration(config, List.of());
    }

    /**
     * The full configuration; its top-level fields named in {@code outsideHash} are recorded but
     * not hashed.
     */
    public Builder configuration(Object config, List<String> outsideHash) {
      this.configuration = CanonicalJson.tree(Objects.requireNonNull(config, "configuration"));
      this.outsideHash = List.copyOf(outsideHash);
      return this;
    }

    public Builder seed(String name, long value) {
      seeds.put(name, value);
      return this;
    }

    /** Records the SHA-256 of a data file or folder (computed now, streamed). */
    public Builder dataset(String name, Path path) {
      datasets.put(name, Checksums.sha256Tree(path));
      return this;
    }

    /** Records an already known SHA-256 (e.g. from a dataset manifest). */
    public Builder datasetSha256(String name, String sha256) {
      if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
        missing.add(
            "dataset " + name + " needs a 64-digit lowercase hex SHA-256, got '" + sha256 + "'");
      }
      datasets.put(name, sha256);
      return this;
    }

    public Builder device(String d) {
      this.device = d;
      return this;
    }

    /** The code versions that trained a merged run's units, in order of first use. */
    public Builder unitCode(List<String> versions) {
      this.unitCode = List.copyOf(versions);
      return this;
    }

    public Builder timing(String phase, double seconds) {
      timings.put(phase, seconds);
      return this;
    }

    /**
     * Folder whose git checkout is recorded (default: the checkout the code runs from, {@link
     * CodeCheckout}, else the working directory).
     */
    public Builder sourceDir(Path dir) {
      this.sourceDir = dir;
      return this;
    }

    public RunManifest build() {
      if (!missing.isEmpty()) {
        throw new IllegalArgumentException(String.join("; ", missing));
      }
      return new RunManifest(
          SCHEMA,
          Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
          profile,
          GitInfo.detect(sourceDir),
          unitCode,
          configuration,
          configurationSha256(configuration, outsideHash),
          Map.copyOf(seeds),
          Map.copyOf(datasets),
          Environment.detect(device),
          Map.copyOf(timings));
    }
  }
}
