package dev.nasrank.harness.space;

import dev.nasrank.benchbridge.CellSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The search spaces by name: the one place a space's id is resolved (candidates.csv's {@code space}
 * column, the suite's settings, {@code --space}). {@value #S4} is MixPath's S4, the default; the
 * NAS-Bench-101 cell spaces ({@code nb101}, {@code nb101-v4} .. {@code nb101-v6}, {@code
 * 1shot1-ss1} .. {@code 1shot1-ss3}) come from benchbridge's {@link CellSpace} as {@link
 * CellSearchSpace}s. A new space registers here (docs/architecture.md, "Adding a search space").
 */
public final class Spaces {

  /** MixPath's S4 space ({@link S4Space}), the default of every file and command. */
  public static final String S4 = "s4";

  /** The default space: files written before the {@code space} column are S4. */
  public static final String DEFAULT = S4;

  /** Every space id, in the order help texts list them: S4, then the cell spaces. */
  public static final List<String> IDS = ids();

  private Spaces() {}

  private static List<String> ids() {
    List<String> ids = new ArrayList<>();
    ids.add(S4);
    CellSpace.all().forEach(s -> ids.add(s.id()));
    return List.copyOf(ids);
  }

  /**
   * The space of an id (case-insensitive): {@value #S4} is {@link S4Space#full()}, every S4 choice
   * (m = 4, all four nodes); a NAS-Bench-101 cell space id is its {@link CellSearchSpace}.
   *
   * @throws IllegalArgumentException naming the id and the known ones
   */
  public static SearchSpace<? extends Architecture> byId(String id) {
    String key = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
    if (key.equals(S4)) {
      return S4Space.full();
    }
    for (CellSpace s : CellSpace.all()) {
      if (s.id().equals(key)) {
        return CellSearchSpace.of(s);
      }
    }
    throw new IllegalArgumentException(
        "unknown search space '" + id + "' (known: " + String.join(", ", IDS) + ")");
  }

  /** True for {@value #S4} (any case; null reads as the default, S4). */
  public static boolean isS4(String id) {
    return S4.equals(id == null ? DEFAULT : id.trim().toLowerCase(Locale.ROOT));
  }

  /**
   * True when the space's candidates are all of it, so a ranking over them is a census (S4: every
   * choice is evaluated); false for a space whose evaluated cells are a sample of it (the
   * NAS-Bench-101 cell spaces). The statistics' primary inference target follows from it.
   */
  public static boolean isEnumeratedInFull(String id) {
    return S4.equals(id == null ? DEFAULT : id.trim().toLowerCase(Locale.ROOT));
  }
}
