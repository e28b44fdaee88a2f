package dev.nasrank.harness.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nasrank.harness.candidates.CandidatesCsv;
import dev.nasrank.harness.setting.BnStrategy;
import dev.nasrank.harness.setting.Method;
import dev.nasrank.harness.space.S4Choice;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultCsvTest {

  private static CandidateResult row(String choice, boolean calibrated, double acc) {
    S4Choice c = S4Choice.parse(choice);
    return new CandidateResult(
        "s4", Method.SPOS, BnStrategy.SIMPLE_SCALING, calibrated, 2020, c, acc);
  }

  @Test
  void aggregatesIsomorphicChoicesAndRoundTrips(@TempDir Path dir) throws IOException {
    List<CandidateResult> rows =
        List.of(
            row("n1:conv3x3", false, 0.5),
            row("n2:conv3x3", false, 0.25),
            row("n1:conv1x1,n2:maxpool3x3", false, 0.75),
            row("n1:conv3x3", true, 0.625));
    List<ArchitectureResult> archs = ArchitectureResult.aggregate(rows);
    assertEquals(3, archs.size());
    assertEquals(2, archs.get(0).nChoices());
    assertEquals(0.375, archs.get(0).meanOneShotAccuracy(), 1e-12);
    assertEquals(1, archs.get(1).nChoices());
    assertEquals(true, archs.get(2).calibrated());
    assertEquals(0.625, archs.get(2).meanOneShotAccuracy(), 1e-12);

    Path cand = dir.resolve("candidates.csv");
    ResultCsv.writeCandidates(cand, rows);
    List<String> lines = Files.readAllLines(cand, StandardCharsets.UTF_8);
    assertEquals(
        "method,bn_strategy,calibrated,seed,choice,active_paths,module_hash,one_shot_accuracy,space",
        lines.get(0));
    assertEquals(
        "spos,simple_scaling,false,2020,n1:conv3x3,1," + rows.get(0).moduleHash() + ",0.5,s4",
        lines.get(1));
    assertEquals(
        "spos,simple_scaling,false,2020,\"n1:conv1x1,n2:maxpool3x3\",2,"
            + rows.get(2).moduleHash()
            + ",0.75,s4",
        lines.get(3));
    // read back by the one reader, which checks every row (choice, active paths, hash)
    assertEquals(
        rows.stream().map(CandidateResult::toCandidate).toList(), CandidatesCsv.read(cand));

    Path arch = dir.resolve("architectures.csv");
    ResultCsv.writeArchitectures(arch, archs);
    List<String> al = Files.readAllLines(arch, StandardCharsets.UTF_8);
    assertEquals(
        "method,bn_strategy,calibrated,seed,module_hash,n_choices,mean_one_shot_accuracy",
        al.get(0));
    assertEquals(
        "spos,simple_scaling,false,2020," + rows.get(0).moduleHash() + ",2,0.375", al.get(1));
    try (var files = Files.list(dir)) {
      assertEquals(2, files.count(), "no temp files left behind");
    }

    Files.writeString(
        dir.resolve("bad.csv"),
        String.join(",", CandidatesCsv.HEADER)
            + "\nspos,simple_scaling,false,2020,n9:conv3x3,1,abc,0.5\n");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> CandidatesCsv.read(dir.resolve("bad.csv")));
    assertEquals(
        true,
        e.getMessage().contains("bad.csv:2: choice 'n9:conv3x3' is not a candidate of space s4"),
        e.getMessage());
  }
}
