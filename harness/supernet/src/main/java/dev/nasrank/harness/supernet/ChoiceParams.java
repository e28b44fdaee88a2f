package dev.nasrank.harness.supernet;

import ai.djl.util.PairList;
import dev.nasrank.harness.space.S4Choice;

/**
 * Carries the sampled choice through DJL's {@code forward(..., PairList<String, Object> params)}
 * argument, for callers that run a cell or node through the generic {@link ai.djl.nn.Block}
 * interface.
 */
public final class ChoiceParams {

  /** Key of the {@link S4Choice} in the params list. */
  public static final String CHOICE = "s4.choice";

  /** Key of the op index (Integer) for a single {@link ChoiceNode}. */
  public static final String OP_INDEX = "s4.opIndex";

  private ChoiceParams() {}

  /** A params list holding the choice. */
  public static PairList<String, Object> of(S4Choice choice) {
    PairList<String, Object> p = new PairList<>();
    p.add(CHOICE, choice);
    return p;
  }

  static S4Choice choice(PairList<String, Object> params) {
    Object o = params == null ? null : params.get(CHOICE);
    if (!(o instanceof S4Choice c)) {
      throw new IllegalStateException(
          "no S4 choice given: pass ChoiceParams.of(choice) as forward params");
    }
    return c;
  }

  static int opIndex(PairList<String, Object> params) {
    Object o = params == null ? null : params.get(OP_INDEX);
    if (!(o instanceof Integer i)) {
      throw new IllegalStateException("no op index given: pass params with key " + OP_INDEX);
    }
    return i;
  }
}
