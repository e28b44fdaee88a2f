package dev.nasrank.harness.supernet;

import ai.djl.util.PairList;
import dev.nasrank.harness.space.Architecture;

/**
 * Carries the sampled candidate through DJL's {@code forward(..., PairList<String, Object> params)}
 * argument, for callers that run a supernet, cell or node through the generic {@link
 * ai.djl.nn.Block} interface.
 */
public final class ChoiceParams {

  /** Key of the {@link Architecture} in the params list. */
  public static final String CHOICE = "s4.choice";

  /** Key of the op index (Integer) for a single {@link ChoiceNode}. */
  public static final String OP_INDEX = "s4.opIndex";

  private ChoiceParams() {}

  /** A params list holding the candidate. */
  public static PairList<String, Object> of(Architecture candidate) {
    PairList<String, Object> p = new PairList<>();
    p.add(CHOICE, candidate);
    return p;
  }

  static <A extends Architecture> A choice(PairList<String, Object> params, Class<A> type) {
    Object o = params == null ? null : params.get(CHOICE);
    if (!type.isInstance(o)) {
      throw new IllegalStateException(
          "no "
              + type.getSimpleName()
              + " given: pass ChoiceParams.of(candidate) as forward params"
              + (o == null ? "" : " (got a " + o.getClass().getSimpleName() + ")"));
    }
    return type.cast(o);
  }

  static int opIndex(PairList<String, Object> params) {
    Object o = params == null ? null : params.get(OP_INDEX);
    if (!(o instanceof Integer i)) {
      throw new IllegalStateException("no op index given: pass params with key " + OP_INDEX);
    }
    return i;
  }
}
