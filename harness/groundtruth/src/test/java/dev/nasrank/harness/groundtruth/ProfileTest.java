package dev.nasrank.harness.groundtruth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nasrank.harness.config.DataSplit;
import dev.nasrank.harness.config.NetworkShape;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ground-truth protocol's name and records, and the folders pinned before it was renamed. */
class ProfileTest {

  /**
   * profile.json of datasets/groundtruth/s4-mini as generated on 2026-11-24, before the rename (5
   * seeds).
   */
  static final String PINNED_BEFORE_RENAME =
      "{\"name\":\"mini\",\"network\":{\"stemChannels\":16,\"stacks\":3,\"cellsPerStack\":1,\"classes\":10},"
          + "\"split\":\"mini\",\"epochs\":12,\"batchSize\":128,\"evalBatchSize\":256,\"trainEvalImages\":1024,"
          + "\"learningRate\":0.1,\"momentum\":0.9,\"weightDecay\":5.0E-4,\"warmupEpochs\":1,\"bnMomentum\":0.9,"
          + "\"augment\":true,\"seeds\":[1001,1002,1003,1004,1005]}";

  @Test
  void aProfilePinnedBeforeTheRenameReadsAsS4MiniAndGrowsBySeeds(@TempDir Path dir)
      throws Exception {
    Profile read = new ObjectMapper().readValue(PINNED_BEFORE_RENAME, Profile.class);
    // same protocol (so `groundtruth generate` still resumes that folder), under its new name; the
    // profile now
    // defines seeds for 10 repeats, of which the folder's 5 are the first
    assertEquals("s4-mini", read.name());
    assertEquals(java.util.List.of(1001L, 1002L, 1003L, 1004L, 1005L), read.seeds());
    assertTrue(read.sameProtocolAs(Profile.s4Mini()) && Profile.s4Mini().sameProtocolAs(read));
    assertEquals(Profile.s4Mini(), read.withSeeds(Profile.s4Mini().seeds()));
    assertEquals(NetworkShape.S4_MINI, read.network());
    assertEquals(DataSplit.MINI, read.split());
    assertFalse(read.sameProtocolAs(Profile.s4Mini().withSeeds(java.util.List.of(1001L, 7L))));
    assertFalse(read.sameProtocolAs(Profile.s4Mini().withEpochs(4)));
    // pinning the longer list over the old file records it; another protocol is still refused
    Files.writeString(dir.resolve("profile.json"), PINNED_BEFORE_RENAME);
    UnitStore store = new UnitStore(dir);
    store.pinProfile(Profile.s4Mini());
    assertEquals(Profile.s4Mini(), store.recordedProfile());
    assertThrows(
        IllegalStateException.class, () -> store.pinProfile(Profile.s4Mini().withEpochs(4)));
    // the embedded ground truth's folder reads as the same protocol, whichever number of seeds it
    // records now
    Path embedded = EmbeddedGroundTruth.resolve(null).getParent().resolve("profile.json");
    assertTrue(
        new ObjectMapper()
            .readValue(embedded.toFile(), Profile.class)
            .sameProtocolAs(Profile.s4Mini()));
  }

  @Test
  void theOldNameIsRefusedOnTheCommandLineNamingTheNewOne() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Profile.named("mini"));
    assertTrue(e.getMessage().contains("now called 's4-mini'"), e.getMessage());
    assertEquals("s4-mini", Profile.named("s4-mini").name());
    assertEquals(DataSplit.NB101, Profile.named("nasbench101").split());
  }

  @Test
  void aProfileRoundTripsThroughJsonWithTheSplitsOneVocabulary(@TempDir Path dir) throws Exception {
    ObjectMapper json = new ObjectMapper();
    String text = json.writeValueAsString(Profile.nasbench101());
    assertTrue(text.contains("\"split\":\"nb101\""), text);
    assertEquals(Profile.nasbench101(), json.readValue(text, Profile.class));
    // protocols written before the vocabulary called NAS-Bench-101's split "full"
    assertEquals(
        Profile.nasbench101(),
        json.readValue(text.replace("\"nb101\"", "\"full\""), Profile.class));
  }
}
