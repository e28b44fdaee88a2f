package dev.nasrank.harness.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nasrank.datasets.DataRoot;
import dev.nasrank.harness.manifest.CodeCheckout;
import dev.nasrank.harness.setting.Study;
import dev.nasrank.harness.train.DeviceOption;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The configuration hash the CI baselines record is the one the ci profile gives today: a change of
 * the configuration records or of their serialisation shows here, not first as a red regress in CI.
 */
class CiBaselineHashTest {

  @Test
  void theCiProfilesHashIsTheOneItsBaselinesRecord() throws Exception {
    Path root = CodeCheckout.of(SuiteRunner.class).orElseThrow();
    SuiteRunner.Settings ci =
        SuiteRunner.Settings.builder()
            .setProfile(SuiteProfile.ci())
            .setStudy(Study.mixpath(List.of(4)))
            .setSeeds(List.of(2020L))
            .setOut(root.resolve("target/ci-suite"))
            .optDataRoot(DataRoot.of(root))
            .optDevice(DeviceOption.CPU)
            .build();
    String hash = SuiteRunner.configurationSha256(ci);
    ObjectMapper json = new ObjectMapper();
    for (String baseline : new String[] {"ci.json", "ci-reference.json"}) {
      assertEquals(
          json.readTree(root.resolve("results/baselines").resolve(baseline).toFile())
              .get("configurationSha256")
              .asText(),
          hash,
          baseline);
    }
  }
}
