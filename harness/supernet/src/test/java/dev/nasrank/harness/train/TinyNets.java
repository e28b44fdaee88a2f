package dev.nasrank.harness.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import dev.nasrank.harness.config.NetworkShape;
import dev.nasrank.harness.setting.BnStrategy;
import dev.nasrank.harness.setting.Method;
import dev.nasrank.harness.space.S4Choice;
import dev.nasrank.harness.space.SamplerMode;
import dev.nasrank.harness.supernet.S4Supernet;
import dev.nasrank.harness.supernet.S4SupernetConfig;
import dev.nasrank.harness.supernet.Supernet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Small supernets and helpers shared by the training tests. */
final class TinyNets {

  private TinyNets() {}

  static S4SupernetConfig config(Method method, BnStrategy strategy) {
    return new S4SupernetConfig(
        method, strategy, 4, SamplerMode.CORRECTED, NetworkShape.cifar10(4, 3, 1));
  }

  /**
   * Runs forward and backward of {@code choice} on one batch, leaving the gradients on the
   * parameters.
   */
  static void backward(S4Supernet net, S4Choice choice, Batch batch, NDManager manager) {
    net.setChoice(choice);
    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
      NDArray logits =
          net.forward(new ParameterStore(manager, false), new NDList(batch.getData().head()), true)
              .singletonOrThrow();
      gc.backward(Loss.softmaxCrossEntropyLoss().evaluate(batch.getLabels(), new NDList(logits)));
    }
  }

  /** Byte copies of every parameter array of a checkpoint's supernet, by name. */
  static Map<String, byte[]> checkpointParams(Path checkpoint) throws IOException {
    try (NDManager m = NDManager.newBaseManager()) {
      return snapshot(Checkpoint.loadSupernet(checkpoint, m));
    }
  }

  /** Byte copies of every parameter array, by name. */
  static Map<String, byte[]> snapshot(Supernet<?> net) {
    Map<String, byte[]> out = new HashMap<>();
    for (Map.Entry<String, Parameter> e : net.namedParameters().entrySet()) {
      out.put(e.getKey(), e.getValue().getArray().toByteArray());
    }
    return out;
  }
}
