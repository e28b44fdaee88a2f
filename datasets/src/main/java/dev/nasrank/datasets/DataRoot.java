package dev.nasrank.datasets;

import dev.nasrank.datasets.manifest.DatasetManifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * The folder that holds every dataset (one sub-folder per manifest entry, e.g. {@code
 * cifar10-partial-bin/}).
 *
 * <p>Chosen, first match wins, by: the {@code --data-root} flag; the environment variable {@value
 * #ENV_VARIABLE}; the system property {@value #SYSTEM_PROPERTY} (the build sets it for tests); the
 * user cache folder {@code ~/.cache/nasrank/datasets}.
 */
public final class DataRoot {

  /** Environment variable naming the data root. */
  public static final String ENV_VARIABLE = "NASRANK_DATA_ROOT";

  /** System property naming the data root (set by the Maven build for tests). */
  public static final String SYSTEM_PROPERTY = "nasrank.data.root";

  /** Where the root came from. */
  public enum Source {
    FLAG("--data-root flag"),
    ENVIRONMENT("environment variable " + ENV_VARIABLE),
    SYSTEM_PROPERTY("system property " + DataRoot.SYSTEM_PROPERTY),
    DEFAULT("default user cache folder");

    private final String description;

    Source(String description) {
      this.description = description;
    }

    /** Human-readable origin, e.g. "environment variable NASRANK_DATA_ROOT". */
    public String description() {
      return description;
    }
  }

  private final Path root;
  private final Source source;
  private final boolean verifies;

  private DataRoot(Path root, Source source) {
    this(root, source, true);
  }

  private DataRoot(Path root, Source source, boolean verifies) {
    this.root = root.toAbsolutePath().normalize();
    this.source = source;
    this.verifies = verifies;
  }

  /**
   * This root, with the check of data files against the manifest's SHA-256 on ({@code true}, the
   * default) or off (the commands' {@code --no-verify}).
   */
  public DataRoot withVerification(boolean verify) {
    return new DataRoot(root, source, verify);
  }

  /**
   * Whether data files read from this root are checked against the manifest's SHA-256 (default
   * true).
   */
  public boolean verifies() {
    return verifies;
  }

  /** A data root at an explicit folder, as if given by the flag. */
  public static DataRoot of(Path root) {
    return new DataRoot(Objects.requireNonNull(root, "root"), Source.FLAG);
  }

  /**
   * Resolves the data root from the flag (may be null), the environment and the system properties
   * of this JVM.
   */
  public static DataRoot resolve(Path flagOrNull) {
    return resolve(flagOrNull, System.getenv(), System.getProperties());
  }

  /** Resolution with explicit environment and properties (for tests). */
  static DataRoot resolve(Path flagOrNull, Map<String, String> env, Properties properties) {
    if (flagOrNull != null) {
      return new DataRoot(flagOrNull, Source.FLAG);
    }
    String fromEnv = env.get(ENV_VARIABLE);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return new DataRoot(Path.of(fromEnv), Source.ENVIRONMENT);
    }
    String fromProperty = properties.getProperty(SYSTEM_PROPERTY);
    if (fromProperty != null && !fromProperty.isBlank()) {
      return new DataRoot(Path.of(fromProperty), Source.SYSTEM_PROPERTY);
    }
    String home = properties.getProperty("user.home", ".");
    return new DataRoot(Path.of(home, ".cache", "nasrank", "datasets"), Source.DEFAULT);
  }

  /** The absolute, normalised root folder (it may not exist yet). */
  public Path root() {
    return root;
  }

  /** Which of flag / environment / property / default chose the root. */
  public Source source() {
    return source;
  }

  /** E.g. {@code /work/shared/datasets (from environment variable NASRANK_DATA_ROOT)}. */
  public String describeSource() {
    return root + " (from " + source.description() + ")";
  }

  /** The path of {@code relativePath} under the root, whether or not it exists. */
  public Path resolvePath(String relativePath) {
    return root.resolve(relativePath).normalize();
  }

  /**
   * The path of an existing regular file under the root.
   *
   * @throws MissingDataException naming the full path, the root's origin, and, for files the
   *     manifest knows, the expected size, SHA-256 and how to obtain it; or saying that the path is
   *     a directory or a device
   */
  public Path require(String relativePath) {
    Path path = resolvePath(relativePath);
    if (Files.isRegularFile(path)) {
      return path;
    }
    if (Files.isDirectory(path)) {
      throw new MissingDataException(
          path + " is a directory, not a data file; data root " + describeSource());
    }
    if (Files.exists(path)) {
      throw new MissingDataException(
          path
              + " is not a regular file (a device, pipe or socket); data root "
              + describeSource());
    }
    StringBuilder msg =
        new StringBuilder()
            .append("missing data file ")
            .append(path)
            .append("; data root ")
            .append(describeSource());
    DatasetManifest.load()
        .describe(relativePath)
        .ifPresent(expectation -> msg.append("; expected ").append(expectation));
    msg.append(". Choose the root with --data-root, ")
        .append(ENV_VARIABLE)
        .append(" or -D")
        .append(SYSTEM_PROPERTY)
        .append('.');
    throw new MissingDataException(msg.toString());
  }

  @Override
  public String toString() {
    return describeSource();
  }
}
