package dev.nasrank.harness.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.nasrank.datasets.DataRoot;
import dev.nasrank.files.AtomicFiles;
import dev.nasrank.harness.exec.TempFiles;
import dev.nasrank.harness.exec.WorkLock;
import dev.nasrank.harness.manifest.CanonicalJson;
import dev.nasrank.harness.setting.Study;
import dev.nasrank.harness.space.CandidateSample;
import dev.nasrank.harness.train.DeviceOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The plan of a run folder: the pinned configuration ({@value SuiteRunner#SUITE_CONFIG}: profile, m
 * values, seeds, ground truth) and its units with stable indices ({@value #UNITS_TXT}, one {@code
 * <index> <unit id>} line each). Index {@code i} is the {@code i}-th unit of {@link
 * SuiteRunner#unitsFor} (seed-major, then the study's settings in order), so any executor ({@code
 * suite unit --index i}, a Slurm array task, a Kubernetes indexed job) finds the same unit under
 * the same index.
 *
 * <p>A folder is planned once; a later plan of the same folder is accepted only with the same
 * profile, a unit list that starts with the pinned one (more seeds append units; other changes
 * would renumber them) and, once the folder holds a ranking or report, the same ground truth (so a
 * ranking is never silently replaced by one against another ground truth); otherwise it is refused
 * naming what differs, before anything is written.
 *
 * @param profile the profile
 * @param study the settings each seed trains, listed
 * @param seeds training seeds
 * @param groundTruth the ground-truth file as given, or {@value #EMBEDDED}
 * @param units the units; index = position
 * @param cells a cell-space plan's sample (the drawn cells are in {@value CellList#CELLS_TXT});
 *     null for S4
 */
public record SuitePlan(
    SuiteProfile profile,
    Study study,
    List<Long> seeds,
    String groundTruth,
    List<SuiteUnit> units,
    CandidateSample cells) {

  /** The numbered unit list of a planned folder. */
  public static final String UNITS_TXT = "units.txt";

  /** The pinned ground truth when none was named (the embedded S4-mini one). */
  public static final String EMBEDDED = "embedded";

  /**
   * How the configuration records a run planned with {@code --no-groundtruth}: merged without a
   * ranking (exit 0), by every executor, until a later plan names a ground truth.
   */
  public static final String NONE = "none";

  /** Lock file of plan and merge in the run folder (units have their own). */
  public static final String RUN_LOCK = ".suite.lock";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Copies the lists. */
  public SuitePlan {
    seeds = List.copyOf(seeds);
    units = List.copyOf(units);
  }

  /** The plan of {@code s} (nothing is read or written). */
  public static SuitePlan of(SuiteRunner.Settings s) {
    return new SuitePlan(
        s.profile(),
        s.study(),
        s.seeds(),
        groundTruthName(s.groundTruthFile()),
        SuiteRunner.unitsFor(s),
        s.cells());
  }

  /** How the configuration names a ground-truth file. */
  static String groundTruthName(Path file) {
    return file == null ? EMBEDDED : file.toString();
  }

  /**
   * Reads the plan of a planned folder.
   *
   * @throws IllegalArgumentException when {@code out} holds no plan, naming the command that writes
   *     one
   */
  public static SuitePlan read(Path out) throws IOException {
    Path file = out.resolve(SuiteRunner.SUITE_CONFIG);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          out
              + " holds no suite plan ("
              + SuiteRunner.SUITE_CONFIG
              + "): run "
              + "'harness suite plan --out "
              + out
              + " [--profile ...]' (or the plain 'suite') first");
    }
    PinnedSuite pinned;
    try {
      pinned = PinnedSuite.read(out);
    } catch (IOException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    SuiteProfile p = pinned.profile();
    Study study = pinned.study();
    List<Long> seeds = pinned.seeds();
    JsonNode n = JSON.readTree(file.toFile());
    String gt = n.path("groundTruthFile").asText(EMBEDDED);
    SuiteRunner.Settings s =
        new SuiteRunner.Settings(
            p,
            study,
            seeds,
            DataRoot.of(out),
            DeviceOption.CPU,
            gt.equals(EMBEDDED) ? null : Path.of(gt),
            out,
            false,
            pinned.cells());
    return new SuitePlan(p, study, s.seeds(), gt, SuiteRunner.unitsFor(s), s.cells());
  }

  /**
   * Pins the plan of {@code s} in its folder: written on the first call; later calls check it
   * against the pinned one (see the class comment) and rewrite it (the unit list may have grown).
   * Holds the folder's run lock.
   *
   * @return the plan now pinned
   * @throws IllegalArgumentException when the folder holds an incompatible plan (nothing is
   *     written)
   * @throws IllegalStateException when another process holds the run lock (planning or merging)
   */
  public static SuitePlan pin(SuiteRunner.Settings s) throws IOException {
    return pin(s, null);
  }

  /**
   * As {@link #pin(SuiteRunner.Settings)}; a cell-space plan draws its cells ({@value
   * CellList#CELLS_TXT}) at its first pin among those {@code gt} holds (null: the ground truth the
   * settings name is opened), and keeps them at every later one.
   *
   * @throws IllegalArgumentException also when a cell-space plan has no ground truth to draw from,
   *     saying what to pass, or the ground truth holds too few of its cells
   */
  public static SuitePlan pin(SuiteRunner.Settings s, GroundTruthChoice gt) throws IOException {
    Files.createDirectories(s.out());
    try (WorkLock lock = runLock(s.out())) {
      SuitePlan now = of(s);
      if (Files.isRegularFile(s.out().resolve(SuiteRunner.SUITE_CONFIG))) {
        now.checkCompatible(read(s.out()), s.out());
      }
      if (s.cells() != null && !CellList.exists(s.out())) {
        GroundTruthChoice truth =
            gt != null ? gt : GroundTruthChoice.open(s.groundTruthFile(), s.space());
        if (truth.groundTruth() == null) {
          throw new IllegalArgumentException(
              "space "
                  + s.space()
                  + " evaluates a sample of its cells among those the ground truth holds, and "
                  + "there is none: "
                  + truth.problem());
        }
        CellList.draw(s, truth.groundTruth(), truth.file());
      }
      TempFiles.removeStale(s.out());
      AtomicFiles.write(
          s.out().resolve(SuiteRunner.SUITE_CONFIG),
          JSON.writeValueAsBytes(CanonicalJson.tree(SuiteRunner.configuration(s))));
      AtomicFiles.writeString(s.out().resolve(UNITS_TXT), now.unitsText());
      return now;
    }
  }

  /** Takes the run folder's lock or throws naming its holder. */
  static WorkLock runLock(Path out) throws IOException {
    Path file = out.resolve(RUN_LOCK);
    Optional<WorkLock> lock = WorkLock.tryAcquire(file);
    if (lock.isEmpty()) {
      throw new IllegalStateException(
          "another suite command is planning or merging "
              + out
              + " ("
              + WorkLock.holder(file).orElse("holder unknown")
              + "); try again when it has finished");
    }
    return lock.get();
  }

  private void checkCompatible(SuitePlan pinned, Path out) {
    Path file = out.resolve(SuiteRunner.SUITE_CONFIG);
    if (!pinned.profile().equals(profile)) {
      throw new IllegalArgumentException(
          out
              + " holds a suite run with another profile ("
              + file
              + ": "
              + pinned.profile().name()
              + ", "
              + pinned.profile().epochs()
              + " epochs); choose another --out folder");
    }
    if (!java.util.Objects.equals(pinned.cells(), cells)) {
      throw new IllegalArgumentException(
          out
              + " was planned with "
              + (pinned.cells() == null ? "no cell sample" : pinned.cells().describe())
              + " ("
              + file
              + "), not "
              + (cells == null ? "none" : cells.describe())
              + "; its units evaluate the cells of "
              + CellList.CELLS_TXT
              + ". Use the same --cells, --cell-seed and --cell-sample, or another --out folder");
    }
    boolean ranked =
        Files.exists(out.resolve("ranking.csv")) || Files.exists(out.resolve("report.md"));
    if (ranked && !sameGroundTruth(pinned.groundTruth(), groundTruth)) {
      throw new IllegalArgumentException(
          out
              + " was planned against ground truth "
              + pinned.groundTruth()
              + " ("
              + file
              + "), not "
              + groundTruth
              + "; its ranking and report are left as they are. To rank the "
              + "same candidates against the other ground truth, copy candidates.csv and run.json into a new folder "
              + "and run 'harness report --run NEWDIR --groundtruth FILE', or run the suite in another --out folder");
    }
    if (units.size() < pinned.units().size()
        || !units.subList(0, pinned.units().size()).equals(pinned.units())) {
      throw new IllegalArgumentException(
          out
              + " was planned with max paths "
              + pinned.maxPaths()
              + " and seeds "
              + pinned.seeds()
              + " ("
              + pinned.units().size()
              + " units in "
              + UNITS_TXT
              + "); max paths "
              + maxPaths()
              + " and seeds "
              + seeds
              + " would renumber its units. Use the same values, add seeds only (they append "
              + "units), or another --out folder");
    }
  }

  private static boolean sameGroundTruth(String a, String b) {
    if (a.equals(b)) {
      return true;
    }
    if (a.equals(EMBEDDED) || b.equals(EMBEDDED)) {
      return false;
    }
    Path pa = Path.of(a).toAbsolutePath().normalize();
    Path pb = Path.of(b).toAbsolutePath().normalize();
    try {
      return pa.equals(pb) || (Files.exists(pa) && Files.exists(pb) && Files.isSameFile(pa, pb));
    } catch (IOException e) {
      return false;
    }
  }

  /** The unit of an index. */
  public SuiteUnit unit(int index) {
    if (index < 0 || index >= units.size()) {
      throw new IllegalArgumentException(
          "unit index "
              + index
              + " is out of range: the plan has "
              + units.size()
              + " units, 0.."
              + (units.size() - 1)
              + " (see "
              + UNITS_TXT
              + ")");
    }
    return units.get(index);
  }

  /**
   * The settings of this plan for a folder and the machine-local choices (data root, device,
   * progress).
   */
  public SuiteRunner.Settings settings(
      Path out, DataRoot dataRoot, DeviceOption device, boolean progress) {
    return new SuiteRunner.Settings(
        profile,
        study,
        seeds,
        dataRoot,
        device,
        groundTruth.equals(EMBEDDED) ? null : Path.of(groundTruth),
        out,
        progress,
        cells);
  }

  /** The m values of the study, ascending. */
  public List<Integer> maxPaths() {
    return study.maxPaths();
  }

  /** {@value #UNITS_TXT}: a comment header, then {@code <index> <unit id>} per line. */
  public String unitsText() {
    StringBuilder b = new StringBuilder();
    if (cells != null) {
      b.append(
          String.format(
              Locale.ROOT,
              "# suite plan: profile %s, %d epochs, space %s, %s (%s), seeds %s, ground truth "
                  + "%s%n",
              profile.name(),
              profile.epochs(),
              study.space(),
              cells.describe(),
              CellList.CELLS_TXT,
              seeds,
              groundTruth));
    } else {
      b.append(
          String.format(
              Locale.ROOT,
              "# suite plan: profile %s, %d epochs, max paths %s, seeds %s, ground truth " + "%s%n",
              profile.name(),
              profile.epochs(),
              maxPaths(),
              seeds,
              groundTruth));
    }
    b.append(
        String.format(
            Locale.ROOT,
            "# %d units; run one with: harness suite unit --out DIR --index I%n",
            units.size()));
    for (int i = 0; i < units.size(); i++) {
      b.append(i).append(' ').append(units.get(i).id()).append('\n');
    }
    return b.toString();
  }
}
