package dev.nasrank.harness.groundtruth;

import dev.nasrank.harness.config.DataSplit;
import dev.nasrank.harness.config.NetworkShape;
import java.util.List;
import java.util.Locale;

/**
 * A training protocol for ground truth: network size, schedule, data split and the seed of every
 * repeat. Recorded verbatim in {@code protocol.json} next to the generated data.
 *
 * @param name profile name ({@code s4-mini}, {@code nasbench101}, ...; {@code mini}, as folders
 *     written before the suite's own {@code mini} profile was told apart record it, reads as {@code
 *     s4-mini})
 * @param network macro skeleton (stem width, stacks, cells per stack, classes)
 * @param split the CIFAR-10 split ({@code mini}: 4,068 train / 1,017 validation / 1,017 test
 *     images)
 * @param epochs training epochs (at least 1)
 * @param batchSize training mini-batch size
 * @param evalBatchSize mini-batch size of the evaluations (no effect on the result)
 * @param trainEvalImages train accuracy is measured on the first this many training images (in the
 *     split's fixed order, no augmentation), to keep evaluations cheap; {@code Integer.MAX_VALUE}
 *     for all
 * @param learningRate peak learning rate of SGD
 * @param momentum SGD momentum
 * @param weightDecay L2 weight decay applied to every trainable parameter (as NAS-Bench-101 does)
 * @param warmupEpochs epochs of linear learning-rate warm-up from 0 before the cosine decay (may be
 *     0)
 * @param bnMomentum batch-norm momentum ({@code running = m * running + (1 - m) * batch})
 * @param augment random crop (4-pixel zero padding) and horizontal flip on the training images
 * @param seeds seed of repeat {@code r} is {@code seeds.get(r)}: it seeds weight initialisation and
 *     the data order
 */
