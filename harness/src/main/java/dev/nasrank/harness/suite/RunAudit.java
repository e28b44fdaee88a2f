package dev.nasrank.harness.suite;

import dev.nasrank.datasets.DataRoot;
import dev.nasrank.files.Checksums;
import dev.nasrank.harness.candidates.Candidate;
import dev.nasrank.harness.candidates.CandidatesCsv;
import dev.nasrank.harness.eval.OneShotRun;
import dev.nasrank.harness.manifest.CodeCheckout;
import dev.nasrank.harness.manifest.Environment;
import dev.nasrank.harness.manifest.GitInfo;
import dev.nasrank.harness.manifest.RunManifest;
import dev.nasrank.harness.report.RunDirectory;
import dev.nasrank.harness.train.Checkpoint;
import dev.nasrank.harness.train.DeviceOption;
import dev.nasrank.harness.train.SupernetTrainer;
import dev.nasrank.harness.train.TrainProvenance;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Re-runs units of a finished suite run from what its folder pinned (suite-config.json, run.json)
 * and says, per unit, whether the rerun reproduces it bit for bit: every step's training loss, the
 * checkpoint (where the run kept it) and every one-shot accuracy. Before training, the data files
 * are checked against the SHA-256s that run.json recorded and the code's commit is compared with
 * the run's. The way a reviewer checks a published result (docs/suite.md, "Auditing a run").
 */
public final class RunAudit {

  /**
   * What to audit.
   *
   * @param run the finished run folder (read only)
   * @param work where the reruns go ({@code work/units/<id>}; a unit's earlier rerun there is
   *     deleted first)
   * @param unitIds units to rerun by id; empty: the first {@code count} units of the run
   * @param count how many units when no ids are given; 0 = all
   * @param epochs rerun only the first this many epochs and compare their training figures; null =
   *     the whole unit
   * @param dataRoot CIFAR-10 data root
   * @param device auto, cpu or gpu
   */
  public record Options(
      Path run,
      Path work,
      List<String> unitIds,
      int count,
      Integer epochs,
      DataRoot dataRoot,
      DeviceOption device) {}

  /**
   * The verdict on one unit.
   *
   * @param unit unit id
   * @param differences what differs, in words (empty: the unit matches bit for bit)
   * @param notes what could not be compared and why
   */
  public record UnitVerdict(String unit, List<String> differences, List<String> notes) {
    /** True if nothing compared differs. */
    public boolean matches() {
      return differences.isEmpty();
    }
  }

  /**
   * The audit's outcome.
   *
   * @param runCommit the commit run.json names (for a merged suite run: of the merging code)
   * @param unitCode the code versions run.json says trained the run's units ({@code unitCode};
   *     empty when its units predate the record)
   * @param codeCommit the version of the code auditing it ({@link GitInfo#version()})
   * @param dataProblems data files whose SHA-256 differs from run.json's (no unit is rerun then)
   * @param platformNotes where this machine differs from the run's in what decides bitwise results
   *     (processor, instruction sets, engine, thread counts; not the speed-only allocator and
   *     OpenMP wait settings): a mismatch is then expected, not evidence of a defect
   * @param units one verdict per rerun unit
   */
  public record Result(
      String runCommit,
      List<String> unitCode,
      String codeCommit,
      List<String> dataProblems,
      List<String> platformNotes,
      List<UnitVerdict> units) {
    /** True if the data matched and every unit matched. */
    public boolean allMatch() {
      return dataProblems.isEmpty()
          && !units.isEmpty()
          && units.stream().allMatch(UnitVerdict::matches);
    }
  }

  /**
   * Recorded settings that change speed, never results (docs/suite.md), so a difference is not
   * noted.
   */
  private static final java.util.Set<String> SPEED_ONLY =
      java.util.Set.of("OMP_WAIT_POLICY", "GLIBC_TUNABLES", "malloc");

  private final PrintStream err;

  /**
   * @param err progress lines
   */
  public RunAudit(PrintStream err) {
    this.err = err;
  }

