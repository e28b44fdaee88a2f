package dev.nasrank.harness.suite;

import dev.nasrank.files.AtomicFiles;
import dev.nasrank.harness.report.GroundTruth;
import dev.nasrank.harness.report.GroundTruthLabel;
import dev.nasrank.harness.space.CandidateSample;
import dev.nasrank.harness.space.CellSearchSpace;
import dev.nasrank.harness.space.Nb101Cell;
import dev.nasrank.harness.space.SearchSpace;
import dev.nasrank.harness.space.Spaces;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The cells a cell-space plan evaluates, {@value #CELLS_TXT} in the run folder: drawn once, at the
 * first plan, by the plan's {@link CandidateSample} among the cells of the space the ground truth
 * holds, and then the same for every setting, seed and executor. Two comment lines ({@code #}) say
 * how they were drawn; then one module hash per line, in hash order.
 */
public final class CellList {

  /** The file in the run folder. */
  public static final String CELLS_TXT = "cells.txt";

  /** run.json's configuration field listing the hashes (outside the configuration hash). */
  public static final String CELL_HASHES = "cellHashes";

  /** run.json's configuration field naming what the ground truth's accuracy of a cell is. */
  public static final String GROUND_TRUTH_LABEL = "groundTruthLabel";

  private CellList() {}

  /**
   * Draws the cells of {@code s}'s sample among those {@code gt} holds and writes {@value
   * #CELLS_TXT} atomically.
   *
   * @throws IllegalArgumentException when the ground truth holds fewer cells of the space than the
   *     sample asks for, naming both
   */
  static List<Nb101Cell> draw(SuiteRunner.Settings s, GroundTruth gt, Path groundTruthFile) {
    CellSearchSpace space = (CellSearchSpace) Spaces.byId(s.space());
    CandidateSample sample = s.cells();
    long held = space.enumeration().hashes().filter(gt::contains).count();
    List<Nb101Cell> cells = sample.draw(space, gt::contains, gt::meanValidationAccuracy);
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "# cells of %s every unit evaluates: %s, among the %,d of its %,d cells that %s holds%n",
            space.id(),
            sample.describe(),
            held,
            space.size(),
            groundTruthFile == null ? gt.description() : groundTruthFile.toString()));
    b.append(
        String.format(
            Locale.ROOT,
            "# ground truth: %s, %d epochs; one module hash per line, in hash order%n",
            GroundTruthLabel.of(gt, cells.stream().map(Nb101Cell::id).toList()),
            gt.epochs()));
    for (Nb101Cell c : cells) {
      b.append(c.id()).append('\n');
    }
    AtomicFiles.writeString(s.out().resolve(CELLS_TXT), b.toString());
    return cells;
  }

  /** True when the run folder holds {@value #CELLS_TXT}. */
  static boolean exists(Path out) {
    return Files.isRegularFile(out.resolve(CELLS_TXT));
  }

  /**
   * The module hashes of {@code out}'s {@value #CELLS_TXT}, in file order.
   *
   * @throws IllegalArgumentException naming the file (and line) when it is missing or a line is not
   *     a 32-hex-digit hash
   */
  public static List<String> hashes(Path out) throws IOException {
    Path file = out.resolve(CELLS_TXT);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          out
              + " holds no "
              + CELLS_TXT
              + ": a cell-space plan writes it when it is first planned ('harness suite plan --out "
              + out
              + " --space ID --groundtruth FILE')");
    }
    List<String> out2 = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (!line.matches("[0-9a-f]{32}")) {
        throw new IllegalArgumentException(
            file
                + ":"
                + (i + 1)
                + ": '"
                + line
                + "' is not a module hash (32 lowercase hex digits)");
      }
      out2.add(line);
    }
    if (out2.isEmpty()) {
      throw new IllegalArgumentException(file + ": no cell");
    }
    return List.copyOf(out2);
  }

  /**
   * The cells of {@code out}'s {@value #CELLS_TXT} in space {@code spaceId}.
   *
   * @throws IllegalArgumentException naming the file and the hash that is not a cell of the space
   */
  public static List<Nb101Cell> read(Path out, String spaceId) throws IOException {
    SearchSpace<?> space = Spaces.byId(spaceId);
    List<Nb101Cell> cells = new ArrayList<>();
    for (String h : hashes(out)) {
      try {
        cells.add((Nb101Cell) space.parse(h));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(out.resolve(CELLS_TXT) + ": " + e.getMessage(), e);
      }
    }
    return List.copyOf(cells);
  }
}
