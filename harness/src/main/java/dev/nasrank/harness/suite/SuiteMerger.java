package dev.nasrank.harness.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nasrank.datasets.Cifar10Split;
import dev.nasrank.datasets.manifest.DatasetManifest;
import dev.nasrank.harness.candidates.Candidate;
import dev.nasrank.harness.candidates.CandidatesCsv;
import dev.nasrank.harness.eval.OneShotRun;
import dev.nasrank.harness.exec.TempFiles;
import dev.nasrank.harness.exec.WorkLock;
import dev.nasrank.harness.manifest.ManifestIo;
import dev.nasrank.harness.manifest.RunManifest;
import dev.nasrank.harness.report.GroundTruthLabel;
import dev.nasrank.harness.report.ReportOptions;
import dev.nasrank.harness.report.ReportResult;
import dev.nasrank.harness.report.Reporter;
import dev.nasrank.harness.report.RunDirectory;
import dev.nasrank.harness.report.diagnostics.DiagnosticsFile;
import dev.nasrank.harness.train.SupernetTrainer;
import dev.nasrank.harness.train.TrainProvenance;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The merge step of a planned folder: once every unit is done, builds {@code candidates.csv},
 * {@code diagnostics.json} and {@code run.json} from the unit folders and renders the report
 * (ranking.csv, report.md/html, ...) against the ground truth; with any unit not done it writes
 * nothing and returns the units that are missing, running, failed or interrupted. Every file is
 * written atomically under the folder's run lock, after removing temporary files a killed merge
 * left, so a rerun after a kill gives the same files.
 */
public final class SuiteMerger {

  /** run.json's name of the ground truth's SHA-256 among the datasets. */
  public static final String GROUND_TRUTH_DATASET = "groundtruth";

