package dev.nasrank.harness.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nasrank.harness.manifest.CodeCheckout;
import dev.nasrank.harness.manifest.Environment;
import dev.nasrank.harness.manifest.GitInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What trained a unit, as its {@code train.json} records it: the processor model and the code
 * version of every invocation that trained it, each list in order of first use. Results are
 * bit-reproducible on one kind of processor with one code version, so these say which audits can
 * reproduce a unit.
 *
 * <p>A {@code train.json} written before a field existed (both came on 2026-11-30) reads as {@link
 * #UNRECORDED} for it, so a unit resumed by newer code lists {@code [unrecorded, <new>]} rather
 * than claiming the newer invocation trained every epoch.
 *
 * <p>The code version is asked of git in the checkout the code runs from ({@link CodeCheckout}),
 * once per JVM: the checkout's HEAD and whether tracked files differ from it, not a stamp of the
 * built jar. Editing tracked files while units train marks the later units {@code -dirty}, and a
 * commit made after the build names the new commit; build, then leave the checkout alone.
 *
 * @param processors processor models ({@link Environment#processorModel()})
 * @param code code versions ({@link GitInfo#version()}: a commit, {@code -dirty} when the checkout
 *     had uncommitted changes; {@link GitInfo#UNKNOWN} for code run from outside a checkout)
 */
public record TrainProvenance(List<String> processors, List<String> code) {

  /** Field of {@code train.json} listing {@link #processors}. */
  public static final String PROCESSORS = "processors";

  /** Field of {@code train.json} listing {@link #code}. */
  public static final String CODE = "code";

  /** The entry for invocations that trained a unit before its {@code train.json} had the field. */
  public static final String UNRECORDED = "unrecorded";

  private static final ObjectMapper JSON = new ObjectMapper();

  public TrainProvenance {
    processors = List.copyOf(processors);
    code = List.copyOf(code);
  }

  /** Nothing known: no unit, or no {@code train.json}. */
  public static TrainProvenance none() {
    return new TrainProvenance(List.of(), List.of());
  }

  /** The provenance a {@code train.json} records; {@link #none()} when the file is absent. */
  public static TrainProvenance read(Path trainJson) throws IOException {
    return Files.isRegularFile(trainJson) ? of(JSON.readTree(trainJson.toFile())) : none();
  }

  /**
   * The provenance recorded in a parsed {@code train.json}; a field it lacks reads as {@link
   * #UNRECORDED}.
   */
  public static TrainProvenance of(JsonNode manifest) {
    return new TrainProvenance(field(manifest, PROCESSORS), field(manifest, CODE));
  }

  /** This invocation's: this machine's processor model and the code running now. */
  public static TrainProvenance current() {
    return new TrainProvenance(List.of(Environment.processorModel()), List.of(CurrentCode.VERSION));
  }

  /** Both lists with {@code later}'s entries appended where new, first-use order kept. */
  public TrainProvenance plus(TrainProvenance later) {
    return new TrainProvenance(union(processors, later.processors), union(code, later.code));
  }

  /**
   * The entries that name something: without {@link #UNRECORDED} and {@link GitInfo#UNKNOWN} (which
   * cannot be compared with anything).
   */
  public static List<String> known(List<String> entries) {
    return entries.stream()
        .filter(e -> !UNRECORDED.equals(e) && !GitInfo.UNKNOWN.equals(e))
        .toList();
  }

  private static List<String> union(List<String> a, List<String> b) {
    Set<String> out = new LinkedHashSet<>(a);
    out.addAll(b);
    return List.copyOf(out);
  }

  private static List<String> field(JsonNode manifest, String name) {
    if (!manifest.has(name)) {
      return List.of(UNRECORDED);
    }
    List<String> out = new ArrayList<>();
    manifest.get(name).forEach(n -> out.add(n.asText()));
    return out;
  }

  /** The running code's version, asked of git once per JVM (the loaded code does not change). */
  private static final class CurrentCode {
    static final String VERSION =
        CodeCheckout.of(TrainProvenance.class)
            .map(dir -> GitInfo.detect(dir).version())
            .orElse(GitInfo.UNKNOWN);
  }
}