public record Profile(
    String name,
    NetworkShape network,
    DataSplit split,
    int epochs,
    int batchSize,
    int evalBatchSize,
    int trainEvalImages,
    double learningRate,
    double momentum,
    double weightDecay,
    int warmupEpochs,
    double bnMomentum,
    boolean augment,
    List<Long> seeds) {

  /** Name of the S4-mini protocol. */
  public static final String S4_MINI = "s4-mini";

  /** Names accepted by {@link #named}. */
  public static final List<String> NAMES = List.of(S4_MINI, "nasbench101");

  /**
   * Validates the ranges, copies the seed list and reads the legacy name {@code mini} as {@value
   * #S4_MINI}.
   */
  public Profile {
    if (name == null || network == null || split == null || seeds == null) {
      throw new IllegalArgumentException("a profile needs a name, network, split and seeds");
    }
    name = name.equals("mini") ? S4_MINI : name;
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
    }
    if (trainEvalImages < 1) {
      throw new IllegalArgumentException(
          "train evaluation images must be >= 1, got " + trainEvalImages);
    }
    if (batchSize < 1 || evalBatchSize < 1) {
      throw new IllegalArgumentException(
          "batch sizes must be >= 1, got " + batchSize + " and " + evalBatchSize);
    }
    if (!(learningRate > 0) || momentum < 0 || momentum >= 1 || weightDecay < 0) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "need learning rate > 0, momentum in [0,1), weight decay >= 0; got %s, %s, %s",
              learningRate,
              momentum,
              weightDecay));
    }
    if (warmupEpochs < 0 || warmupEpochs >= epochs) {
      throw new IllegalArgumentException(
          "warm-up epochs must be in [0, epochs), got " + warmupEpochs);
    }
    if (!(bnMomentum >= 0 && bnMomentum < 1)) {
      throw new IllegalArgumentException("batch-norm momentum must be in [0,1), got " + bnMomentum);
    }
    if (seeds.isEmpty()) {
      throw new IllegalArgumentException("a profile needs at least one seed");
    }
    seeds = List.copyOf(seeds);
  }

  /**
   * The S4-mini protocol: C = 16, 3 stacks x 1 cell, on the {@code mini} CIFAR-10 split; chosen by
   * the measurements in docs/groundtruth.md.
   */
  public static Profile s4Mini() {
    return new Profile(
        S4_MINI,
        NetworkShape.S4_MINI,
        DataSplit.MINI,
        12,
        128,
        256,
        1024,
        0.1,
        0.9,
        5e-4,
        1,
        0.9,
        true,
        List.of(1001L, 1002L, 1003L, 1004L, 1005L, 1006L, 1007L, 1008L, 1009L, 1010L));
  }

  /**
   * The NAS-Bench-101 protocol at 108 epochs (Ying et al. 2019, section 2.3: C = 128, 3 x 3 cells,
   * batch 256, lr 0.1 cosine, weight decay 1e-4, 40k/10k/10k split). NAS-Bench-101 trained with
   * RMSProp; this trainer uses SGD with momentum. Listed for completeness: far beyond a CPU budget.
   */
  public static Profile nasbench101() {
    return new Profile(
        "nasbench101",
        NetworkShape.NASBENCH101,
        DataSplit.NB101,
        108,
        256,
        256,
        Integer.MAX_VALUE,
        0.1,
        0.9,
        1e-4,
        0,
        0.997,
        true,
        List.of(1L, 2L, 3L));
  }

  /** The built-in profile of that name. */
  public static Profile named(String name) {
    return switch (name) {
      case S4_MINI -> s4Mini();
      case "nasbench101" -> nasbench101();
      case "mini" ->
          throw new IllegalArgumentException(
              "the ground-truth profile 'mini' is now called '"
                  + S4_MINI
                  + "' (the suite's 'mini' profile is a different thing); use --profile "
                  + S4_MINI);
      default ->
          throw new IllegalArgumentException(
              "unknown profile '" + name + "' (known: " + String.join(", ", NAMES) + ")");
    };
  }

  /** Epoch of the halfway evaluation ({@code epochs / 2}, as NAS-Bench-101's {@code epochs/2}). */
  public int halfwayEpoch() {
    return epochs / 2;
  }

  /** Seed of repeat {@code repeat}. */
  public long seed(int repeat) {
    if (repeat < 0 || repeat >= seeds.size()) {
      throw new IllegalArgumentException(
          "repeat "
              + repeat
              + " has no seed (profile '"
              + name
              + "' defines "
              + seeds.size()
              + ")");
    }
    return seeds.get(repeat);
  }

  /** A copy with another number of epochs (for experiments). */
  public Profile withEpochs(int newEpochs) {
    return new Profile(
        name,
        network,
        split,
        newEpochs,
        batchSize,
        evalBatchSize,
        trainEvalImages,
        learningRate,
        momentum,
        weightDecay,
        Math.min(warmupEpochs, newEpochs - 1),
        bnMomentum,
        augment,
        seeds);
  }

  /** A copy with another network skeleton (for experiments and tests). */
  public Profile withNetwork(NetworkShape newNetwork) {
    return new Profile(
        name,
        newNetwork,
        split,
        epochs,
        batchSize,
        evalBatchSize,
        trainEvalImages,
        learningRate,
        momentum,
        weightDecay,
        warmupEpochs,
        bnMomentum,
        augment,
        seeds);
  }

  /** A copy with another seed list (for a folder whose recorded seeds are a prefix of these). */
  public Profile withSeeds(List<Long> newSeeds) {
    return new Profile(
        name,
        network,
        split,
        epochs,
        batchSize,
        evalBatchSize,
        trainEvalImages,
        learningRate,
        momentum,
        weightDecay,
        warmupEpochs,
        bnMomentum,
        augment,
        newSeeds);
  }

  /**
   * True when {@code other} is this protocol with a seed list that agrees with this one on every
   * repeat both define (one is a prefix of the other): the repeats one has trained are the other's
   * first ones.
   */
  public boolean sameProtocolAs(Profile other) {
    int n = Math.min(seeds.size(), other.seeds().size());
    return withSeeds(other.seeds()).equals(other)
        && seeds.subList(0, n).equals(other.seeds().subList(0, n));
  }
}
