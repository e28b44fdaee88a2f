package dev.nasrank.harness.groundtruth;

import ai.djl.engine.Engine;
import dev.nasrank.benchbridge.ModelSpec;
import dev.nasrank.benchbridge.io.NasbenchRecord;
import dev.nasrank.benchbridge.io.TfRecordWriter;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the finished units of a generation folder as a NAS-Bench-101-format TFRecord ({@value
 * #TFRECORD}: one record per (architecture, repeat), architectures in list order, repeats 0, 1, ...
 * in file order, as the reference files) and a {@value #PROTOCOL} describing how they were made.
 * Both files are written atomically.
 */
public final class GroundTruthAssembler {
  /** File name of the TFRecord inside the generation folder. */
  public static final String TFRECORD = "groundtruth.tfrecord";

  /** File name of the protocol description inside the generation folder. */
  public static final String PROTOCOL = "protocol.json";

  /** File name of the pinned architecture list inside the generation folder. */
  public static final String ARCHITECTURES = "architectures.txt";

  /** Summary of the repeat agreement, in protocol.json. */
  public record Ceiling(NoiseCeiling validation, NoiseCeiling test) {}

  /**
   * What protocol.json records.
   *
   * @param format what the TFRecord holds
   * @param profile the training protocol, seeds included
   * @param repeats repeats requested per architecture
   * @param architectures units finished per architecture hash, in list order
   * @param unitsFinished finished units written to the TFRecord
   * @param unitsExpected architectures x repeats
   * @param dataSha256 SHA-256 of every data file, by name
   * @param versions software that produced the data
   * @param noiseCeiling Kendall tau-b between repeats (final accuracies)
   * @param assembledAt UTC time of assembly
   */
  public record Protocol(
      String format,
      Profile profile,
      int repeats,
      Map<String, Integer> architectures,
      int unitsFinished,
      int unitsExpected,
      Map<String, String> dataSha256,
      Map<String, String> versions,
      Ceiling noiseCeiling,
      String assembledAt) {}

  private GroundTruthAssembler() {}

  /**
   * Assembles the TFRecord and protocol.json from what {@code store} holds.
   *
   * @param specs the architecture list, for the record order
   * @param dataSha256 checksums of the data files (may be empty when unknown)
   * @return the protocol written
   */
  public static Protocol assemble(
      UnitStore store,
      Profile profile,
      List<ModelSpec> specs,
      int repeats,
      Map<String, String> dataSha256)
      throws IOException {
    List<UnitResult> units = store.loadAll();
    Map<String, List<UnitResult>> byHash = new HashMap<>();
    for (UnitResult u : units) {
      byHash.computeIfAbsent(u.hash(), h -> new ArrayList<>()).add(u);
    }
    Map<String, Integer> perArch = new LinkedHashMap<>();
    List<UnitResult> ordered = new ArrayList<>();
    for (ModelSpec s : specs) {
      List<UnitResult> mine = byHash.getOrDefault(s.hash(), List.of());
      perArch.put(s.hash(), mine.size());
      ordered.addAll(mine);
    }
    try (TfRecordWriter writer = TfRecordWriter.create(store.dir().resolve(TFRECORD))) {
      for (UnitResult u : ordered) {
        writer.write(
            new NasbenchRecord(
                    u.hash(), u.epochs(), u.adjacency(), u.operations(), u.toModelMetrics())
                .toPayload());
      }
    }
    Protocol protocol =
        new Protocol(
            "NAS-Bench-101 TFRecord: one record per (architecture, repeat); final evaluation after profile.epochs",
            profile,
            repeats,
            perArch,
            ordered.size(),
            specs.size() * repeats,
            new java.util.TreeMap<>(dataSha256),
            versions(),
            new Ceiling(NoiseCeiling.validation(ordered), NoiseCeiling.test(ordered)),
            Instant.now().toString());
    UnitStore.writeAtomically(
        store.dir().resolve(PROTOCOL), UnitStore.JSON.writeValueAsBytes(protocol));
    return protocol;
  }

  /** Versions of the software stack, for provenance. */
  static Map<String, String> versions() {
    Map<String, String> v = new LinkedHashMap<>();
    String harness = GroundTruthAssembler.class.getPackage().getImplementationVersion();
    v.put("harness", harness == null ? "dev" : harness);
    v.put("java", System.getProperty("java.version"));
    v.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    v.put("djl", Engine.getDjlVersion());
    try {
      Engine engine = Engine.getInstance();
      v.put("engine", engine.getEngineName() + " " + engine.getVersion());
    } catch (RuntimeException e) {
      v.put("engine", "unavailable: " + e.getMessage());
    }
    return v;
  }
}
