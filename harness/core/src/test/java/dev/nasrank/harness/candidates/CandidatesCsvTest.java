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
        new Candidate("mixpath", "linear_sbn", true, 7, "n1:conv3x3-bn-relu", 1, HASH, 0.8125, 4),
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
}
