package dev.nasrank.harness.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nasrank.benchbridge.CellSpace;
import dev.nasrank.benchbridge.io.PartialDump;
import dev.nasrank.datasets.DataRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The candidate sample of a cell space: uniform among the held cells, or stratified. */
class CandidateSampleTest {

  /**
   * The uniform 24 of the 20k dump's cells (all of them lie in nb101), seed 2020, as an independent
   * re-implementation computed them: java.util.Random's LCG and nextInt written out in Python, the
   * same partial Fisher-Yates over the dump's sorted keys (/tmp script of the commit that added
   * this test; its 500-cell sample gives the params tau-b the reporter's test checks).
   */
  static final List<String> UNIFORM_24_OF_20K =
      List.of(
          "004ad5a6dbda663f4ee763bf74b1909f",
          "008a28b24b070e92c32e933f717048fc",
          "00b1dac4fb50f5cd1232032631988eac",
          "014c71f490fe79d19e2eb4658679f428",
          "0166e13aacd000a8b9160f1546890b27",
          "0185d5d74ae6ea6290c599b6c7fa4cb8",
          "029378fddf023fa918c9dd360b8bb059",
          "0378ea9174751605c4318d984d1d72bd",
          "0395e633c5ff460fbed2bc13f91ba1f3",
          "0401faa16fd087ca693aa0d9126c1d68",
          "04a6fca9805c7dee6f91684b5a8ac770",
          "04e00428d2981c97bdf326a181b1ab64",
          "053081a14616331f19d9770ccefaf38c",
          "06052cdb785061a02d39b159a1d2f73c",
          "06135e4d9ed6775deb79ed5955032c81",
          "06301928c802e2dc6f7f5319e1eccd35",
          "072955d03a24b235fa139eefb9fb7dbc",
          "085225cb30df4b4b0be7d42956973d52",
          "08b1dbce5a04200b502540e106f91e38",
          "09313a2c41329c3379d686bbe8a8467a",
          "09c341e48d4e494d7bf0b89a5383f916",
          "0a4f0625516dc89d77ff6b579b3f2b09",
          "0af566fb95fe84820d9901c159f43faa",
          "0bc28a0dee2cf0d48cb9ea8da2b3d53b");

  static Path dump20k() {
    return DataRoot.resolve(null).root().resolve("nasbench101-partial/nasbench-vis_data-20k.json");
  }

  @Test
  void theUniformSampleOfTheDumpsCellsIsTheIndependentlyComputedOne() throws Exception {
    Path file = dump20k();
    assumeTrue(Files.isRegularFile(file), "needs " + file);
    PartialDump dump = PartialDump.open(file, null);
    CellSearchSpace nb101 = CellSearchSpace.of(CellSpace.NB101);
    List<Nb101Cell> cells = CandidateSample.uniform(24).draw(nb101, dump::contains, h -> 0);
    assertEquals(UNIFORM_24_OF_20K, cells.stream().map(Nb101Cell::id).toList());
    // the draw equals SearchSpace.sample over the same eligible cells (one definition of uniform)
    CellSearchSpace v5 = CellSearchSpace.of(CellSpace.NB101_V5);
    assertEquals(
        v5.sample(7, 11, c -> c.id().charAt(0) < '8'),
        new CandidateSample(CandidateSample.Mode.UNIFORM, 7, 11)
            .draw(v5, h -> h.charAt(0) < '8', h -> 0));
  }

  @Test
  void theStratifiedSampleTakesEqualCountsFromEveryAccuracyDecile() {
    CellSearchSpace v5 = CellSearchSpace.of(CellSpace.NB101_V5);
    // a made-up accuracy: the hash's last 6 hex digits as a fraction; held: hashes not ending in 0
    Map<String, Double> acc = new HashMap<>();
    List<String> held = new ArrayList<>();
    v5.enumeration()
        .hashes()
        .filter(h -> !h.endsWith("0"))
        .forEach(
            h -> {
              acc.put(h, Integer.parseInt(h.substring(26), 16) / (double) (1 << 24));
              held.add(h);
            });
    int n = 53;
    CandidateSample s = new CandidateSample(CandidateSample.Mode.STRATIFIED, n, 2020);
    List<Nb101Cell> cells = s.draw(v5, acc::containsKey, acc::get);
    assertEquals(n, cells.size());
    assertEquals(n, new TreeSet<>(cells.stream().map(Nb101Cell::id).toList()).size());
    // bins of the held cells by accuracy, computed here: 10 of equal count, the first P mod 10
    // one larger; bin b must give 5 cells, 6 for the first 3 (53 = 10 x 5 + 3)
    held.sort(Comparator.comparingDouble(acc::get));
    int p = held.size();
    int start = 0;
    Set<String> chosen = new TreeSet<>(cells.stream().map(Nb101Cell::id).toList());
    for (int b = 0; b < 10; b++) {
      int size = p / 10 + (b < p % 10 ? 1 : 0);
      long inBin = held.subList(start, start + size).stream().filter(chosen::contains).count();
      assertEquals(b < 3 ? 6 : 5, inBin, "bin " + b);
      start += size;
    }
    // in hash order, reproducible, and another seed draws others
    List<String> ids = cells.stream().map(Nb101Cell::id).toList();
    assertEquals(ids.stream().sorted().toList(), ids);
    assertEquals(cells, s.draw(v5, acc::containsKey, acc::get));
    assertEquals(
        false,
        cells.equals(
            new CandidateSample(CandidateSample.Mode.STRATIFIED, n, 2021)
                .draw(v5, acc::containsKey, acc::get)));
  }

  @Test
  void tooFewHeldCellsAndBadValuesAreRefusedNamingTheCounts() {
    CellSearchSpace v4 = CellSearchSpace.of(CellSpace.NB101_V4);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> CandidateSample.uniform(8).draw(v4, h -> h.startsWith("00"), h -> 0));
    assertEquals(
        "cannot sample 8 cells of space nb101-v4: the ground truth holds "
            + v4.enumeration().hashes().filter(h -> h.startsWith("00")).count()
            + " of its 91 cells (--cells must be 1.."
            + v4.enumeration().hashes().filter(h -> h.startsWith("00")).count()
            + ")",
        e.getMessage());
    assertEquals(
        "the number of cells must be >= 1, got 0",
        assertThrows(IllegalArgumentException.class, () -> CandidateSample.uniform(0))
            .getMessage());
    assertEquals(CandidateSample.Mode.STRATIFIED, CandidateSample.Mode.parse("Stratified"));
    assertEquals(
        "unknown cell sample 'random' (expected uniform or stratified)",
        assertThrows(IllegalArgumentException.class, () -> CandidateSample.Mode.parse("random"))
            .getMessage());
  }

  @Test
  void noVertexOfAnyNasBench101CellSumsMoreThanTheCellSettingsM() {
    dev.nasrank.benchbridge.SearchSpace all = CellSearchSpace.of(CellSpace.NB101).enumeration();
    int max = 0;
    int none = 0;
    for (int i = 0; i < all.size(); i++) {
      dev.nasrank.benchbridge.ModelSpec spec = all.specAt(i);
      int cell = 0;
      for (int v = 1; v < spec.vertexCount() - 1; v++) {
        cell = Math.max(cell, spec.inDegree(v));
      }
      max = Math.max(max, cell);
      none += cell == 0 ? 1 : 0;
    }
    assertEquals(dev.nasrank.harness.setting.SupernetSetting.CELL_MAX_PATHS, max);
    // input -> output alone: active_paths 0 in candidates.csv
    assertEquals(1, none);
  }
}
