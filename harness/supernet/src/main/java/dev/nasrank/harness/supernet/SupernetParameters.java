package dev.nasrank.harness.supernet;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.LinkedHashMap;
import java.util.Map;

/** The parameter views every {@link Supernet} offers, computed from its block tree. */
final class SupernetParameters {

  private SupernetParameters() {}

  /**
   * Every parameter by its stable hierarchical name, in block order, running statistics included.
   */
  static Map<String, Parameter> named(Block net) {
    Map<String, Parameter> out = new LinkedHashMap<>();
    for (Pair<String, Parameter> p : net.getParameters()) {
      out.put(p.getKey(), p.getValue());
    }
    return out;
  }

  /**
   * Number of trainable scalars: the sum of all parameter sizes, BN running statistics excluded.
   */
  static long trainableCount(Block net) {
    long n = 0;
    for (Pair<String, Parameter> p : net.getParameters()) {
      Parameter.Type t = p.getValue().getType();
      if (t != Parameter.Type.RUNNING_MEAN && t != Parameter.Type.RUNNING_VAR) {
        n += p.getValue().getShape().size();
      }
    }
    return n;
  }
}
