package dev.nasrank.harness.cli;

import dev.nasrank.harness.config.DataSplit;
import dev.nasrank.harness.config.Optimizer;
import dev.nasrank.harness.space.CellSampling;
import dev.nasrank.harness.space.CellSearchSpace;
import dev.nasrank.harness.space.Spaces;
import dev.nasrank.harness.suite.SuiteProfile;
import dev.nasrank.harness.supernet.CellSupernetConfig;
import dev.nasrank.harness.supernet.S4SupernetConfig;
import dev.nasrank.harness.supernet.SupernetConfig;
import dev.nasrank.harness.train.DeviceOption;
import dev.nasrank.harness.train.EpochStats;
import dev.nasrank.harness.train.SupernetData;
import dev.nasrank.harness.train.SupernetTrainer;
import dev.nasrank.harness.train.TrainConfig;
import dev.nasrank.harness.train.TrainProgress;
import dev.nasrank.harness.train.TrainResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code harness train}: trains one supernet (S4: MixPath or SPOS; a NAS-Bench-101 cell space with
 * {@code --space}; one BN strategy) with checkpoints.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Trains a one-shot supernet (S4, or a NAS-Bench-101 cell space with --space) on CIFAR-10: one sampled choice per batch, path-exact SGD "
          + "(momentum, weight decay, clip 5), cosine learning rate.",
      "Writes OUTPUT/checkpoint.bin after every epoch (atomic) and OUTPUT/train.json; --resume continues a run. "
          + "Defaults are the MixPath reference's (each option shows its own)."
    })
