package dev.nasrank.harness.suite;

import dev.nasrank.datasets.DataRoot;
import dev.nasrank.harness.manifest.RunManifest;
import dev.nasrank.harness.report.ReportResult;
import dev.nasrank.harness.setting.BnStrategy;
import dev.nasrank.harness.setting.CalibrationMode;
import dev.nasrank.harness.setting.Study;
import dev.nasrank.harness.setting.SupernetSetting;
import dev.nasrank.harness.space.CandidateSample;
import dev.nasrank.harness.space.S4Choice;
import dev.nasrank.harness.space.SamplerMode;
import dev.nasrank.harness.space.Spaces;
import dev.nasrank.harness.supernet.SupernetConfig;
import dev.nasrank.harness.supernet.Supernets;
import dev.nasrank.harness.train.DeviceOption;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the suite in one command: pins the plan ({@link SuitePlan}), runs every unit not finished
 * yet ({@link UnitRunner}, in this process one after another, or in {@link WorkerPool} child
 * processes), then merges ({@link SuiteMerger}): {@code candidates.csv}, {@code diagnostics.json},
 * {@code run.json}, {@code ranking.csv} and the reports, rebuilt atomically from the unit folders
 * {@code DIR/units/<id>/}.
 */
public final class SuiteRunner {

  /**
   * Marker written (atomically) into a unit folder when its training and evaluation are complete.
   */
  public static final String DONE = UnitRunner.DONE;

  /** The suite configuration pinned at the first start (see {@link SuitePlan}). */
  public static final String SUITE_CONFIG = "suite-config.json";

  /** Strategy of the SPOS supernet ({@link Study#SPOS_STRATEGY}). */
  public static final BnStrategy SPOS_STRATEGY = Study.SPOS_STRATEGY;

  /**
   * What to run.
   *
   * @param profile shape and budget
   * @param study the settings each seed trains, in run order (the MixPath study: {@link
   *     Study#mixpath})
   * @param seeds training seeds; everything is repeated per seed
   * @param dataRoot CIFAR-10 data root
   * @param device auto, cpu or gpu
   * @param groundTruthFile a NAS-Bench-101-format file, or null for the embedded S4-mini ground
   *     truth
   * @param out the run folder
   * @param progress progress bars on stderr
   * @param cells for a NAS-Bench-101 cell space, which of its cells every unit evaluates (null: a
   *     uniform sample of {@link SuiteProfile#defaultCells()} with the default seed); null for S4,
   *     which is evaluated in full
   */
  public record Settings(
      SuiteProfile profile,
      Study study,
      List<Long> seeds,
      DataRoot dataRoot,
      DeviceOption device,
      Path groundTruthFile,
      Path out,
      boolean progress,
      CandidateSample cells) {

    /** S4 settings (or a cell space's with its default sample). */
    public Settings(
        SuiteProfile profile,
        Study study,
        List<Long> seeds,
        DataRoot dataRoot,
        DeviceOption device,
        Path groundTruthFile,
        Path out,
        boolean progress) {
      this(profile, study, seeds, dataRoot, device, groundTruthFile, out, progress, null);
    }

    /** Validates the lists; defaults a cell space's sample. */
    public Settings {
      if (study == null || seeds.isEmpty()) {
        throw new IllegalArgumentException("a study and at least one seed are needed");
      }
      if (Spaces.isS4(study.space())) {
        if (cells != null) {
          throw new IllegalArgumentException(
              "S4 is evaluated in full: a cell sample (--cells, --cell-seed, --cell-sample) "
                  + "applies to the NAS-Bench-101 cell spaces only (--space)");
        }
      } else if (cells == null) {
        cells = CandidateSample.uniform(profile.defaultCells());
      }
      seeds = List.copyOf(seeds);
      for (int m : study.maxPaths()) {
        if (m < 1 || m > S4Choice.NODES) {
          throw new IllegalArgumentException(
              "max paths must be 1.." + S4Choice.NODES + ", got " + m);
        }
      }
    }

    /** The m values of the study, ascending. */
    public List<Integer> maxPaths() {
      return study.maxPaths();
    }

    /** The largest m: rankings use its supernets. */
    public int mainMaxPaths() {
      return study.mainMaxPaths();
    }

    /** The study's space ({@link Study#space()}). */
    public String space() {
      return study.space();
    }

    /**
     * A builder: profile, study, seeds and run folder required; the data root defaults to {@link
     * DataRoot#resolve} with no flag, the device to auto, the ground truth to the embedded one, no
     * progress bars.
     */
    public static Builder builder() {
      return new Builder();
    }

    /** Assembles {@link Settings}; {@link #build()} names what is missing. */
    public static final class Builder {
      private SuiteProfile profile;
      private Study study;
      private List<Long> seeds;
      private Path out;
      private DataRoot dataRoot;
      private DeviceOption device = DeviceOption.AUTO;
      private Path groundTruthFile;
      private boolean progress;
      private CandidateSample cells;

      private Builder() {}

      /** A cell space's sample; default (cell spaces) a uniform one of the profile's size. */
      public Builder optCells(CandidateSample cells) {
        this.cells = cells;
        return this;
      }

      /** The profile; required. */
      public Builder setProfile(SuiteProfile profile) {
        this.profile = profile;
        return this;
      }

      /** The settings each seed trains; required. */
      public Builder setStudy(Study study) {
        this.study = study;
        return this;
      }

      /** The training seeds; required. */
      public Builder setSeeds(List<Long> seeds) {
        this.seeds = seeds;
        return this;
      }

      /** The run folder; required. */
      public Builder setOut(Path out) {
        this.out = out;
        return this;
      }

      /** The data root; default the one the commands resolve without a flag. */
      public Builder optDataRoot(DataRoot dataRoot) {
        this.dataRoot = dataRoot;
        return this;
      }

      /** The device; default auto. */
      public Builder optDevice(DeviceOption device) {
        this.device = device;
        return this;
      }

      /** A NAS-Bench-101-format ground truth; default null, the embedded one. */
      public Builder optGroundTruthFile(Path file) {
        this.groundTruthFile = file;
        return this;
      }

      /** Progress bars on stderr; default false. */
      public Builder optProgress(boolean on) {
        this.progress = on;
        return this;
      }

      /**
       * The settings.
       *
       * @throws IllegalStateException naming every required field not set
       */
      public Settings build() {
        List<String> missing = new ArrayList<>();
        if (profile == null) {
          missing.add("profile");
        }
        if (study == null) {
          missing.add("study");
        }
        if (seeds == null) {
          missing.add("seeds");
        }
        if (out == null) {
          missing.add("out");
        }
        if (!missing.isEmpty()) {
          throw new IllegalStateException(
              "suite settings need " + String.join(", ", missing) + ": set them before build()");
        }
        return new Settings(
            profile,
            study,
            seeds,
            dataRoot != null ? dataRoot : DataRoot.resolve(null),
            device,
            groundTruthFile,
            out,
            progress,
            cells);
      }
    }
  }

