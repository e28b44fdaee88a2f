package dev.nasrank.harness.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.nasrank.datasets.Cifar10Split;
import dev.nasrank.datasets.DataRoot;
import dev.nasrank.datasets.manifest.DatasetManifest;
import dev.nasrank.harness.eval.CandidateResult;
import dev.nasrank.harness.eval.EvalOptions;
import dev.nasrank.harness.eval.EvaluateConfig;
import dev.nasrank.harness.eval.OneShotRun;
import dev.nasrank.harness.eval.ResultCsv;
import dev.nasrank.harness.manifest.CanonicalJson;
import dev.nasrank.harness.manifest.ManifestIo;
import dev.nasrank.harness.manifest.RunManifest;
import dev.nasrank.harness.report.AtomicFiles;
import dev.nasrank.harness.report.CandidatesCsv;
import dev.nasrank.harness.report.ReportOptions;
import dev.nasrank.harness.report.ReportResult;
import dev.nasrank.harness.report.Reporter;
import dev.nasrank.harness.report.RunDirectory;
import dev.nasrank.harness.report.diagnostics.DiagnosticsFile;
import dev.nasrank.harness.supernet.BnStrategy;
import dev.nasrank.harness.supernet.Method;
import dev.nasrank.harness.space.SamplerMode;
import dev.nasrank.harness.supernet.SupernetConfig;
import dev.nasrank.harness.train.CalibrationMode;
import dev.nasrank.harness.train.Checkpoint;
import dev.nasrank.harness.train.DeviceOption;
import dev.nasrank.harness.train.SupernetData;
import dev.nasrank.harness.train.SupernetTrainer;
import dev.nasrank.harness.train.TrainConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Runs the suite: every {@link SuiteUnit} is trained (resuming its checkpoint) and evaluated into
 * {@code DIR/units/<id>/}, finished units (those with {@value #DONE} written after their evaluation) are skipped,
 * then {@code candidates.csv}, {@code diagnostics.json}, {@code run.json}, {@code ranking.csv} and the reports are
 * rebuilt atomically from the unit files.
 */
public final class SuiteRunner {

  /** Marker written (atomically) into a unit folder when its training and evaluation are complete. */
  public static final String DONE = "done.json";
  /** The suite configuration pinned at the first start; a rerun with another one is refused. */
  public static final String SUITE_CONFIG = "suite-config.json";
  /** Strategy of the SPOS supernet: one BN on the sum shared by all path counts (SPOS has no SBN choice). */
  public static final BnStrategy SPOS_STRATEGY = BnStrategy.VANILLA;

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * What to run.
   *
   * @param profile shape and budget
   * @param maxPaths the m values; the largest gets all six supernets, smaller ones MixPath + linear SBN only
   * @param seeds training seeds; everything is repeated per seed
   * @param dataRoot CIFAR-10 data root
   * @param device auto, cpu or gpu
   * @param groundTruthFile a NAS-Bench-101-format file, or null for the embedded S4-mini ground truth
   * @param out the run folder
   * @param progress progress bars on stderr
   */
  public record Settings(SuiteProfile profile, List<Integer> maxPaths, List<Long> seeds, DataRoot dataRoot,
      DeviceOption device, Path groundTruthFile, Path out, boolean progress) {

    /** Validates the lists. */
    public Settings {
      if (maxPaths.isEmpty() || seeds.isEmpty()) {
        throw new IllegalArgumentException("at least one m and one seed are needed");
      }
      maxPaths = maxPaths.stream().distinct().sorted().toList();
      seeds = List.copyOf(seeds);
      for (int m : maxPaths) {
        if (m < 1 || m > 4) {
          throw new IllegalArgumentException("max paths must be 1..4, got " + m);
        }
      }
    }

    /** The largest m: rankings use its supernets. */
    public int mainMaxPaths() {
      return maxPaths.get(maxPaths.size() - 1);
    }
  }

  /**
   * What happened.
   *
   * @param units all units, in run order
   * @param trainedOrEvaluated units (re)done by this invocation
   * @param skipped units already finished before
   * @param groundTruth the ground truth used (coverage, or why there is none)
   * @param report the reporter's result, or null when there was no ground truth
   */
  public record Outcome(List<SuiteUnit> units, int trainedOrEvaluated, int skipped, GroundTruthChoice groundTruth,
      ReportResult report) {}

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

  /** The six settings of the main m, in run order: MixPath under each BN strategy, then SPOS. */
  public static List<SuiteUnit> unitsFor(Settings s) {
    List<SuiteUnit> units = new ArrayList<>();
    for (long seed : s.seeds()) {
      for (int m : s.maxPaths()) {
        if (m == s.mainMaxPaths()) {
          for (BnStrategy b : BnStrategy.values()) {
            units.add(new SuiteUnit(Method.MIXPATH, b, m, seed));
          }
          units.add(new SuiteUnit(Method.SPOS, SPOS_STRATEGY, m, seed));
        } else {
          units.add(new SuiteUnit(Method.MIXPATH, BnStrategy.LINEAR_SBN, m, seed));
        }
      }
    }
    return units;
  }

  /** The folder of a unit. */
  public static Path unitDir(Path out, SuiteUnit u) {
    return out.resolve("units").resolve(u.id());
  }

  /** The supernet shape of a unit under a profile. */
  public static SupernetConfig supernetConfig(SuiteProfile p, SuiteUnit u) {
    return new SupernetConfig(u.method(), u.bnStrategy(), u.maxPaths(), SamplerMode.CORRECTED, p.stemChannels(),
        p.stacks(), p.cellsPerStack(), 10);
  }

  /** Runs (or resumes) everything and rebuilds the combined outputs. */
  public Outcome run(Settings s) throws IOException {
    return run(s, GroundTruthChoice.open(s.groundTruthFile()));
  }

  /** As {@link #run(Settings)} with a ground truth chosen by the caller (tests, library use). */
  public Outcome run(Settings s, GroundTruthChoice gt) throws IOException {
    long start = System.nanoTime();
    Files.createDirectories(s.out());
    pinConfiguration(s);
    out.println(gt.coverageLine());
    List<SuiteUnit> units = unitsFor(s);
    int done = 0;
    int skipped = 0;
    for (int i = 0; i < units.size(); i++) {
      SuiteUnit u = units.get(i);
      Path dir = unitDir(s.out(), u);
      String label = String.format("unit %d/%d %s", i + 1, units.size(), u.id());
      if (Files.isRegularFile(dir.resolve(DONE)) && Files.isRegularFile(dir.resolve(OneShotRun.CANDIDATES_CSV))) {
        err.println(label + ": finished earlier, skipped");
        skipped++;
        continue;
      }
      runUnit(s, u, dir, label);
      done++;
    }
    List<Path> unitDirs = units.stream().map(u -> unitDir(s.out(), u)).toList();
    RunDirectory run = new RunDirectory(s.out());
    writeCandidates(run.candidatesCsv(), units, unitDirs);
    writeDiagnostics(run.diagnosticsJson(), units, unitDirs);
    writeManifest(s, gt, units, unitDirs, (System.nanoTime() - start) / 1e9);
    ReportResult report = null;
    if (gt.groundTruth() != null) {
      err.println("report: ranking " + units.size() + " supernets x 2 evaluations against the ground truth");
      report = Reporter.render(run, gt.groundTruth(), ReportOptions.defaults());
    }
    return new Outcome(units, done, skipped, gt, report);
  }

  /** The training configuration of a unit (resuming its folder's checkpoint). */
  public static TrainConfig trainConfig(Settings s, SuiteUnit u) {
    SuiteProfile p = s.profile();
    return new TrainConfig(supernetConfig(p, u), p.epochs(), p.lr(), 1e-8, 0.9, 3e-4, 5.0, u.seed(), s.device(),
        p.maxStepsPerEpoch(), true, s.progress());
  }

  /** The training batches of a unit (a pure function of split, data, batch size and seed). */
  public static SupernetData trainingData(Settings s, SuiteUnit u) throws IOException {
    SuiteProfile p = s.profile();
    return SupernetData.load(p.split(), s.dataRoot(), p.batchSize(), u.seed(), true, false);
  }

  /**
   * Trains (resuming) and evaluates one unit into {@code dir}: checkpoint.bin, train.json, candidates.csv,
   * diagnostics.json, then {@value #DONE}. Progress lines go to this runner's error stream, prefixed by
   * {@code label}.
   */
  public void runUnit(Settings s, SuiteUnit u, Path dir, String label) throws IOException {
    SuiteProfile p = s.profile();
    Files.createDirectories(dir);
    PrintStream prefixed = new PrefixedStream(err, label + ": ");
    long t0 = System.nanoTime();
    new SupernetTrainer(prefixed).train(trainConfig(s, u), trainingData(s, u).train(), dir);
    double trainSeconds = (System.nanoTime() - t0) / 1e9;
    long t1 = System.nanoTime();
    EvalOptions eo = new EvalOptions(true, true, CalibrationMode.EXACT, p.calibrationBatches(), p.maxEvalBatches(),
        s.progress());
    new OneShotRun(prefixed).evaluate(new EvaluateConfig(dir.resolve(Checkpoint.FILE_NAME), p.split(), s.dataRoot(),
        p.evalBatchSize(), s.device(), eo, p.maxChoices(), dir));
    double evalSeconds = (System.nanoTime() - t1) / 1e9;
    long t2 = System.nanoTime();
    DiagnosticsFile diag = DiagnosticsExtractor.extract(dir.resolve(Checkpoint.FILE_NAME), u.id(),
        SupernetData.load(p.split(), s.dataRoot(), p.evalBatchSize(), u.seed(), false, true).validation());
    diag.write(dir.resolve("diagnostics.json"));
    double diagSeconds = (System.nanoTime() - t2) / 1e9;
    Map<String, Object> marker = new LinkedHashMap<>();
    marker.put("unit", u.id());
    marker.put("trainSeconds", trainSeconds);
    marker.put("evaluateSeconds", evalSeconds);
    marker.put("diagnosticsSeconds", diagSeconds);
    AtomicFiles.write(dir.resolve(DONE), JSON.writeValueAsBytes(marker));
    err.printf("%s: done (train %.0f s, evaluate %.0f s)%n", label, trainSeconds, evalSeconds);
  }

  /** Pins the configuration at the first start; refuses a different one later (units would not be comparable). */
  private static void pinConfiguration(Settings s) throws IOException {
    JsonNode now = CanonicalJson.tree(configuration(s));
    Path file = s.out().resolve(SUITE_CONFIG);
    if (Files.isRegularFile(file)) {
      JsonNode before = JSON.readTree(file.toFile());
      if (!before.path("profile").equals(now.path("profile"))) {
        throw new IllegalArgumentException(s.out() + " holds a suite run with another profile (" + file
            + "); choose another --out folder");
      }
    }
    AtomicFiles.write(file, JSON.writeValueAsBytes(now));
  }

  private static Map<String, Object> configuration(Settings s) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("profile", s.profile());
    c.put("maxPaths", s.maxPaths());
    c.put("seeds", s.seeds());
    c.put("sposBnStrategy", SPOS_STRATEGY.cliName());
    c.put("sampler", "corrected");
    c.put("optimizer", Map.of("momentum", 0.9, "weightDecay", 3e-4, "clip", 5.0, "lrMin", 1e-8));
    c.put("calibration", "exact");
    c.put("groundTruthFile", s.groundTruthFile() == null ? "embedded" : s.groundTruthFile().toString());
    return c;
  }

  /** Concatenates the units' candidate rows, adding the {@code max_paths} column. */
  static void writeCandidates(Path file, List<SuiteUnit> units, List<Path> dirs) throws IOException {
    StringWriter w = new StringWriter();
    List<String> header = new ArrayList<>(CandidatesCsv.HEADER);
    header.add(CandidatesCsv.MAX_PATHS);
    try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new))
        .get())) {
      for (int i = 0; i < units.size(); i++) {
        Path f = dirs.get(i).resolve(OneShotRun.CANDIDATES_CSV);
        for (CandidateResult r : ResultCsv.readCandidates(f)) {
          p.printRecord(r.method().cliName(), r.bnStrategy().cliName(), r.calibrated(), r.seed(), r.choice().id(),
              r.activePaths(), r.moduleHash(), r.oneShotAccuracy(), units.get(i).maxPaths());
        }
      }
    }
    AtomicFiles.writeString(file, w.toString());
  }

  /** Concatenates the units' diagnostics. */
  static void writeDiagnostics(Path file, List<SuiteUnit> units, List<Path> dirs) {
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

  private void writeManifest(Settings s, GroundTruthChoice gt, List<SuiteUnit> units, List<Path> dirs,
      double seconds) throws IOException {
    RunManifest.Builder b = RunManifest.builder().profile(s.profile().name()).configuration(configuration(s))
        .device(s.device().resolve().toString());
    for (long seed : s.seeds()) {
      b.seed("supernet" + (s.seeds().size() == 1 ? "" : "." + seed), seed);
    }
    b.seed("bootstrap", ReportOptions.defaults().bootstrapSeed());
    if (!s.profile().split().equals("synthetic")) {
      Cifar10Split split = Cifar10Split.valueOf(s.profile().split().toUpperCase(java.util.Locale.ROOT));
      String folder = DatasetManifest.load().entry(split.datasetId()).folder();
      for (Cifar10Split.Part part : List.of(Cifar10Split.Part.TRAIN, Cifar10Split.Part.VALIDATION)) {
        for (String name : split.files(part)) {
          b.dataset(folder + "/" + name, s.dataRoot().require(folder + "/" + name));
        }
      }
    }
    if (gt.file() != null) {
      b.dataset("groundtruth", gt.file());
    }
    for (int i = 0; i < units.size(); i++) {
      JsonNode m = JSON.readTree(dirs.get(i).resolve(DONE).toFile());
      b.timing(units.get(i).id() + ".train", m.path("trainSeconds").asDouble());
      b.timing(units.get(i).id() + ".evaluate", m.path("evaluateSeconds").asDouble());
    }
    b.timing("suiteInvocation", seconds);
    ManifestIo.write(new RunDirectory(s.out()).runJson(), b.build());
  }

  /** Prefixes every line written through it (so the trainer's epoch lines name their unit). */
  static final class PrefixedStream extends PrintStream {
    PrefixedStream(PrintStream target, String prefix) {
      super(new java.io.OutputStream() {
        private boolean lineStart = true;

        @Override
        public void write(int b) {
          if (lineStart) {
            target.print(prefix);
            lineStart = false;
          }
          target.write(b);
          if (b == '\n') {
            lineStart = true;
            target.flush();
          }
        }
      }, true);
    }
  }
}
