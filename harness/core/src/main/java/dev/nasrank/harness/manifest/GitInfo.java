package dev.nasrank.harness.manifest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The source revision a run was built from.
 *
 * @param commit full commit id, or {@code unknown} outside a git checkout
 * @param dirty whether tracked files differ from that commit (untracked files are not counted);
 *     null if unknown
 */
public record GitInfo(String commit, Boolean dirty) {

  /** The commit outside a git checkout. */
  public static final String UNKNOWN = "unknown";

  /**
   * One string for the revision: the commit, with {@code -dirty} appended when tracked files
   * differed from it (as {@code git describe --dirty} marks it) and {@code -maybe-dirty} when git
   * could not say; {@link #UNKNOWN} outside a checkout.
   */
  public String version() {
    if (UNKNOWN.equals(commit)) {
      return UNKNOWN;
    }
    return dirty == null ? commit + "-maybe-dirty" : dirty ? commit + "-dirty" : commit;
  }

  /** Asks {@code git} in {@code dir}; never fails (unknown values instead). */
  public static GitInfo detect(Path dir) {
    String commit = git(dir, "rev-parse", "HEAD");
    if (commit == null || commit.isBlank()) {
      return new GitInfo(UNKNOWN, null);
    }
    String status = git(dir, "status", "--porcelain", "--untracked-files=no");
    return new GitInfo(commit.trim(), status == null ? null : !status.isBlank());
  }

  private static String git(Path dir, String... args) {
    List<String> cmd = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
    cmd.addAll(List.of(args));
    try {
      Process p =
          new ProcessBuilder(cmd)
              .redirectErrorStream(false)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroy();
        return null;
      }
      return out;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