  /**
   * What happened.
   *
   * @param units all units, in index order
   * @param trainedOrEvaluated units (re)done by this invocation
   * @param skipped units already finished before
   * @param groundTruth the ground truth used (coverage, or why there is none)
   * @param report the reporter's result, or null when there was no ground truth or no merge
   * @param notDone units not done at the end (then nothing was merged); empty after a merge
   */
  public record Outcome(
      List<SuiteUnit> units,
      int trainedOrEvaluated,
      int skipped,
      GroundTruthChoice groundTruth,
      ReportResult report,
      List<UnitState> notDone) {}

  private final PrintStream out;
  private final PrintStream err;

  /**
   * @param out summary lines (stdout)
   * @param err progress lines (stderr)
   */
  public SuiteRunner(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /**
   * The units in run (= index) order: seed-major, then the study's settings in its order (for the
   * MixPath study: ascending m, at the main m MixPath under each BN strategy, then SPOS).
   */
  public static List<SuiteUnit> unitsFor(Settings s) {
    List<SuiteUnit> units = new ArrayList<>();
    for (long seed : s.seeds()) {
      for (SupernetSetting setting : s.study().settings()) {
        units.add(new SuiteUnit(setting, seed));
      }
    }
    return units;
  }

  /** The folder of a unit. */
  public static Path unitDir(Path out, SuiteUnit u) {
    return out.resolve("units").resolve(u.id());
  }

  /** The supernet of a unit under a profile ({@link Supernets#of}, the suite's sampler). */
  public static SupernetConfig<?> supernetConfig(SuiteProfile p, SuiteUnit u) {
    return Supernets.of(u.setting(), SAMPLER, p.network());
  }

  /** The S4 sampler of every suite run: nodes drawn from all four. */
  public static final SamplerMode SAMPLER = SamplerMode.CORRECTED;

  /** Runs (or resumes) everything in this process and rebuilds the combined outputs. */
  public Outcome run(Settings s) throws IOException {
    return run(s, GroundTruthChoice.open(s.groundTruthFile(), s.space()));
  }

  /** As {@link #run(Settings)} with a ground truth chosen by the caller (tests, library use). */
  public Outcome run(Settings s, GroundTruthChoice gt) throws IOException {
    return run(s, gt, null);
  }

  /**
   * Plan, units, merge.
   *
   * @param pool child processes to run the units in, or null to run them in this process one after
   *     another (a failing unit then stops the run with its exception)
   */
  public Outcome run(Settings s, GroundTruthChoice gt, WorkerPool pool) throws IOException {
    long start = System.nanoTime();
    SuitePlan plan = SuitePlan.pin(s, gt);
    out.println(gt.coverageLine());
    List<SuiteUnit> units = plan.units();
    int ran = 0;
    int skipped = 0;
    if (pool != null) {
      WorkerPool.Counts c = pool.runAll(s, plan);
      ran = c.ran();
      skipped = c.skipped();
    } else {
      UnitRunner runner = new UnitRunner(err);
      for (int i = 0; i < units.size(); i++) {
        SuiteUnit u = units.get(i);
        String label = String.format("unit %d/%d %s", i + 1, units.size(), u.id());
        UnitRunner.Attempt a = runner.runIfNeeded(s, u, unitDir(s.out(), u), label);
        switch (a.kind()) {
          case DONE_EARLIER -> {
            err.println(label + ": finished earlier, skipped");
            skipped++;
          }
          case BUSY ->
              err.println(label + ": another worker runs it (" + a.holder() + "), left to it");
          case RAN -> ran++;
          default -> throw new IllegalStateException(a.kind().toString());
        }
      }
    }
    SuiteMerger.Result m = new SuiteMerger(err).merge(s, gt, (System.nanoTime() - start) / 1e9);
    return new Outcome(units, ran, skipped, gt, m.report(), m.notDone());
  }

  /**
   * Fields of {@link #configuration} outside {@code configurationSha256}: the seeds and the ground
   * truth are recorded beside it, so runs of one configuration with other seeds, or ranked against
   * another file, share the hash.
   */
  public static final List<String> OUTSIDE_HASH = List.of("seeds", "groundTruthFile");

  /** The {@code configurationSha256} run.json will record for these settings. */
  public static String configurationSha256(Settings s) {
    return RunManifest.configurationSha256(configuration(s), OUTSIDE_HASH);
  }

  /**
   * The configuration recorded in {@value #SUITE_CONFIG} and run.json: the profile's records as
   * they ran, the m values, seeds, SPOS's BN strategy, sampler, calibration protocol and the
   * ground-truth file. A study other than the MixPath study of its m values ({@link Study#mixpath})
   * is recorded as its list of settings ({@value #SETTINGS}); the MixPath study is not, so every
   * run planned before the field existed keeps its {@code configurationSha256}.
   */
  static Map<String, Object> configuration(Settings s) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("profile", s.profile());
    c.put("maxPaths", s.maxPaths());
    if (!s.study().equals(Study.mixpath(s.maxPaths()))) {
      c.put(SETTINGS, s.study().settings());
    }
    if (s.cells() != null) {
      c.put(CELLS, cellsJson(s.cells()));
    }
    c.put("seeds", s.seeds());
    c.put("sposBnStrategy", SPOS_STRATEGY.cliName());
    c.put("sampler", SAMPLER.cliName());
    c.put("calibration", calibration(s.study()).cliName());
    c.put("groundTruthFile", SuitePlan.groundTruthName(s.groundTruthFile()));
    return c;
  }

