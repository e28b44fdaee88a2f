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

  @Test
  void theEmbeddedGroundTruthsPinnedProfileStillReadsAsS4Mini() throws Exception {
    Path pinned = EmbeddedGroundTruth.resolve(null).getParent().resolve("profile.json");
    assertTrue(Files.readString(pinned).contains("\"name\" : \"mini\""), "written before the rename");
    Profile read = new ObjectMapper().readValue(pinned.toFile(), Profile.class);
    // same protocol (so `groundtruth generate` still resumes that folder), under its new name; the profile now
    // defines seeds for 10 repeats, of which the folder's 5 are the first
    assertEquals("s4-mini", read.name());
    assertEquals(java.util.List.of(1001L, 1002L, 1003L, 1004L, 1005L), read.seeds());
    assertTrue(read.sameProtocolAs(Profile.s4Mini()) && Profile.s4Mini().sameProtocolAs(read));
    assertEquals(Profile.s4Mini(), read.withSeeds(Profile.s4Mini().seeds()));
    assertFalse(read.sameProtocolAs(Profile.s4Mini().withSeeds(java.util.List.of(1001L, 7L))));
    assertFalse(read.sameProtocolAs(Profile.s4Mini().withEpochs(4)));
    assertEquals(NetworkShape.S4_MINI, read.network());
    assertEquals(DataSplit.MINI, read.split());
  }

  @Test
  void theOldNameIsRefusedOnTheCommandLineNamingTheNewOne() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Profile.named("mini"));
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
    assertEquals(Profile.nasbench101(), json.readValue(text.replace("\"nb101\"", "\"full\""), Profile.class));
  }
}
