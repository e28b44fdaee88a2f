package dev.nasrank.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Issue 24, item 5: the parent pom always sets {@code -Dnasrank.data.root}, and the old helpers
 * read it before {@code NASRANK_DATA_ROOT}, so tests skipped although the variable held the data.
 * The one helper follows {@link DataRoot}: the variable wins over the property.
 */
class TestDataTest {

  @Test
  void theEnvironmentVariableWinsOverTheBuildsProperty() {
    Properties p = new Properties();
    p.setProperty(DataRoot.SYSTEM_PROPERTY, "/from/the/pom");
    DataRoot r = TestData.rootFrom(Map.of(DataRoot.ENV_VARIABLE, "/from/the/env"), p);
    assertEquals(Path.of("/from/the/env"), r.root());
    assertEquals(DataRoot.Source.ENVIRONMENT, r.source());
    DataRoot prop = TestData.rootFrom(Map.of(), p);
    assertEquals(Path.of("/from/the/pom"), prop.root());
    assertEquals(DataRoot.Source.SYSTEM_PROPERTY, prop.source());
  }

  @Test
  void theHelperIsTheCommandsResolution() {
    assertEquals(DataRoot.resolve(null).root(), TestData.root().root());
    assertEquals(DataRoot.resolve(null).source(), TestData.root().source());
  }
}
