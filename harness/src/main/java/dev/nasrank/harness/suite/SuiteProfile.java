package dev.nasrank.harness.suite;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.nasrank.benchbridge.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * One named configuration of the whole suite: data split, supernet shape, training and evaluation budget.
 * Every supernet of the suite (5 MixPath BN strategies + SPOS, per m and seed) uses the same profile.
 *
 * @param name profile name recorded in run.json (baselines belong to one profile)
 * @param split data split ({@code mini}, {@code nb101}, {@code reference}, {@code synthetic})
 * @param stemChannels C, stem width (channels double per stack)
 * @param stacks number of stacks
 * @param cellsPerStack cells per stack
 * @param epochs training epochs (length of the cosine schedule)
 * @param batchSize training images per step
 * @param lr initial learning rate (cosine to 1e-8)
 * @param maxStepsPerEpoch cap on training steps per epoch, 0 = whole epoch
 * @param evalBatchSize images per evaluation / calibration batch
 * @param calibrationBatches K, training batches of exact BN post-calibration per candidate
 * @param maxEvalBatches cap on validation batches per candidate, 0 = the whole validation part
 * @param maxChoices evaluate only the first this many choices, 0 = all (microscopic test profiles only)
 */
public record SuiteProfile(String name, String split, int stemChannels, int stacks, int cellsPerStack, int epochs,
    int batchSize, double lr, int maxStepsPerEpoch, int evalBatchSize, int calibrationBatches, int maxEvalBatches,
    int maxChoices) {

  /** Names accepted by {@link #of(String)}. */
  public static final List<String> NAMES = List.of("mini", "ci", "paper");

  /** Validates the values, naming the bad one. */
  public SuiteProfile {
    if (name == null || name.isBlank() || split == null) {
      throw new IllegalArgumentException("profile name and split are required");
    }
    if (stemChannels < 1 || stacks < 1 || cellsPerStack < 1 || epochs < 1 || batchSize < 1 || evalBatchSize < 1) {
      throw new IllegalArgumentException("profile " + name + ": widths, counts, epochs and batch sizes must be >= 1");
    }
    if (calibrationBatches < 1 || maxStepsPerEpoch < 0 || maxEvalBatches < 0 || maxChoices < 0) {
      throw new IllegalArgumentException("profile " + name + ": calibration batches must be >= 1 and caps >= 0");
    }
  }

  /**
   * The default profile: the mini CIFAR-10 split (4,068 training, 1,017 validation images), C = 16, 3 stacks x 1
   * cell, 20 epochs of batch 64 (63 steps each), every choice evaluated on the first 512 validation images (2
   * batches of 256) and calibrated with K = 1 batch of 256 training images. Sized from measured unit times for the
   * 6 supernets with both evaluations of all 255 choices to fit 45 minutes with one torch thread (docs/suite.md).
   */
  public static SuiteProfile mini() {
    return new SuiteProfile("mini", "mini", 16, 3, 1, 20, 64, 0.025, 0, 256, 1, 2, 0);
  }

  /**
   * The CI profile: the mini split, C = 4, 3 stacks x 1 cell, 4 epochs of batch 64 (63 steps); every choice is
   * evaluated on the first 128 validation images (2 batches of 64) and calibrated with K = 1 batch of 64 training
   * images. About 4 minutes with one torch thread; it checks that the pipeline reproduces its committed rankings
   * (docs/suite.md), not ranking quality.
   */
  public static SuiteProfile ci() {
    return new SuiteProfile("ci", "mini", 4, 3, 1, 4, 64, 0.025, 0, 64, 1, 2, 0);
  }

  /**
   * The paper's configuration (MixPath reference code): the reference split (50,000 training images, the test set
   * for evaluation), C = 128, 3 stacks x 3 cells, 200 epochs, batch 96, lr 0.025, K = 20. Valid, but days of CPU.
   */
  public static SuiteProfile paper() {
    return new SuiteProfile("paper", "reference", 128, 3, 3, 200, 96, 0.025, 0, 96, 20, 0, 0);
  }

  /**
   * The profile of a name in {@link #NAMES}, or read from a JSON file holding the fields of this record (as
   * {@code suite-config.json} records them under {@code profile}) when {@code name} ends in {@code .json}.
   */
  public static SuiteProfile of(String name) {
    if (name.endsWith(".json")) {
      return read(Path.of(name));
    }
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "mini" -> mini();
      case "ci" -> ci();
      case "paper" -> paper();
      default -> throw new IllegalArgumentException("unknown profile '" + name + "' (expected one of " + NAMES
          + " or a .json file)");
    };
  }

  /** Reads a profile from a JSON file of this record's fields; a missing or bad file is an error naming it. */
  public static SuiteProfile read(Path file) {
    try {
      return new ObjectMapper().enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES).readValue(file.toFile(),
              SuiteProfile.class);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read profile file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Writes this profile as JSON (readable by {@link #read}). */
  public void write(Path file) {
    try {
      AtomicFiles.write(file, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(this));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A copy with other epochs (the {@code --epochs} override). */
  public SuiteProfile withEpochs(int n) {
    return new SuiteProfile(name, split, stemChannels, stacks, cellsPerStack, n, batchSize, lr, maxStepsPerEpoch,
        evalBatchSize, calibrationBatches, maxEvalBatches, maxChoices);
  }
}
