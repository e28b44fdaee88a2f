package dev.nasrank.harness.exec;

import java.util.List;
import java.util.stream.Collectors;

/** Quoting for the bash scripts this package writes. */
public final class Shell {
  /**
   * In an argument, stands for the Slurm array index; it is written unquoted as {@code
   * "$SLURM_ARRAY_TASK_ID"}.
   */
  public static final String TASK_ID = "@SLURM_ARRAY_TASK_ID@";

  private Shell() {}

  /** {@code s} as one bash word: single-quoted, with {@link #TASK_ID} expanded to the task id. */
  public static String word(String s) {
    StringBuilder b = new StringBuilder();
    String[] parts = s.split(java.util.regex.Pattern.quote(TASK_ID), -1);
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        b.append("\"$SLURM_ARRAY_TASK_ID\"");
      }
      if (!parts[i].isEmpty() || parts.length == 1) {
        b.append('\'').append(parts[i].replace("'", "'\\''")).append('\'');
      }
    }
    return b.toString();
  }

  /** The words joined by spaces. */
  public static String words(List<String> args) {
    return args.stream().map(Shell::word).collect(Collectors.joining(" "));
  }
}
