package dev.nasrank.harness.setting;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one way a setting's vocabulary is listed and parsed: from its enum's {@code values()}, so a
 * new constant appears in every help text, error message and parser at once.
 */
final class Names {

  private Names() {}

  /** The names, comma separated, in declaration order. */
  static <E> String of(E[] values, Function<E, String> name) {
    return Arrays.stream(values).map(name).collect(Collectors.joining(", "));
  }

  /**
   * The constant whose name equals {@code text}, case-insensitive, '-' read as '_'.
   *
   * @throws IllegalArgumentException naming the value, what it should be and the accepted names
   */
  static <E> E parse(E[] values, Function<E, String> name, String text, String what) {
    String key = text == null ? "" : text.trim().replace('-', '_').toLowerCase(Locale.ROOT);
    for (E v : values) {
      if (name.apply(v).equals(key)) {
        return v;
      }
    }
    throw new IllegalArgumentException(
        "unknown " + what + " '" + text + "' (expected one of " + of(values, name) + ")");
  }
}
