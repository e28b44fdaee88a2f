package dev.nasrank.harness.space;

import java.util.List;
import java.util.Locale;

/**
 * The search spaces by name: the one place a space's id is resolved (candidates.csv's {@code space}
 * column, the suite's settings). Today only {@value #S4}; a new space registers here
 * (docs/architecture.md, "Adding a search space").
 */
public final class Spaces {

  /** MixPath's S4 space ({@link S4Space}), the default of every file and command. */
  public static final String S4 = "s4";

  /** The default space: files written before the {@code space} column are S4. */
  public static final String DEFAULT = S4;

  /** Every space id, in the order help texts list them. */
  public static final List<String> IDS = List.of(S4);

  private Spaces() {}

  /**
   * The space of an id (case-insensitive): {@value #S4} is {@link S4Space#full()}, every S4 choice
   * (m = 4, all four nodes).
   *
   * @throws IllegalArgumentException naming the id and the known ones
   */
  public static SearchSpace<? extends Architecture> byId(String id) {
    String key = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
    if (key.equals(S4)) {
      return S4Space.full();
    }
    throw new IllegalArgumentException(
        "unknown search space '" + id + "' (known: " + String.join(", ", IDS) + ")");
  }
}
