package dev.nasrank.harness.groundtruth;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.util.Pair;
import dev.nasrank.benchbridge.Evaluation;
import dev.nasrank.benchbridge.ModelSpec;
import dev.nasrank.datasets.BatchSource;
import dev.nasrank.harness.config.Seeds;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Trains the NAS-Bench-101 network of one cell from scratch under a {@link Profile} and evaluates
 * it before training, after {@link Profile#halfwayEpoch()} epochs and at the end, on the train,
 * validation and test parts. Training time excludes the evaluations. One instance serves many
 * units, one at a time.
 */
public final class UnitTrainer {

  /** Receives progress in optimisation steps. */
  @FunctionalInterface
  public interface StepListener {
    /** Called after each step with the steps done and the total of this unit. */
    void onStep(int done, int total);
  }

  private final Profile profile;
  private final GroundTruthData data;

  /** A trainer for {@code profile} on {@code data}. */
  public UnitTrainer(Profile profile, GroundTruthData data) {
    this.profile = profile;
    this.data = data;
  }

  /**
   * Trains {@code spec} once with the seed of {@code repeat}.
   *
   * @param stop polled between steps; when it turns true the run is abandoned with a {@link
   *     CancellationException}
   * @param listener progress callback, may be a no-op
   * @throws IllegalStateException if the loss becomes NaN or infinite (names the architecture, seed
   *     and step)
   */
  public UnitResult train(ModelSpec spec, int repeat, BooleanSupplier stop, StepListener listener) {
    long seed = profile.seed(repeat);
    long start = System.nanoTime();
    Engine.getInstance().setRandomSeed(Seeds.torchSeed(seed));
    BatchSource train = data.train().apply(seed);
    int perEpoch = train.batchesPerEpoch();
    int total = perEpoch * profile.epochs();
    LearningRateSchedule lr =
        new LearningRateSchedule(profile.learningRate(), profile.warmupEpochs() * perEpoch, total);
    Block block = Nb101Network.build(spec, profile.network(), (float) profile.bnMomentum());
    try (Model model = Model.newInstance("nb101-" + spec.hash(), Device.cpu())) {
      model.setBlock(block);
      DefaultTrainingConfig config =
          new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
              .optOptimizer(
                  Optimizer.sgd()
                      .setLearningRateTracker(lr)
                      .optMomentum((float) profile.momentum())
                      .optWeightDecays((float) profile.weightDecay())
                      .build())
              .optInitializer(new Nb101Initializer(), Parameter.Type.WEIGHT)
              .optDevices(new Device[] {Device.cpu()});
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(new Shape(profile.batchSize(), 3, 32, 32));
        long params = trainableParameters(block);
        List<Evaluation> evals = new ArrayList<>();
        double trainingSeconds = 0;
        evals.add(evaluate(trainer, 0, 0));
        if (profile.halfwayEpoch() == 0) {
          evals.add(evals.get(0));
        }
        int step = 0;
        for (int epoch = 0; epoch < profile.epochs(); epoch++) {
          long t0 = System.nanoTime();
          try (NDManager epochManager = trainer.getManager().newSubManager()) {
            Iterator<Batch> it = train.epoch(epochManager, epoch);
            while (it.hasNext()) {
              if (stop.getAsBoolean()) {
                throw new CancellationException(
                    "stopped while training " + spec.hash() + " repeat " + repeat);
              }
              try (Batch batch = it.next()) {
                trainStep(trainer, batch, spec, seed, step);
              }
              step++;
              listener.onStep(step, total);
            }
          }
          trainingSeconds += (System.nanoTime() - t0) / 1e9;
          int done = epoch + 1;
          if (done == profile.halfwayEpoch()) {
            evals.add(evaluate(trainer, done, trainingSeconds));
          }
        }
        evals.add(evaluate(trainer, profile.epochs(), trainingSeconds));
        double totalSeconds = (System.nanoTime() - start) / 1e9;
        return new UnitResult(
            spec.hash(),
            spec.adjacencyString(),
            spec.operationsString(),
            repeat,
            seed,
            profile.epochs(),
            params,
            totalSeconds,
            evals);
      }
    }
  }

  private static void trainStep(Trainer trainer, Batch batch, ModelSpec spec, long seed, int step) {
    try (GradientCollector collector = trainer.newGradientCollector()) {
      NDList prediction = trainer.forward(batch.getData());
      NDArray loss = trainer.getLoss().evaluate(batch.getLabels(), prediction);
      float value = loss.getFloat();
      if (!Float.isFinite(value)) {
        throw new IllegalStateException(
            "loss became "
                + value
                + " at step "
                + step
                + " training "
                + spec.hash()
                + " with seed "
                + seed);
      }
      collector.backward(loss);
    }
    trainer.step();
  }

  private Evaluation evaluate(Trainer trainer, double epoch, double trainingSeconds) {
    return new Evaluation(
        epoch,
        trainingSeconds,
        accuracy(trainer, data.trainEval(), profile.trainEvalImages()),
        accuracy(trainer, data.validation(), Integer.MAX_VALUE),
        accuracy(trainer, data.test(), Integer.MAX_VALUE));
  }

  /**
   * Fraction of the first {@code limit} images (whole batches, so possibly a few more) of {@code
   * source}'s epoch 0 classified correctly, in inference mode.
   */
  static double accuracy(Trainer trainer, BatchSource source, int limit) {
    long correct = 0;
    long seen = 0;
    try (NDManager manager = trainer.getManager().newSubManager()) {
      Iterator<Batch> it = source.epoch(manager, 0);
      while (it.hasNext() && seen < limit) {
        try (Batch batch = it.next()) {
          NDArray logits = trainer.evaluate(batch.getData()).singletonOrThrow();
          NDArray labels = batch.getLabels().singletonOrThrow();
          correct +=
              logits
                  .argMax(1)
                  .toType(DataType.INT64, false)
                  .eq(labels.toType(DataType.INT64, false))
                  .countNonzero()
                  .getLong();
          seen += labels.size();
        }
      }
    }
    if (seen == 0) {
      throw new IllegalStateException("evaluation source yielded no images");
    }
    return (double) correct / seen;
  }

  /** Trainable parameters of an initialised block (running batch-norm statistics excluded). */
  static long trainableParameters(Block block) {
    long n = 0;
    for (Pair<String, Parameter> p : block.getParameters()) {
      Parameter.Type t = p.getValue().getType();
      if (t != Parameter.Type.RUNNING_MEAN && t != Parameter.Type.RUNNING_VAR) {
        n += p.getValue().getArray().size();
      }
    }
    return n;
  }
}
