package dev.nasrank.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nasrank.datasets.TestData;
import dev.nasrank.files.Checksums;
import dev.nasrank.harness.groundtruth.EmbeddedGroundTruth;
import dev.nasrank.harness.manifest.ManifestIo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed proxy-fidelity study (results/fidelity/nb101-sample-40) reproduces from its
 * committed ground truth with one command, and records what made it.
 */
class FidelityCommandTest {

  @Test
  void theCommittedStudyReproducesAndItsRunJsonNamesBothFiles(@TempDir Path out) throws Exception {
    Path dump = TestData.require("nasbench101-partial/nasbench-vis_data-20k.json");
    Path study =
        EmbeddedGroundTruth.installationRoot()
            .orElseThrow()
            .resolve("results/fidelity/nb101-sample-40");
    assertEquals(
        Main.OK,
        Main.run(
            "fidelity",
            "--groundtruth",
            study.toString(),
            "--nasbench",
            dump.toString(),
            "--out",
            out.toString()));
    // the same bootstrap seed and resamples: every number of the committed study, byte for byte
    assertEquals(
        Files.readAllLines(study.resolve("study/fidelity.csv")),
        Files.readAllLines(out.resolve("fidelity.csv")));
    List<String> md = Files.readAllLines(out.resolve("fidelity.md"));
    assertTrue(
        md.contains("40 cells; trainable parameters equal NAS-Bench-101's for 40 of 40."),
        md.toString());
    assertTrue(
        md.contains(
            "| ours (12 ep) | NB101 108 ep | 40 | 0.565 [0.399, 0.707] | 0.745 [0.544, 0.867] |"),
        md.toString());
    JsonNode run = ManifestIo.read(out.resolve("run.json"));
    assertEquals("fidelity", run.get("profile").asText());
    assertEquals(
        Checksums.sha256Tree(study.resolve("groundtruth.tfrecord")),
        run.at("/datasets/groundtruth").asText());
    assertEquals(Checksums.sha256Tree(dump), run.at("/datasets/nasbench").asText());
    assertEquals(2020, run.at("/seeds/bootstrap").asLong());
    assertEquals(1000, run.at("/configuration/bootstrapResamples").asInt());
  }
}
