package dev.nasrank.harness.candidates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nasrank.harness.space.S4Choice;
import dev.nasrank.harness.space.S4Space;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CandidatesCsvTest {
  @TempDir Path tmp;

  private static final String HEADER =
      "method,bn_strategy,calibrated,seed,choice,active_paths,module_hash,one_shot_accuracy\n";

  /** The real NAS-Bench-101 hash of an S4 choice. */
  private static String hash(String choice) {
    return S4Space.toSpec(S4Choice.parse(choice)).hash();
  }

  private static final String HASH = hash("n1:conv3x3");

  @Test
  void readsRowsWithDefaultMaxPaths() throws Exception {
    Path f = tmp.resolve("candidates.csv");
    Files.writeString(
        f,
        HEADER
            + "mixpath,linear_sbn,true,7,n1:conv3x3-bn-relu,1,"
            + HASH
            + ",0.8125\n"
            + "spos,none,false,7,\"n1:maxpool3x3,n2:conv1x1\",2,"
            + hash("n1:maxpool3x3,n2:conv1x1")
            + ",0.5\n");
    List<Candidate> rows = CandidatesCsv.read(f);
    assertEquals(2, rows.size());
    assertEquals(
        new Candidate(
            "mixpath", "linear_sbn", true, 7, "n1:conv3x3-bn-relu", 1, HASH, 0.8125, 4, "s4"),
        rows.get(0));
    assertEquals("n1:maxpool3x3,n2:conv1x1", rows.get(1).choice());
  }

  @Test
  void errorsNameFileLineAndValue() throws Exception {
    Path f = tmp.resolve("candidates.csv");
    Files.writeString(
        f,
        HEADER
            + "mixpath,linear_sbn,true,7,n1:conv3x3,1,"
            + HASH
            + ",0.8\n"
            + "mixpath,linear_sbn,true,7,n2:conv3x3,1,"
            + hash("n2:conv3x3")
            + ",1.7\n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CandidatesCsv.read(f));
    assertTrue(
        e.getMessage().contains("candidates.csv:3") && e.getMessage().contains("1.7"),
        e.getMessage());

    Files.writeString(f, HEADER + "mixpath,shadow,true,7,n1:conv3x3,1," + HASH + ",0.8\n");
    e = assertThrows(IllegalArgumentException.class, () -> CandidatesCsv.read(f));
    assertTrue(e.getMessage().contains("'shadow'"), e.getMessage());

    Files.writeString(f, HEADER + "mixpath,none,yes,7,n1:conv3x3,1," + HASH + ",0.8\n");
    e = assertThrows(IllegalArgumentException.class, () -> CandidatesCsv.read(f));
    assertTrue(e.getMessage().contains("'yes'"), e.getMessage());

    Files.writeString(
        f,
        HEADER
            + "mixpath,none,true,7,n1:conv3x3,1,"
            + HASH
            + ",0.8\nmixpath,none,true,7,"
            + "n1:conv3x3,1,"
            + HASH
            + ",0.7\n");
    e = assertThrows(IllegalArgumentException.class, () -> CandidatesCsv.read(f));
    assertTrue(e.getMessage().contains("duplicate"), e.getMessage());

    Files.writeString(f, "method,seed\nmixpath,1\n");
    e = assertThrows(IllegalArgumentException.class, () -> CandidatesCsv.read(f));
    assertTrue(e.getMessage().contains("missing column 'bn_strategy'"), e.getMessage());

    e =
        assertThrows(
            IllegalArgumentException.class, () -> CandidatesCsv.read(tmp.resolve("nope.csv")));
    assertTrue(e.getMessage().contains("nope.csv"), e.getMessage());
  }

  // issue 11, defect 11: choice not validated; active_paths / max_paths wrapped (4294967297 read as
  // 1)
  @Test
  void choiceActivePathsMaxPathsAndHashAreValidatedTogether() throws Exception {
    Path f = tmp.resolve("candidates.csv");
    String[][] cases = {
      {"mixpath,none,true,7,n5:conv3x3,1," + HASH + ",0.8", "choice 'n5:conv3x3'"},
      {"mixpath,none,true,7,banana,1," + HASH + ",0.8", "choice 'banana'"},
      {"mixpath,none,true,7,n1:conv3x3,4294967297," + HASH + ",0.8", "active_paths 4294967297"},
      {
        "mixpath,none,true,7,\"n1:conv3x3,n2:conv1x1\",1," + hash("n1:conv3x3,n2:conv1x1") + ",0.8",
        "active_paths 1 does not match"
      },
      {
        "mixpath,none,true,7,n1:conv3x3,1," + hash("n1:conv1x1") + ",0.8",
        "is not the hash of choice"
      },
    };
    for (String[] c : cases) {
      Files.writeString(f, HEADER + c[0] + "\n");
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> CandidatesCsv.read(f), c[0]);
      assertTrue(
          e.getMessage().startsWith(f + ":2: ") && e.getMessage().contains(c[1]), e.getMessage());
    }
    Files.writeString(
        f,
        HEADER.trim()
            + ",max_paths\nmixpath,none,true,7,n1:conv3x3,1,"
            + HASH
            + ",0.8,4294967297\n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CandidatesCsv.read(f));
    assertTrue(e.getMessage().contains("max_paths 4294967297"), e.getMessage());
  }

  /** A file written before the space column (the committed runs' form): every row is S4. */
  @Test
  void oldFilesReadAsS4AndAreWrittenBackWithTheSpaceColumnLast() throws Exception {
    Path f = tmp.resolve("candidates.csv");
    String oldHeader = HEADER.trim() + ",max_paths";
    String line1 = "mixpath,vanilla,false,2020,n1:conv3x3,1," + HASH + ",0.125,4";
    String line2 =
        "spos,vanilla,true,2020,\"n2:maxpool3x3,n4:conv1x1\",2,"
            + hash("n2:maxpool3x3,n4:conv1x1")
            + ",0.5,3";
    Files.writeString(f, oldHeader + "\r\n" + line1 + "\r\n" + line2 + "\r\n");
    List<Candidate> rows = CandidatesCsv.read(f);
    assertEquals(List.of("s4", "s4"), rows.stream().map(Candidate::space).toList());
    assertEquals(3, rows.get(1).maxPaths());

    Path out = tmp.resolve("out.csv");
    CandidatesCsv.write(out, rows, CandidatesCsv.Columns.MERGED);
    assertEquals(
        oldHeader + ",space\r\n" + line1 + ",s4\r\n" + line2 + ",s4\r\n",
        Files.readString(out),
        "the rest of each line is as before");
    assertEquals(rows, CandidatesCsv.read(out));

    CandidatesCsv.write(out, rows.subList(0, 1), CandidatesCsv.Columns.UNIT);
    assertEquals(
        HEADER.trim()
            + ",space\r\n"
            + "mixpath,vanilla,false,2020,n1:conv3x3,1,"
            + HASH
            + ",0.125,s4\r\n",
        Files.readString(out));
  }

  @Test
  void anUnknownSpaceIsRefusedNamingFileLineAndValue() throws Exception {
    Path f = tmp.resolve("candidates.csv");
    Files.writeString(
        f,
        HEADER.trim()
            + ",space\nmixpath,none,true,7,n1:conv3x3,1,"
            + HASH
            + ",0.8,s4\nmixpath,none,true,7,n1:conv3x3,1,"
            + HASH
            + ",0.8,nb999\n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CandidatesCsv.read(f));
    assertEquals(
        f
            + ":3: unknown search space 'nb999' (known: s4, nb101, nb101-v4, nb101-v5, nb101-v6, "
            + "1shot1-ss1, 1shot1-ss2, 1shot1-ss3)",
        e.getMessage());
  }

  @Test
  void theBuilderNamesWhatIsMissingAndDefaultsMAndSpace() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> Candidate.builder().setMethod("mixpath").setSeed(1).build());
    assertEquals(
        "a candidate needs bnStrategy, calibrated, architecture, oneShotAccuracy: set them before"
            + " build()",
        e.getMessage());
    Candidate c =
        Candidate.builder()
            .setMethod("mixpath")
            .setBnStrategy("linear_sbn")
            .setCalibrated(true)
            .setSeed(7)
            .setArchitecture("n1:conv3x3-bn-relu", 1, HASH)
            .setOneShotAccuracy(0.8125)
            .build();
    assertEquals(
        new Candidate(
            "mixpath", "linear_sbn", true, 7, "n1:conv3x3-bn-relu", 1, HASH, 0.8125, 4, "s4"),
        c);
  }

  @Test
  void cellSpaceFilesNameEachCellByHashAndStoredSpecAndAreCheckedOnReading() throws Exception {
    dev.nasrank.harness.space.CellSearchSpace v4 =
        dev.nasrank.harness.space.CellSearchSpace.of(dev.nasrank.benchbridge.CellSpace.NB101_V4);
    List<Candidate> rows = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      dev.nasrank.harness.space.Nb101Cell c = v4.candidates().get(i);
      rows.add(
          Candidate.builder()
              .setMethod("mixpath")
              .setBnStrategy("linear_sbn")
              .setCalibrated(true)
              .setSeed(2020)
              .setArchitecture(c.id(), c.activePaths(), c.moduleHash())
              .setOneShotAccuracy(0.25 * i)
              .optSpace("nb101-v4")
              .build());
    }
    Path f = tmp.resolve("cells.csv");
    CandidatesCsv.write(f, rows, CandidatesCsv.Columns.MERGED);
    List<String> lines = Files.readAllLines(f);
    assertEquals(
        "method,bn_strategy,calibrated,seed,choice,active_paths,module_hash,one_shot_accuracy,"
            + "max_paths,space,adjacency,operations",
        lines.get(0));
    dev.nasrank.benchbridge.ModelSpec first = v4.candidates().get(0).spec();
    String h = first.hash();
    assertEquals(
        "mixpath,linear_sbn,true,2020,"
            + h
            + ","
            + rows.get(0).activePaths()
            + ","
            + h
            + ",0.0,4,nb101-v4,"
            + first.adjacencyString()
            + ",\""
            + first.operationsString()
            + "\"",
        lines.get(1));
    // the spec columns are NAS-Bench-101's record form: they hash to module_hash
    assertEquals(
        h,
        dev.nasrank.benchbridge.ModelSpec.parse(first.adjacencyString(), first.operationsString())
            .hash());
    assertEquals(rows, CandidatesCsv.read(f));
    // a cell that is not the row's: refused naming file, line and both forms
    String other = v4.candidates().get(1).spec().adjacencyString();
    Files.writeString(
        f,
        String.join("\n", lines).replaceFirst(first.adjacencyString() + ",", other + ",") + "\n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CandidatesCsv.read(f));
    assertTrue(
        e.getMessage().startsWith(f + ":2: adjacency '" + other + "' and operations"),
        e.getMessage());
    // S4 files keep their columns: space last, no spec
    Path s4 = tmp.resolve("s4.csv");
    CandidatesCsv.write(
        s4,
        List.of(new Candidate("mixpath", "none", false, 1, "n1:conv3x3", 1, HASH, 0.5, 4, "s4")),
        CandidatesCsv.Columns.UNIT);
    assertEquals(
        HEADER + "mixpath,none,false,1,n1:conv3x3,1," + HASH + ",0.5,s4\n",
        Files.readString(s4)
            .replace("\r\n", "\n")
            .replace("one_shot_accuracy\n", "one_shot_accuracy\n")
            .replace(",space\n", "\n"));
  }
}
