package dev.nasrank.harness.groundtruth;

import dev.nasrank.benchbridge.ModelSpec;
import dev.nasrank.harness.exec.WorkLock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Resumable ground-truth generation: trains every (architecture, repeat) unit not yet in the {@link
 * UnitStore}, repeat-major (all architectures once, then the second repeat, ...) so that a partial
 * run already holds whole rankings, saving each unit atomically as soon as it finishes. A restart
 * with the same folder skips finished units; the profile and architecture list are pinned in the
 * folder at the first start. Each unit is trained under its own lock ({@link UnitStore#lockFile}),
 * so processes that overlap (two runs of one shard, a resubmitted Slurm task beside the old one)
 * never train a unit twice.
 */
public final class GroundTruthGenerator {

  /** Receives progress. */
  public interface Listener {
    /** Before a unit starts. */
    default void unitStarted(ModelSpec spec, int repeat, int index, int todo) {}

    /** After each optimisation step of the running unit. */
    default void step(int done, int total) {}

    /** After a unit was saved. */
    default void unitFinished(UnitResult result, int index, int todo) {}
  }

  /**
   * Outcome of a run.
   *
   * @param trained units trained by this run
   * @param skipped units already finished before this run
   * @param stopped true if the run was stopped before all units were done
   * @param busy units left to another process that held their lock
   */
  public record Outcome(int trained, int skipped, boolean stopped, int busy) {}

  private final UnitStore store;
  private final Profile profile;
  private final List<ModelSpec> specs;
  private final int repeats;

  /**
   * A generator; pins {@code profile} and {@code specs} in the folder (or checks them against what
   * is pinned).
   *
   * @throws IllegalStateException if the folder was started with another profile or architecture
   *     list
   */
  public GroundTruthGenerator(UnitStore store, Profile profile, List<ModelSpec> specs, int repeats)
      throws IOException {
    if (repeats < 1 || repeats > profile.seeds().size()) {
      throw new IllegalArgumentException(
          "repeats must be 1.."
              + profile.seeds().size()
              + " (seeds of profile '"
              + profile.name()
              + "'), got "
              + repeats);
    }
    this.store = store;
    this.profile = profile;
    this.specs = List.copyOf(specs);
    this.repeats = repeats;
    store.pinProfile(profile);
    pinArchitectures(store.dir(), this.specs);
  }

  private static void pinArchitectures(Path dir, List<ModelSpec> specs) throws IOException {
    Path file = dir.resolve(GroundTruthAssembler.ARCHITECTURES);
    String text = Architectures.format(specs);
    if (Files.isRegularFile(file)) {
      List<ModelSpec> pinned = Architectures.read(file);
      if (!pinned.equals(specs)) {
        throw new IllegalStateException(
            file
                + " lists "
                + pinned.size()
                + " other architectures than requested ("
                + specs.size()
                + "). Use another --out folder or the same --archs.");
      }
      return;
    }
    UnitStore.writeAtomically(file, text.getBytes(StandardCharsets.UTF_8));
  }

  /** The units still to train, repeat-major. */
  public List<Unit> pending() {
    return pending(0, 1);
  }

  /**
   * The units of shard {@code shard} of {@code shards} still to train, repeat-major. Unit {@code i}
   * of the full repeat-major list belongs to shard {@code i % shards}, so several processes (one
   * per shard) can fill one folder at once without training a unit twice.
   */
  public List<Unit> pending(int shard, int shards) {
    if (shards < 1 || shard < 0 || shard >= shards) {
      throw new IllegalArgumentException(
          "shard must be i/n with 0 <= i < n, got " + shard + "/" + shards);
    }
    List<Unit> todo = new ArrayList<>();
    int i = 0;
    for (int r = 0; r < repeats; r++) {
      for (ModelSpec s : specs) {
        if (i++ % shards == shard && !store.has(s.hash(), r)) {
          todo.add(new Unit(s, r));
        }
      }
    }
    return todo;
  }

  /** One (architecture, repeat). */
  public record Unit(ModelSpec spec, int repeat) {}

  /**
   * Trains the pending units.
   *
   * @param stop polled between steps; a unit interrupted by it is discarded and the run ends
   */
  public Outcome run(UnitTrainer trainer, BooleanSupplier stop, Listener listener)
      throws IOException {
    return run(trainer, 0, 1, stop, listener);
  }

  /**
   * Trains the pending units of one shard (see {@link #pending(int, int)}).
   *
   * @param stop polled between steps; a unit interrupted by it is discarded and the run ends
   */
  public Outcome run(
      UnitTrainer trainer, int shard, int shards, BooleanSupplier stop, Listener listener)
      throws IOException {
    List<Unit> todo = pending(shard, shards);
    int mine = 0;
    for (int i = 0; i < specs.size() * repeats; i++) {
      mine += i % shards == shard ? 1 : 0;
    }
    int skipped = mine - todo.size();
    int trained = 0;
    int busy = 0;
    for (int i = 0; i < todo.size(); i++) {
      if (stop.getAsBoolean()) {
        return new Outcome(trained, skipped, true, busy);
      }
      Unit u = todo.get(i);
      Optional<WorkLock> lock = WorkLock.tryAcquire(store.lockFile(u.spec().hash(), u.repeat()));
      if (lock.isEmpty()) {
        busy++;
        continue;
      }
      try (WorkLock held = lock.get()) {
        if (store.has(u.spec().hash(), u.repeat())) {
          skipped++;
          continue;
        }
        store.removeStaleTemp(u.spec().hash(), u.repeat());
        listener.unitStarted(u.spec(), u.repeat(), i, todo.size());
        UnitResult result;
        try {
          result = trainer.train(u.spec(), u.repeat(), stop, listener::step);
        } catch (CancellationException e) {
          return new Outcome(trained, skipped, true, busy);
        }
        store.save(result);
        trained++;
        listener.unitFinished(result, i, todo.size());
      }
    }
    return new Outcome(trained, skipped, false, busy);
  }
}
