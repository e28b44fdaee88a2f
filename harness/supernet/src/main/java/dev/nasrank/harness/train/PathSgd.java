package dev.nasrank.harness.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SGD with momentum, weight decay and global-norm gradient clipping that touches only the
 * parameters of the sampled path (MixPath's rule: inactive branches get no update at all, so
 * neither momentum nor weight decay moves them). DJL's {@code Trainer.step()} would update every
 * parameter, so this optimizer keeps its own momentum buffers and updates exactly the parameters it
 * is given.
 *
 * <p>One step, PyTorch semantics: the gradients of the path are clipped together to global L2 norm
 * {@code clipNorm} (coefficient {@code clipNorm / (norm + 1e-6)} when below 1); then per parameter
 * {@code d = g + wd * w} (no decay on batch-norm gamma/beta), {@code buf = momentum * buf + d} (buf
 * starts at d), {@code w -= lr * buf}; then the path's gradients are zeroed.
 */
public final class PathSgd implements AutoCloseable {

  private final double momentum;
  private final double weightDecay;
  private final double clipNorm;
  private final NDManager bufferManager;
  private final Map<Parameter, NDArray> buffers = new IdentityHashMap<>();

  /**
   * @param manager parent manager for the momentum buffers (on the parameters' device)
   * @param momentum momentum factor, e.g. 0.9
   * @param weightDecay L2 weight decay, e.g. 3e-4 (not applied to batch-norm gamma/beta)
   * @param clipNorm global gradient-norm bound, e.g. 5; 0 or negative disables clipping
   */
  public PathSgd(NDManager manager, double momentum, double weightDecay, double clipNorm) {
    this.momentum = momentum;
    this.weightDecay = weightDecay;
    this.clipNorm = clipNorm;
    this.bufferManager = manager.newSubManager();
  }

  /**
   * Updates the given parameters from their gradients and zeroes those gradients.
   *
   * @param path the sampled path's trainable parameters (each once)
   * @param lr learning rate of this step
   * @return the global gradient norm before clipping
   */
  public double step(List<Parameter> path, double lr) {
    try (NDManager tmp = bufferManager.newSubManager()) {
      List<NDArray> grads = new ArrayList<>(path.size());
      NDList squares = new NDList(path.size());
      for (Parameter p : path) {
        NDArray g = p.getArray().getGradient();
        g.attach(tmp);
        grads.add(g);
        squares.add(g.square().sum());
      }
      double norm = Math.sqrt(NDArrays.stack(squares).sum().getFloat());
      double coef = clipNorm > 0 && norm > clipNorm ? clipNorm / (norm + 1e-6) : 1.0;
      // The step's scalars as arrays made once: DJL turns every op with a Number into a fresh
      // scalar array (a
      // native allocation per call), and torch multiplies by the same float64 0-dim tensor either
      // way.
      NDArray coefScalar = coef == 1.0 ? null : tmp.create(coef);
      NDArray decayScalar = tmp.create(weightDecay);
      NDArray momentumScalar = tmp.create(momentum);
      NDArray lrScalar = tmp.create(lr);
      for (int i = 0; i < path.size(); i++) {
        Parameter p = path.get(i);
        NDArray w = p.getArray();
        NDArray g = grads.get(i);
        // d is built in the gradient's own storage: the gradient is zeroed below, so no copy is
        // needed.
        NDArray d = coefScalar == null ? g : g.muli(coefScalar);
        if (weightDecay != 0 && decays(p)) {
          NDArray wd = w.mul(decayScalar);
          wd.attach(tmp);
          d.addi(wd);
        }
        NDArray buf = buffers.get(p);
        if (buf == null) {
          buf = d.duplicate();
          buf.attach(bufferManager);
          buffers.put(p, buf);
        } else {
          buf.muli(momentumScalar).addi(d);
        }
        NDArray delta = buf.mul(lrScalar);
        delta.attach(tmp);
        w.subi(delta);
        g.subi(g);
      }
      return norm;
    }
  }

  /** True if weight decay applies to {@code p}: everything but batch-norm gamma and beta. */
  static boolean decays(Parameter p) {
    return p.getType() != Parameter.Type.GAMMA && p.getType() != Parameter.Type.BETA;
  }

  /**
   * The momentum buffer of {@code p}, or null if it was never on a path (live array, not a copy).
   */
  public NDArray buffer(Parameter p) {
    return buffers.get(p);
  }

  /**
   * The momentum buffers by parameter name, for a checkpoint; parameters never updated are absent.
   */
  public Map<String, NDArray> buffersByName(Map<String, Parameter> named) {
    Map<String, NDArray> out = new LinkedHashMap<>();
    for (Map.Entry<String, Parameter> e : named.entrySet()) {
      NDArray b = buffers.get(e.getValue());
      if (b != null) {
        out.put(e.getKey(), b);
      }
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * Replaces the momentum buffers with copies of the given ones (from a checkpoint).
   *
   * @throws IllegalArgumentException if a name is unknown or a shape differs
   */
  public void restoreBuffers(Map<String, Parameter> named, Map<String, NDArray> saved) {
    for (NDArray b : buffers.values()) {
      b.close();
    }
    buffers.clear();
    for (Map.Entry<String, NDArray> e : saved.entrySet()) {
      Parameter p = named.get(e.getKey());
      if (p == null) {
        throw new IllegalArgumentException(
            "momentum buffer for unknown parameter '" + e.getKey() + "'");
      }
      if (!p.getShape().equals(e.getValue().getShape())) {
        throw new IllegalArgumentException(
            "momentum buffer '"
                + e.getKey()
                + "' has shape "
                + e.getValue().getShape()
                + ", parameter has "
                + p.getShape());
      }
      NDArray copy = e.getValue().duplicate();
      copy.attach(bufferManager);
      buffers.put(p, copy);
    }
  }

  @Override
  public void close() {
    bufferManager.close();
  }
}
