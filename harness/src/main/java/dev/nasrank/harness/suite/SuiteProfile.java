package dev.nasrank.harness.suite;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.nasrank.files.AtomicFiles;
import dev.nasrank.harness.config.DataSplit;
import dev.nasrank.harness.config.EvalBudget;
import dev.nasrank.harness.config.NetworkShape;
import dev.nasrank.harness.config.Optimizer;
import dev.nasrank.harness.space.CandidateSample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * One named configuration of the whole suite, composed of the shared configuration records: data
 * split, network shape, training length, optimizer and evaluation budget. Every supernet of the
 * suite (5 MixPath BN strategies + SPOS, per m and seed) uses the same profile; {@code
 * suite-config.json} and {@code run.json} record it as these records.
 *
 * @param name profile name recorded in run.json (baselines belong to one profile)
 * @param split data split
 * @param network C, stacks and cells per stack of the supernet (channels double per stack)
 * @param epochs training epochs (length of the cosine schedule)
 * @param batchSize training images per step
 * @param maxStepsPerEpoch cap on training steps per epoch, 0 = whole epoch
 * @param optimizer SGD, cosine schedule and gradient clip
 * @param eval evaluation and BN post-calibration budget per choice
 */
public record SuiteProfile(
    String name,
    DataSplit split,
    NetworkShape network,
    int epochs,
    int batchSize,
    int maxStepsPerEpoch,
    Optimizer optimizer,
    EvalBudget eval) {

  /** Names accepted by {@link #of(String)}. */
  public static final List<String> NAMES = List.of("mini", "ci", "paper");

  /** Validates the values, naming the bad one. */
  public SuiteProfile {
    if (name == null
        || name.isBlank()
        || split == null
        || network == null
        || optimizer == null
        || eval == null) {
      throw new IllegalArgumentException(
          "profile name, split, network, optimizer and evaluation budget are " + "required");
    }
    if (epochs < 1 || batchSize < 1) {
      throw new IllegalArgumentException(
          "profile " + name + ": epochs and batch size must be >= 1");
    }
    if (maxStepsPerEpoch < 0) {
      throw new IllegalArgumentException(
          "profile " + name + ": max steps per epoch must be >= 0 (0 = all)");
    }
  }

  /**
   * The default profile: the mini CIFAR-10 split (4,068 training, 1,017 validation images), C = 16,
   * 3 stacks x 1 cell, 20 epochs of batch 64 (63 steps each) with the reference optimizer, every
   * choice evaluated on the first 512 validation images (2 batches of 256) and calibrated with K =
   * 1 batch of 256 training images. Sized from measured unit times for the 6 supernets with both
   * evaluations of all 255 choices to fit 45 minutes with one torch thread (docs/suite.md).
   */
  public static SuiteProfile mini() {
    return new SuiteProfile(
        "mini",
        DataSplit.MINI,
        NetworkShape.S4_MINI,
        20,
        64,
        0,
        Optimizer.MIXPATH_REFERENCE,
        new EvalBudget(256, 1, 2, 0));
  }

  /**
   * The CI profile: the mini split, C = 4, 3 stacks x 1 cell, 4 epochs of batch 64 (63 steps);
   * every choice is evaluated on the first 128 validation images (2 batches of 64) and calibrated
   * with K = 1 batch of 64 training images. About 4 minutes with one torch thread; it checks that
   * the pipeline reproduces its committed rankings (docs/suite.md), not ranking quality.
   */
  public static SuiteProfile ci() {
    return new SuiteProfile(
        "ci",
        DataSplit.MINI,
        NetworkShape.cifar10(4, 3, 1),
        4,
        64,
        0,
        Optimizer.MIXPATH_REFERENCE,
        new EvalBudget(64, 1, 2, 0));
  }

  /**
   * The paper's configuration (MixPath reference code): the reference split (50,000 training
   * images, the test set for evaluation), C = 128, 3 stacks x 3 cells, 200 epochs, batch 96, K =
   * 20. Valid, but days of CPU.
   */
  public static SuiteProfile paper() {
    return new SuiteProfile(
        "paper",
        DataSplit.REFERENCE,
        NetworkShape.NASBENCH101,
        200,
        96,
        0,
        Optimizer.MIXPATH_REFERENCE,
        new EvalBudget(96, EvalBudget.DEFAULT_CALIBRATION_BATCHES, 0, 0));
  }

  /**
   * The profile of a name in {@link #NAMES}, or read from a JSON file holding the fields of this
   * record (as {@code suite-config.json} records them under {@code profile}) when {@code name} ends
   * in {@code .json}.
   */
  public static SuiteProfile of(String name) {
    if (name.endsWith(".json")) {
      return read(Path.of(name));
    }
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "mini" -> mini();
      case "ci" -> ci();
      case "paper" -> paper();
      default ->
          throw new IllegalArgumentException(
              "unknown profile '" + name + "' (expected one of " + NAMES + " or a .json file)");
    };
  }

  /**
   * Reads a profile from a JSON file of this record's fields; a missing or bad file is an error
   * naming it.
   */
  public static SuiteProfile read(Path file) {
    try {
      return fromJson(STRICT.readTree(file.toFile()), null, file + " (profile)");
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read profile file " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The profile in a JSON tree (a profile file, or the {@code profile} field of {@code
   * suite-config.json} or run.json's configuration). The flat form written before the configuration
   * records existed ({@code stemChannels}, {@code lr}, {@code evalBatchSize}, ... with the other
   * optimizer values in a separate block of suite-config.json, or fixed at the reference values in
   * a profile file) reads as the same records, so run folders planned then still resume.
   *
   * @param legacyOptimizer the {@code optimizer} block beside a flat profile in an old
   *     suite-config.json, else null
   * @param where the file and field, for the message
   * @throws IllegalArgumentException naming {@code where} and the missing or bad field
   */
  public static SuiteProfile fromJson(JsonNode node, JsonNode legacyOptimizer, String where) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException(where + ": not a suite profile (a JSON object expected)");
    }
    try {
      return node.has("stemChannels")
          ? fromFlat(node, legacyOptimizer)
          : STRICT.treeToValue(node, SuiteProfile.class);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": not a suite profile: " + e.getMessage(), e);
    }
  }

  private static SuiteProfile fromFlat(JsonNode n, JsonNode opt) {
    double lr = number(n, "lr");
    Optimizer o =
        opt == null || opt.isMissingNode() || opt.isNull()
            ? Optimizer.MIXPATH_REFERENCE.withLr(lr)
            : new Optimizer(
                lr,
                number(opt, "lrMin"),
                number(opt, "momentum"),
                number(opt, "weightDecay"),
                number(opt, "clip"));
    return new SuiteProfile(
        n.path("name").asText(),
        DataSplit.parse(n.path("split").asText()),
        NetworkShape.cifar10(
            integer(n, "stemChannels"), integer(n, "stacks"), integer(n, "cellsPerStack")),
        integer(n, "epochs"),
        integer(n, "batchSize"),
        integer(n, "maxStepsPerEpoch"),
        o,
        new EvalBudget(
            integer(n, "evalBatchSize"),
            integer(n, "calibrationBatches"),
            integer(n, "maxEvalBatches"),
            integer(n, "maxChoices")));
  }

  private static double number(JsonNode n, String field) {
    if (!n.path(field).isNumber()) {
      throw new IllegalArgumentException("field '" + field + "' is missing or not a number");
    }
    return n.get(field).asDouble();
  }

  private static int integer(JsonNode n, String field) {
    if (!n.path(field).isIntegralNumber()) {
      throw new IllegalArgumentException("field '" + field + "' is missing or not an integer");
    }
    return n.get(field).asInt();
  }

  private static final ObjectMapper STRICT =
      new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

  /** Writes this profile as JSON (readable by {@link #read}). */
  public void write(Path file) {
    try {
      AtomicFiles.write(
          file,
          new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(this));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * How many cells of a NAS-Bench-101 cell space a plan of this profile evaluates unless {@code
   * --cells} says otherwise: {@value #CI_CELLS} for {@code ci} (the CI's minutes), {@link
   * CandidateSample#DEFAULT_CELLS} for every other profile. Not part of the profile's record (S4
   * plans and their hashes are unchanged); a plan records the number it used.
   */
  public int defaultCells() {
    return name.equals("ci") ? CI_CELLS : CandidateSample.DEFAULT_CELLS;
  }

  /** The cells of a cell-space plan of the {@code ci} profile (see {@link #defaultCells()}). */
  public static final int CI_CELLS = 24;

  /** A copy with other epochs (the {@code --epochs} override). */
  public SuiteProfile withEpochs(int n) {
    return new SuiteProfile(name, split, network, n, batchSize, maxStepsPerEpoch, optimizer, eval);
  }
}