  /**
   * What a merge did.
   *
   * @param notDone units not done, in index order (empty when the merge wrote its files)
   * @param groundTruth the ground truth used, or null when nothing was merged
   * @param report the reporter's result, or null when nothing was merged or there is no ground
   *     truth
   */
  public record Result(
      List<UnitState> notDone, GroundTruthChoice groundTruth, ReportResult report) {
    /** True when every unit was done and the files were written. */
    public boolean merged() {
      return notDone.isEmpty();
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * run.json timing keys of the run's compute: the sums over its units of training, evaluation and
   * both, in wall-clock seconds per unit (units run side by side each count in full).
   */
  public static final String TOTAL_TRAIN = "allUnits.train";

  /** See {@link #TOTAL_TRAIN}. */
  public static final String TOTAL_EVALUATE = "allUnits.evaluate";

  /** See {@link #TOTAL_TRAIN}. */
  public static final String TOTAL_UNITS = "allUnits";

  private final PrintStream err;

  /**
   * @param err progress lines
   */
  public SuiteMerger(PrintStream err) {
    this.err = err;
  }

  /** The state of every unit of a plan, in index order. */
  public static List<UnitState> states(Path out, SuitePlan plan) throws IOException {
    List<UnitState> states = new ArrayList<>();
    for (int i = 0; i < plan.units().size(); i++) {
      states.add(UnitState.of(out, i, plan.units().get(i)));
    }
    return states;
  }

  /**
   * Merges the folder {@code s.out()}, planned as {@code s}.
   *
   * @param gt the ground truth, or null to open the one the settings name
   * @param invocationSeconds seconds the calling command has run so far (recorded in run.json)
   */
  public Result merge(SuiteRunner.Settings s, GroundTruthChoice gt, double invocationSeconds)
      throws IOException {
    long start = System.nanoTime();
    SuitePlan plan = SuitePlan.of(s);
    List<UnitState> notDone =
        states(s.out(), plan).stream().filter(u -> u.status() != UnitState.Status.DONE).toList();
    if (!notDone.isEmpty()) {
      return new Result(notDone, null, null);
    }
    GroundTruthChoice truth =
        gt != null ? gt : GroundTruthChoice.open(s.groundTruthFile(), s.space());
    try (WorkLock lock = SuitePlan.runLock(s.out())) {
      RunDirectory run = new RunDirectory(s.out());
      int stale =
          TempFiles.removeStale(s.out()).size()
              + TempFiles.removeStale(s.out().resolve("plots")).size();
      if (stale > 0) {
        err.printf("merge: removed %d temporary file(s) of an interrupted merge%n", stale);
      }
      List<SuiteUnit> units = plan.units();
      List<Path> dirs = units.stream().map(u -> SuiteRunner.unitDir(s.out(), u)).toList();
      writeCandidates(run.candidatesCsv(), units, dirs);
      writeDiagnostics(run.diagnosticsJson(), dirs);
      TrainProvenance provenance = unitProvenance(dirs);
      List<String> cpus = TrainProvenance.known(provenance.processors());
      if (cpus.size() > 1) {
        err.printf(
            "merge: warning: the units were trained on %d kinds of processor (%s); results are "
                + "bit-reproducible on one kind only, so audit can reproduce only the units of its "
                + "own machine's kind (docs/suite.md, \"Bit-reproducibility\")%n",
            cpus.size(), String.join("; ", cpus));
      }
      List<String> code = TrainProvenance.known(provenance.code());
      if (code.size() > 1) {
        err.printf(
            "merge: warning: the units were trained by %d code versions (%s), listed in run.json "
                + "as unitCode; a unit reproduces bit for bit only with the code that trained it%n",
            code.size(), String.join("; ", code));
      }
      writeManifest(
          s,
          truth,
          units,
          dirs,
          provenance.code(),
          invocationSeconds + (System.nanoTime() - start) / 1e9);
      ReportResult report = null;
      if (truth.groundTruth() != null) {
        err.println(
            "report: ranking "
                + units.size()
                + " supernets x 2 evaluations against the ground truth");
        report = Reporter.render(run, truth.groundTruth(), ReportOptions.defaults());
      }
      return new Result(List.of(), truth, report);
    }
  }

  /** Concatenates the units' candidate rows, adding the {@code max_paths} column. */
  static void writeCandidates(Path file, List<SuiteUnit> units, List<Path> dirs) {
    List<Candidate> all = new ArrayList<>();
    for (int i = 0; i < units.size(); i++) {
      int m = units.get(i).maxPaths();
      for (Candidate c : CandidatesCsv.read(dirs.get(i).resolve(OneShotRun.CANDIDATES_CSV))) {
        all.add(c.withMaxPaths(m));
      }
    }
    CandidatesCsv.write(file, all, CandidatesCsv.Columns.MERGED);
  }

  /**
   * The processor models and code versions the units' {@code train.json} name ({@link
   * TrainProvenance}), each once, in unit order; units trained before a field existed add nothing
   * to it.
   */
  static TrainProvenance unitProvenance(List<Path> dirs) throws IOException {
    TrainProvenance out = TrainProvenance.none();
    for (Path d : dirs) {
      out = out.plus(TrainProvenance.read(d.resolve(SupernetTrainer.MANIFEST)));
    }
    return out;
  }

  /** Concatenates the units' diagnostics. */
  static void writeDiagnostics(Path file, List<Path> dirs) {
    List<DiagnosticsFile.NamedSimilarity> features = new ArrayList<>();
    List<DiagnosticsFile.SbnLayer> sbn = new ArrayList<>();
    for (Path d : dirs) {
      Path f = d.resolve("diagnostics.json");
      if (Files.isRegularFile(f)) {
        DiagnosticsFile part = DiagnosticsFile.read(f);
        features.addAll(part.features());
        sbn.addAll(part.sbn());
      }
    }
    new DiagnosticsFile(features, sbn).write(file);
  }

  /**
   * run.json's configuration: {@link SuiteRunner#configuration}, and for a cell space the drawn
   * cells ({@value CellList#CELL_HASHES}, the plan's {@value CellList#CELLS_TXT}) and the ground
   * truth's label ({@value CellList#GROUND_TRUTH_LABEL}, e.g. {@code one repeat (20k dump)}), both
   * outside the configuration hash like the ground truth they come from. S4's is unchanged.
   */
  static Map<String, Object> manifestConfiguration(SuiteRunner.Settings s, GroundTruthChoice gt)
      throws IOException {
    Map<String, Object> c = SuiteRunner.configuration(s);
    if (s.cells() != null) {
      List<String> hashes = CellList.hashes(s.out());
      c.put(CellList.CELL_HASHES, hashes);
      c.put(
          CellList.GROUND_TRUTH_LABEL,
          gt.groundTruth() == null
              ? "none (" + gt.problem() + ")"
              : GroundTruthLabel.of(gt.groundTruth(), hashes)
                  + ", "
                  + gt.groundTruth().epochs()
                  + " epochs");
    }
    return c;
  }

  /** The fields of {@link #manifestConfiguration} outside the configuration hash. */
  static List<String> manifestOutsideHash(SuiteRunner.Settings s) {
    if (s.cells() == null) {
      return SuiteRunner.OUTSIDE_HASH;
    }
    List<String> out = new ArrayList<>(SuiteRunner.OUTSIDE_HASH);
    out.add(CellList.CELL_HASHES);
    out.add(CellList.GROUND_TRUTH_LABEL);
    return List.copyOf(out);
  }

  private static void writeManifest(
      SuiteRunner.Settings s,
      GroundTruthChoice gt,
      List<SuiteUnit> units,
      List<Path> dirs,
      List<String> unitCode,
      double seconds)
      throws IOException {
    RunManifest.Builder b =
        RunManifest.builder()
            .unitCode(unitCode)
            .profile(s.profile().name())
            .configuration(manifestConfiguration(s, gt), manifestOutsideHash(s))
            .device(s.device().resolve().toString());
    for (long seed : s.seeds()) {
      b.seed("supernet" + (s.seeds().size() == 1 ? "" : "." + seed), seed);
    }
    b.seed("bootstrap", ReportOptions.defaults().bootstrapSeed());
    if (s.profile().split().cifar10().isPresent()) {
      Cifar10Split split = s.profile().split().cifar10().get();
      String folder = DatasetManifest.load().entry(split.datasetId()).folder();
      for (Cifar10Split.Part part :
          List.of(Cifar10Split.Part.TRAIN, Cifar10Split.Part.VALIDATION)) {
        for (String name : split.files(part)) {
          b.dataset(folder + "/" + name, s.dataRoot().require(folder + "/" + name));
        }
      }
    }
    if (gt.file() != null) {
      b.dataset(GROUND_TRUTH_DATASET, gt.file());
    }
    double trainTotal = 0;
    double evaluateTotal = 0;
    for (int i = 0; i < units.size(); i++) {
      JsonNode m = JSON.readTree(dirs.get(i).resolve(UnitRunner.DONE).toFile());
      double train = m.path("trainSeconds").asDouble();
      double evaluate = m.path("evaluateSeconds").asDouble();
      b.timing(units.get(i).id() + ".train", train);
      b.timing(units.get(i).id() + ".evaluate", evaluate);
      trainTotal += train;
      evaluateTotal += evaluate;
    }
    // the run's compute: unit wall times summed (units that ran side by side each count in full)
    b.timing(TOTAL_TRAIN, trainTotal);
    b.timing(TOTAL_EVALUATE, evaluateTotal);
    b.timing(TOTAL_UNITS, trainTotal + evaluateTotal);
    b.timing("suiteInvocation", seconds);
    ManifestIo.write(new RunDirectory(s.out()).runJson(), b.build());
  }
}