  /**
   * Field of a cell-space configuration (never of S4's): the sample of cells every unit evaluates,
   * {@code {"sample": "uniform", "n": 500, "seed": 2020}}, inside the configuration hash; the drawn
   * hashes are in the plan's {@value CellList#CELLS_TXT} and in run.json ({@value
   * CellList#CELL_HASHES}, outside the hash, as the ground truth they were drawn from).
   */
  public static final String CELLS = "cells";

  /** The JSON form of a cell sample in {@value #CELLS}. */
  static Map<String, Object> cellsJson(CandidateSample c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("sample", c.mode().cliName());
    m.put("n", c.n());
    m.put("seed", c.seed());
    return m;
  }

  /** Field of the configuration that lists a study's settings when it is not the MixPath study. */
  public static final String SETTINGS = "settings";

  /**
   * The calibration protocol of a study's settings.
   *
   * @throws IllegalArgumentException when its settings use different ones (one run, one protocol)
   */
  static CalibrationMode calibration(Study study) {
    List<CalibrationMode> modes =
        study.settings().stream().map(SupernetSetting::calibration).distinct().toList();
    if (modes.size() != 1) {
      throw new IllegalArgumentException(
          "a suite run calibrates every setting alike; the study mixes " + modes);
    }
    return modes.get(0);
  }
}
