package dev.nasrank.harness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CandidatesCsvTest {
  @TempDir
  Path tmp;

  private static final String HEADER =
      "method,bn_strategy,calibrated,seed,choice,active_paths,module_hash,one_shot_accuracy\n";
  private static final String HASH = "0123456789abcdef0123456789abcdef";

  @Test
  void readsRowsWithDefaultMaxPaths() throws Exception {
    Path f = tmp.resolve("candidates.csv");
    Files.writeString(f, HEADER + "mixpath,linear_sbn,true,7,n1:conv3x3-bn-relu,1," + HASH + ",0.8125\n"
        + "spos,none,false,7,\"n1:maxpool3x3;n2:conv1x1-bn-relu\",2," + HASH + ",0.5\n");
    List<Candidate> rows = CandidatesCsv.read(f);
    assertEquals(2, rows.size());
    assertEquals(new Candidate("mixpath", "linear_sbn", true, 7, "n1:conv3x3-bn-relu", 1, HASH, 0.8125, 4),
        rows.get(0));
    assertEquals("n1:maxpool3x3;n2:conv1x1-bn-relu", rows.get(1).choice());
  }

  @Test
  void errorsNameFileLineAndValue() throws Exception {
    Path f = tmp.resolve("candidates.csv");
    Files.writeString(f, HEADER + "mixpath,linear_sbn,true,7,a,1," + HASH + ",0.8\n"
        + "mixpath,linear_sbn,true,7,b,1," + HASH + ",1.7\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CandidatesCsv.read(f));
    assertTrue(e.getMessage().contains("candidates.csv:3") && e.getMessage().contains("1.7"), e.getMessage());

    Files.writeString(f, HEADER + "mixpath,shadow,true,7,a,1," + HASH + ",0.8\n");
    e = assertThrows(IllegalArgumentException.class, () -> CandidatesCsv.read(f));
    assertTrue(e.getMessage().contains("'shadow'"), e.getMessage());

    Files.writeString(f, HEADER + "mixpath,none,yes,7,a,1," + HASH + ",0.8\n");
    e = assertThrows(IllegalArgumentException.class, () -> CandidatesCsv.read(f));
    assertTrue(e.getMessage().contains("'yes'"), e.getMessage());

    Files.writeString(f, HEADER + "mixpath,none,true,7,a,1," + HASH + ",0.8\nmixpath,none,true,7,a,1," + HASH
        + ",0.7\n");
    e = assertThrows(IllegalArgumentException.class, () -> CandidatesCsv.read(f));
    assertTrue(e.getMessage().contains("duplicate"), e.getMessage());

    Files.writeString(f, "method,seed\nmixpath,1\n");
    e = assertThrows(IllegalArgumentException.class, () -> CandidatesCsv.read(f));
    assertTrue(e.getMessage().contains("missing column 'bn_strategy'"), e.getMessage());

    e = assertThrows(IllegalArgumentException.class, () -> CandidatesCsv.read(tmp.resolve("nope.csv")));
    assertTrue(e.getMessage().contains("nope.csv"), e.getMessage());
  }
}
