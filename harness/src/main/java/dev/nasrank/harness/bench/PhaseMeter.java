package dev.nasrank.harness.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Accumulates {@link ResourceUsage} per named phase, for the process and for the thread that calls
 * {@link #enter}: a phase's figures run from each {@code enter} of it to the next {@code enter} (of
 * any phase) or {@link #stop}. Phases entered several times (the per-choice evaluator alternates)
 * add up.
 */
public final class PhaseMeter {

  /** Figures of one phase. */
  public record Phase(String name, ResourceUsage process, ResourceUsage thread, int entries) {}

  private final Map<String, Phase> phases = new LinkedHashMap<>();
  private String current;
  private ResourceUsage processStart;
  private ResourceUsage threadStart;

  /**
   * Ends the running phase, if any, and starts (or resumes) {@code name}. Call it from the measured
   * thread.
   */
  public void enter(String name) {
    close();
    current = name;
    threadStart = ResourceUsage.thread();
    processStart = ResourceUsage.process();
  }

  /** Ends the running phase. */
  public void stop() {
    close();
    current = null;
  }

  private void close() {
    if (current == null) {
      return;
    }
    ResourceUsage p = ResourceUsage.process().minus(processStart);
    ResourceUsage t = ResourceUsage.thread().minus(threadStart);
    phases.merge(
        current,
        new Phase(current, p, t, 1),
        (a, b) ->
            new Phase(
                a.name(),
                a.process().plus(b.process()),
                a.thread().plus(b.thread()),
                a.entries() + b.entries()));
  }

  /** The phases in order of first entry. */
  public Map<String, Phase> phases() {
    return new LinkedHashMap<>(phases);
  }
}
