package dev.nasrank.harness.eval;

import dev.nasrank.datasets.DataRoot;
import dev.nasrank.harness.config.DataSplit;
import dev.nasrank.harness.space.Architecture;
import dev.nasrank.harness.train.DeviceOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An evaluation run over the candidates of a trained supernet's space. Assembled with {@link
 * #builder()}.
 *
 * @param checkpoint the trained supernet's checkpoint
 * @param split data split
 * @param dataRoot data root
 * @param batchSize images per evaluation/calibration batch
 * @param device auto, cpu or gpu
 * @param options which evaluations run, calibration protocol and K
 * @param maxChoices evaluate only the first this many candidates (0 = all; smoke runs)
 * @param outDir folder for {@code candidates.csv} and {@code architectures.csv}
 * @param candidates the candidates to evaluate, in this order, or null for the space's own ({@link
 *     OneShotRun#candidatesOf}); each must be a candidate of the checkpoint's space (for a
 *     NAS-Bench-101 cell space an {@link dev.nasrank.harness.space.Nb101Cell}, named by its module
 *     hash); {@code maxChoices} caps them too
 */
public record EvaluateConfig(
    Path checkpoint,
    DataSplit split,
    DataRoot dataRoot,
    int batchSize,
    DeviceOption device,
    EvalOptions options,
    int maxChoices,
    Path outDir,
    List<? extends Architecture> candidates) {

  /** Copies the candidate list (null stays null). */
  public EvaluateConfig {
    candidates = candidates == null ? null : List.copyOf(candidates);
  }

  /** Images per evaluation batch when nobody says otherwise: the reference code's 96. */
  public static final int DEFAULT_BATCH_SIZE = 96;

  /** A builder; {@code setX} required, {@code optX} with the default each names. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this configuration, to change some fields. */
  public Builder toBuilder() {
    return builder()
        .setCheckpoint(checkpoint)
        .setData(split, dataRoot)
        .setOutDir(outDir)
        .optBatchSize(batchSize)
        .optDevice(device)
        .optOptions(options)
        .optMaxChoices(maxChoices)
        .optCandidates(candidates);
  }

  /** Assembles an {@link EvaluateConfig}; {@link #build()} names what is missing. */
  public static final class Builder {
    private Path checkpoint;
    private DataSplit split;
    private DataRoot dataRoot;
    private Path outDir;
    private int batchSize = DEFAULT_BATCH_SIZE;
    private DeviceOption device = DeviceOption.AUTO;
    private EvalOptions options = EvalOptions.builder().build();
    private int maxChoices;
    private List<? extends Architecture> candidates;

    private Builder() {}

    /** The trained supernet's checkpoint; required. */
    public Builder setCheckpoint(Path checkpoint) {
      this.checkpoint = checkpoint;
      return this;
    }

    /** The split and the data root it is read from; required. */
    public Builder setData(DataSplit split, DataRoot dataRoot) {
      this.split = split;
      this.dataRoot = dataRoot;
      return this;
    }

    /** Where the CSV files go; required. */
    public Builder setOutDir(Path outDir) {
      this.outDir = outDir;
      return this;
    }

    /** Images per batch; default {@value EvaluateConfig#DEFAULT_BATCH_SIZE}. */
    public Builder optBatchSize(int n) {
      this.batchSize = n;
      return this;
    }

    /** The device; default auto. */
    public Builder optDevice(DeviceOption device) {
      this.device = device;
      return this;
    }

    /** What to evaluate; default {@link EvalOptions.Builder}'s defaults. */
    public Builder optOptions(EvalOptions options) {
      this.options = options;
      return this;
    }

    /** Evaluate only the first N candidates; default 0, all. */
    public Builder optMaxChoices(int n) {
      this.maxChoices = n;
      return this;
    }

    /**
     * Evaluate exactly these candidates, in this order (e.g. a seeded sample of a cell space's
     * cells that a ground truth holds, the same for every setting and seed); default null, the
     * space's own candidates. Each must be a candidate of the checkpoint's space: the evaluation
     * reads it back by its id ({@link dev.nasrank.harness.space.SearchSpace#parse}) and refuses one
     * outside the space, naming it.
     */
    public Builder optCandidates(List<? extends Architecture> candidates) {
      this.candidates = candidates;
      return this;
    }

    /**
     * The configuration.
     *
     * @throws IllegalStateException naming every required field not set
     * @throws IllegalArgumentException when a count is out of range
     */
    public EvaluateConfig build() {
      List<String> missing = new ArrayList<>();
      if (checkpoint == null) {
        missing.add("checkpoint");
      }
      if (split == null || dataRoot == null) {
        missing.add("data (split and root)");
      }
      if (outDir == null) {
        missing.add("outDir");
      }
      if (!missing.isEmpty()) {
        throw new IllegalStateException(
            "an evaluation needs " + String.join(", ", missing) + ": set them before build()");
      }
      if (candidates != null && candidates.isEmpty()) {
        throw new IllegalArgumentException("an explicit candidate list must not be empty");
      }
      if (batchSize < 1 || maxChoices < 0) {
        throw new IllegalArgumentException(
            "batch size must be >= 1 and max choices >= 0, got " + batchSize + ", " + maxChoices);
      }
      return new EvaluateConfig(
          checkpoint, split, dataRoot, batchSize, device, options, maxChoices, outDir, candidates);
    }
  }
}
