package dev.nasrank.benchbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.nasrank.benchbridge.io.NasbenchLoader;
import dev.nasrank.benchbridge.io.TestRecords;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Defect 1 of issue 11: a damaged binary cache must be refused naming the file, never read. */
class CacheDamageTest {

  @TempDir Path dir;

  @Test
  void everySingleBitFlipIsRefusedNamingTheFile() throws IOException {
    Path source = dir.resolve("src.tfrecord");
    Files.write(source, TestRecords.file(TestRecords.records(new Random(11), 5, 3)));
    NasBench nb = NasBench.open(source);
    Path cache = dir.resolve("good.nbcache");
    NasBenchCache.write(nb, source, cache);
    byte[] good = Files.readAllBytes(cache);
    int accepted = 0;
    StringBuilder firstAccepted = new StringBuilder();
    for (int i = 0; i < good.length; i++) {
      byte[] b = good.clone();
      b[i] ^= (byte) (1 << (i % 8));
      Path bad = dir.resolve("flip.nbcache");
      TestRecords.overwrite(bad, b);
      try {
        NasBench.open(bad);
        if (accepted++ == 0) {
          firstAccepted.append("byte ").append(i);
        }
      } catch (IOException e) {
        assertTrue(e.getMessage().contains(bad.toString()), "byte " + i + ": " + e.getMessage());
      } catch (RuntimeException e) {
        fail("byte " + i + ": " + e, e);
      }
    }
    assertEquals(
        0,
        accepted,
        accepted
            + " of "
            + good.length
            + " single-bit flips were accepted, first at "
            + firstAccepted);
  }

  @Test
  void aRefusedCacheFallsBackToItsTfRecordOnlyWhenAllowedAndOnlyToTheRightFile()
      throws IOException {
    Path source = dir.resolve("src.tfrecord");
    Files.write(source, TestRecords.file(TestRecords.records(new Random(12), 4, 3)));
    NasBench nb = NasBench.open(source);
    Path cache = dir.resolve("src.nbcache");
    NasBenchCache.write(nb, source, cache);
    byte[] b = Files.readAllBytes(cache);
    b[b.length / 2] ^= 0x20;
    Files.write(cache, b);

    CorruptCacheException refused =
        assertThrows(CorruptCacheException.class, () -> NasBench.open(cache));
    assertTrue(
        refused.getMessage().contains(cache.toString())
            && refused.getMessage().contains("checksum")
            && refused.getMessage().contains("nasbench cache"),
        refused.getMessage());

    List<String> warnings = new ArrayList<>();
    NasBench back = NasBench.open(cache, NasbenchLoader.Options.defaults(), true, warnings::add);
    assertEquals(nb.records(), back.records());
    String h = nb.hashAt(2);
    assertEquals(nb.finalEvaluation(h, 108, 2), back.finalEvaluation(h, 108, 2));
    assertEquals(2, warnings.size());
    assertTrue(
        warnings.get(1).contains("falling back to " + source.toAbsolutePath()), warnings.get(1));

    // a source that changed since the cache was built is no fallback
    Files.write(source, new byte[] {0}, java.nio.file.StandardOpenOption.APPEND);
    CorruptCacheException none =
        assertThrows(
            CorruptCacheException.class,
            () -> NasBench.open(cache, NasbenchLoader.Options.defaults(), true, w -> {}));
    assertTrue(none.getMessage().contains("no fallback"), none.getMessage());
  }

  @Test
  void aVersionOneCacheIsRefusedWithARebuildHint() throws IOException {
    Path source = dir.resolve("src.tfrecord");
    Files.write(source, TestRecords.file(TestRecords.records(new Random(13), 2, 1)));
    Path cache = dir.resolve("old.nbcache");
    NasBenchCache.write(NasBench.open(source), source, cache);
    byte[] b = Files.readAllBytes(cache);
    b[8] = 1;
    Files.write(cache, b);
    CorruptCacheException e = assertThrows(CorruptCacheException.class, () -> NasBench.open(cache));
    assertTrue(
        e.getMessage().contains("version 1") && e.getMessage().contains("rebuild"), e.getMessage());
  }
}
