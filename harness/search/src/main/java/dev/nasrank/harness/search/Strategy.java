package dev.nasrank.harness.search;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The search strategies by name, each spelled one way ({@link #cliName()}) in files and commands.
 */
public enum Strategy {
  /** {@link RandomSearch}. */
  RANDOM("random"),
  /** {@link RegularizedEvolution}. */
  EVOLUTION("evolution"),
  /** {@link Nsga2}. */
  NSGA2("nsga2");

  private final String cliName;

  Strategy(String cliName) {
    this.cliName = cliName;
  }

  /** The name in files and commands. */
  public String cliName() {
    return cliName;
  }

  /** The strategy with its parameters from {@code options}. */
  public SearchStrategy create(SearchOptions options) {
    return switch (this) {
      case RANDOM -> new RandomSearch();
      case EVOLUTION -> new RegularizedEvolution(options.population(), options.sample());
      case NSGA2 -> new Nsga2(options.population());
    };
  }

  /** Every name, comma separated, in declaration order. */
  public static String names() {
    return Arrays.stream(values()).map(Strategy::cliName).collect(Collectors.joining(", "));
  }

  /**
   * The strategy of a name (case-insensitive).
   *
   * @throws IllegalArgumentException naming the value and the known names
   */
  public static Strategy parse(String name) {
    String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    for (Strategy s : values()) {
      if (s.cliName.equals(key)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown search strategy '" + name + "' (expected one of " + names() + ")");
  }
}