public final class TrainCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin SupernetOptions supernet;

  @Option(
      names = "--space",
      paramLabel = "ID",
      defaultValue = Spaces.DEFAULT,
      description =
          "Search space: s4 (MixPath's, the default) or a NAS-Bench-101 cell space (nb101, "
              + "nb101-v4..nb101-v6, 1shot1-ss1..1shot1-ss3; docs/cellnet.md: mixpath only, "
              + "--max-paths and --sampler do not apply). Default: ${DEFAULT-VALUE}.")
  String space;

  @Option(
      names = "--cell-sampler",
      paramLabel = "MODE",
      defaultValue = "uniform",
      converter = CellSamplingConverter.class,
      description =
          "Cell spaces: uniform (over the space's unique cells) or random_spec (NAS-Bench-101's "
              + "random_spec: each edge with probability 1/2, ops uniform, redrawn until in the "
              + "space). Default: ${DEFAULT-VALUE}.")
  CellSampling cellSampler;

  @Mixin DataRootOption dataRoot;

  @Mixin VerifyOption verify;

  @Option(
      names = "--split",
      paramLabel = "SPLIT",
      description =
          "Data split: mini, nb101, reference or synthetic (reference = 50k train images). "
              + "Default: ${DEFAULT-VALUE}.")
  DataSplit split = SuiteProfile.mini().split();

  @Option(names = "--epochs", paramLabel = "N", description = "Epochs. Default: ${DEFAULT-VALUE}.")
  int epochs = TrainConfig.DEFAULT_EPOCHS;

  @Option(
      names = "--batch-size",
      paramLabel = "N",
      defaultValue = "96",
      description = "Images per batch. Default: ${DEFAULT-VALUE}.")
  int batchSize;

  @Option(
      names = "--lr",
      paramLabel = "LR",
      description = "Initial learning rate (cosine to --lr-min). Default: ${DEFAULT-VALUE}.")
  double lr = Optimizer.MIXPATH_REFERENCE.lr();

  @Option(
      names = "--lr-min",
      paramLabel = "LR",
      description = "Final learning rate. Default: ${DEFAULT-VALUE}.")
  double lrMin = Optimizer.MIXPATH_REFERENCE.lrMin();

  @Option(names = "--momentum", paramLabel = "M", description = "Default: ${DEFAULT-VALUE}.")
  double momentum = Optimizer.MIXPATH_REFERENCE.momentum();

  @Option(
      names = "--weight-decay",
      paramLabel = "WD",
      description = "L2 weight decay (none on BN gamma/beta). Default: ${DEFAULT-VALUE}.")
  double weightDecay = Optimizer.MIXPATH_REFERENCE.weightDecay();

  @Option(
      names = "--clip",
      paramLabel = "NORM",
      description = "Global gradient-norm clip (0 = off). Default: ${DEFAULT-VALUE}.")
  double clip = Optimizer.MIXPATH_REFERENCE.clipNorm();

  @Option(
      names = "--seed",
      paramLabel = "SEED",
      description =
          "Seed of weights, sampler, data order and augmentation. Default: ${DEFAULT-VALUE}.")
  long seed = TrainConfig.DEFAULT_SEED;

  @Option(
      names = "--device",
      paramLabel = "DEVICE",
      defaultValue = "auto",
      converter = DeviceConverter.class,
      description = "auto, cpu or gpu (gpu without one is an error). Default: ${DEFAULT-VALUE}.")
  DeviceOption device;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "DIR",
      required = true,
      description = "Run folder for checkpoint.bin and train.json.")
  Path output;

  @Option(
      names = "--resume",
      negatable = true,
      defaultValue = "false",
      description = "Continue from OUTPUT/checkpoint.bin if it exists. Default: ${DEFAULT-VALUE}.")
  boolean resume;

  @Option(
      names = "--max-steps-per-epoch",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "Cap on steps per epoch for smoke runs (0 = whole epoch). Default: ${DEFAULT-VALUE}.")
  int maxSteps;

  @Mixin ProgressOption progressOption;

  /** The S4 supernet of the shared options, or the cell-space supernet of {@code --space}. */
  private SupernetConfig<?> supernetConfig() {
    if (Spaces.byId(space) instanceof CellSearchSpace cells) {
      S4SupernetConfig s4 = supernet.config();
      return CellSupernetConfig.builder()
          .setSpace(cells)
          .optBnStrategy(s4.bnStrategy())
          .optSampling(cellSampler)
          .optNetwork(s4.network())
          .build()
          .withMethod(s4.method());
    }
    return supernet.config();
  }

  /** picocli converter for {@link CellSampling}. */
  static final class CellSamplingConverter
      implements picocli.CommandLine.ITypeConverter<CellSampling> {
    @Override
    public CellSampling convert(String value) {
      return CellSampling.parse(value);
    }
  }

  @Override
  public Integer call() throws IOException {
    PrintStream out = WriterOutputStream.printStream(spec.commandLine().getOut());
    TrainConfig cfg =
        TrainConfig.builder()
            .setSupernet(supernetConfig())
            .optEpochs(epochs)
            .optOptimizer(new Optimizer(lr, lrMin, momentum, weightDecay, clip))
            .optSeed(seed)
            .optDevice(device)
            .optMaxStepsPerEpoch(maxSteps)
            .optResume(resume)
            .build();
    SupernetData data =
        SupernetData.load(
            split, verify.apply(dataRoot.resolve()), batchSize, seed, SupernetData.Parts.TRAINING);
    out.printf(
        "training %s %s / %s on %s (%d images, %d batches/epoch) -> %s%n",
        cfg.supernet().space().id(),
        cfg.supernet().method().cliName(),
        cfg.supernet().bnStrategy().cliName(),
        split,
        data.train().size(),
        data.train().batchesPerEpoch(),
        output);
    TrainResult r =
        new SupernetTrainer(
                out, progressOption.enabled() ? TrainProgress.console() : TrainProgress.NONE)
            .train(cfg, data.train(), output);
    EpochStats last = r.last();
    out.printf(
        "done: %d epochs, %d steps, %,d trainable parameters, device %s%s%ncheckpoint: %s%n",
        r.epochsCompleted(),
        r.globalSteps(),
        r.trainableParameters(),
        r.device(),
        last == null
            ? ""
            : String.format(", last epoch loss %.4f acc %.4f", last.meanLoss(), last.accuracy()),
        r.checkpoint());
    return Main.OK;
  }
}