  /** Runs the audit. */
  public Result audit(Options o) throws IOException {
    PinnedSuite pinned = PinnedSuite.read(o.run());
    RunDirectory run = new RunDirectory(o.run());
    if (!Files.isRegularFile(run.runJson())) {
      throw new IOException(
          o.run() + " has no run.json: the run did not finish (rerun its suite command first)");
    }
    RunManifest manifest = RunManifest.read(run.runJson());
    String runCommit = manifest.version();
    GitInfo code = GitInfo.detect(CodeCheckout.of(RunAudit.class).orElse(Path.of(".")));
    String codeCommit = code.version();
    List<String> unitCode = manifest.unitCode();
    List<String> dataProblems = checkData(manifest.datasets(), o.dataRoot());
    List<String> platform = platformNotes(manifest.environment());
    if (!dataProblems.isEmpty()) {
      return new Result(runCommit, unitCode, codeCommit, dataProblems, platform, List.of());
    }
    SuiteRunner.Settings settings =
        SuiteRunner.Settings.builder()
            .setProfile(pinned.profile())
            .setStudy(pinned.study())
            .setSeeds(pinned.seeds())
            .setOut(o.work())
            .optDataRoot(o.dataRoot())
            .optDevice(o.device())
            .build();
    List<SuiteUnit> units = select(SuiteRunner.unitsFor(settings), o);
    if (o.epochs() != null && (o.epochs() < 1 || o.epochs() > pinned.profile().epochs())) {
      throw new IllegalArgumentException(
          "--epochs must be 1.."
              + pinned.profile().epochs()
              + " (the run's "
              + "epochs), got "
              + o.epochs());
    }
    List<UnitVerdict> verdicts = new ArrayList<>();
    for (int i = 0; i < units.size(); i++) {
      SuiteUnit u = units.get(i);
      String label = String.format("audit %d/%d %s", i + 1, units.size(), u.id());
      verdicts.add(auditUnit(settings, u, o, label));
      UnitVerdict v = verdicts.get(verdicts.size() - 1);
      err.println(
          label
              + ": "
              + (v.matches() ? "matches" : "DIFFERS: " + String.join("; ", v.differences())));
    }
    return new Result(runCommit, unitCode, codeCommit, List.of(), platform, List.copyOf(verdicts));
  }

  /**
   * What differs between the run's recorded platform and this one, in the fields that decide
   * bitwise results.
   */
  static List<String> platformNotes(Environment recorded) {
    Environment now = Environment.detect(null);
    Environment was =
        recorded != null
            ? recorded
            : new Environment(
                null, null, null, null, null, 0, null, null, null, null, null, null, null);
    List<String> notes = new ArrayList<>();
    compare(notes, "processor", was.cpuModel(), now.cpuModel());
    compare(
        notes,
        "instruction sets",
        was.cpuIsa() == null ? null : String.join(" ", was.cpuIsa()),
        String.join(" ", now.cpuIsa()));
    compare(notes, "engine version", was.engineVersion(), now.engineVersion());
    Map<String, String> threads = was.threadSettings() == null ? Map.of() : was.threadSettings();
    for (Map.Entry<String, String> e : now.threadSettings().entrySet()) {
      if (!SPEED_ONLY.contains(e.getKey())) {
        compare(notes, e.getKey(), threads.get(e.getKey()), e.getValue());
      }
    }
    return List.copyOf(notes);
  }

  /** Adds a note when the recorded value (null: not recorded) is not this machine's. */
  private static void compare(List<String> notes, String what, String recorded, String now) {
    String was = recorded == null ? "not recorded" : recorded;
    if (!was.equals(now)) {
      notes.add(what + ": run " + was + ", here " + now);
    }
  }

  private static List<SuiteUnit> select(List<SuiteUnit> all, Options o) {
    if (o.unitIds().isEmpty()) {
      return o.count() == 0 || o.count() >= all.size() ? all : all.subList(0, o.count());
    }
    Map<String, SuiteUnit> byId = new LinkedHashMap<>();
    all.forEach(u -> byId.put(u.id(), u));
    List<SuiteUnit> out = new ArrayList<>();
    for (String id : o.unitIds()) {
      SuiteUnit u = byId.get(id);
      if (u == null) {
        throw new IllegalArgumentException(
            "the run has no unit '"
                + id
                + "' (its units: "
                + String.join(", ", byId.keySet())
                + ")");
      }
      out.add(u);
    }
    return out;
  }

  private static List<String> checkData(Map<String, String> datasets, DataRoot root)
      throws IOException {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> e : new TreeMap<>(datasets).entrySet()) {
      if (e.getKey().equals(SuiteMerger.GROUND_TRUTH_DATASET)) {
        continue; // the ground truth ranks the run; it does not change what a unit computes
      }
      Path file;
      try {
        file = root.require(e.getKey());
      } catch (RuntimeException ex) {
        problems.add(e.getKey() + ": " + ex.getMessage());
        continue;
      }
      String sha = Checksums.sha256Tree(file);
      if (!sha.equals(e.getValue())) {
        problems.add(file + ": SHA-256 " + sha + ", the run used " + e.getValue());
      }
    }
    return problems;
  }

  /**
   * Notes for each way the unit's {@code train.json} says it was trained other than this audit
   * runs: on processors none of which is this machine's kind, or by code versions none of which is
   * the running one. Its results are then not expected to reproduce bit for bit. Fields a unit
   * predates give no note.
   */
  static List<String> provenanceNotes(Path trainJson) throws IOException {
    TrainProvenance trained = TrainProvenance.read(trainJson);
    TrainProvenance here = TrainProvenance.current();
    List<String> notes = new ArrayList<>();
    List<String> cpus = TrainProvenance.known(trained.processors());
    String cpu = here.processors().get(0);
    if (!cpus.isEmpty() && !cpus.contains(cpu)) {
      notes.add(
          "trained on "
              + String.join("; ", cpus)
              + ", audited on "
              + cpu
              + ": results are bit-reproducible on one kind of processor, so differences are "
              + "expected");
    }
    List<String> code = TrainProvenance.known(trained.code());
    List<String> ours = TrainProvenance.known(here.code());
    if (!code.isEmpty() && !ours.isEmpty() && !code.contains(ours.get(0))) {
      notes.add(
          "trained by code "
              + String.join("; ", code)
              + ", audited with "
              + ours.get(0)
              + ": a change of code can change the results");
    }
    return notes;
  }

  private UnitVerdict auditUnit(SuiteRunner.Settings s, SuiteUnit u, Options o, String label)
      throws IOException {
    Path original = SuiteRunner.unitDir(o.run(), u);
    Path rerun = SuiteRunner.unitDir(o.work(), u);
    deleteRecursively(rerun);
    List<String> differences = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Path originalTrain = original.resolve(SupernetTrainer.MANIFEST);
    notes.addAll(provenanceNotes(originalTrain));
    if (o.epochs() != null) {
      new SupernetTrainer(new PrefixedStream(err, label + ": "), UnitRunner.progress(s))
          .train(
              UnitRunner.trainConfig(s, u),
              UnitRunner.trainingData(s, u).train(),
              rerun,
              o.epochs());
      notes.add(
          "first "
              + o.epochs()
              + " of "
              + s.profile().epochs()
              + " epochs: training figures compared, "
              + "checkpoint and candidates not (the run keeps only its final ones)");
    } else {
      new UnitRunner(err).run(s, u, rerun, label);
    }
    int epochs = o.epochs() != null ? o.epochs() : s.profile().epochs();
    if (Files.isRegularFile(originalTrain)) {
      UnitComparison.training(originalTrain, rerun.resolve(SupernetTrainer.MANIFEST), epochs)
          .ifPresent(differences::add);
    } else {
      differences.add("the run has no " + originalTrain);
    }
    if (o.epochs() == null) {
      Path ckpt = original.resolve(Checkpoint.FILE_NAME);
      if (Files.isRegularFile(ckpt)) {
        UnitComparison.CheckpointVerdict cv =
            UnitComparison.checkpoints(ckpt, rerun.resolve(Checkpoint.FILE_NAME));
        if (cv.difference() != null) {
          differences.add(cv.difference());
        }
        if (cv.note() != null) {
          notes.add(cv.note());
        }
      } else {
        notes.add(
            "the run kept no "
                + Checkpoint.FILE_NAME
                + " for this unit (published runs omit it): training "
                + "losses and one-shot accuracies compared");
      }
      Optional<Map<String, Double>> before = originalCandidates(o.run(), original, u);
      if (before.isPresent()) {
        UnitComparison.candidates(
                before.get(), accuracies(rerun.resolve(OneShotRun.CANDIDATES_CSV)))
            .ifPresent(differences::add);
      } else {
        differences.add("the run has no one-shot accuracies for this unit");
      }
    }
    return new UnitVerdict(u.id(), List.copyOf(differences), List.copyOf(notes));
  }

  /** The unit's own candidates.csv, else its rows of the run's combined candidates.csv. */
  private static Optional<Map<String, Double>> originalCandidates(
      Path runDir, Path unitDir, SuiteUnit u) throws IOException {
    Path own = unitDir.resolve(OneShotRun.CANDIDATES_CSV);
    if (Files.isRegularFile(own)) {
      return Optional.of(accuracies(own));
    }
    Path combined = new RunDirectory(runDir).candidatesCsv();
    if (!Files.isRegularFile(combined)) {
      return Optional.empty();
    }
    Map<String, Double> m = new LinkedHashMap<>();
    for (Candidate c : CandidatesCsv.read(combined)) {
      if (c.method().equals(u.method().cliName())
          && c.bnStrategy().equals(u.bnStrategy().cliName())
          && c.seed() == u.seed()
          && c.maxPaths() == u.maxPaths()) {
        m.put(key(c.calibrated(), c.choice()), c.oneShotAccuracy());
      }
    }
    return m.isEmpty() ? Optional.empty() : Optional.of(m);
  }

  private static Map<String, Double> accuracies(Path unitCandidates) throws IOException {
    Map<String, Double> m = new LinkedHashMap<>();
    for (Candidate c : CandidatesCsv.read(unitCandidates)) {
      m.put(key(c.calibrated(), c.choice()), c.oneShotAccuracy());
    }
    return m;
  }

  private static String key(boolean calibrated, String choice) {
    return (calibrated ? "calibrated " : "uncalibrated ") + choice;
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
