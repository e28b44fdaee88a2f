package dev.nasrank.datasets.manifest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.nasrank.datasets.DataRoot;
import dev.nasrank.files.Checksums;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fetch path against a local HTTP server on 127.0.0.1 serving a small synthetic tar.gz. */
class DatasetFetcherTest {

  private static final String PREFIX = "synthetic-bin/";

  @TempDir Path root;
  private HttpServer server;
  private byte[] archive;
  private final byte[] fileA = bytes(2 * 3073, 11);
  private final byte[] fileB = bytes(3 * 3073, 29);
  private final List<long[]> progress = new ArrayList<>();

  private static byte[] bytes(int n, int salt) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (i * salt + (i >> 8));
    }
    return b;
  }

  private static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  private static String md5(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(b));
  }

  private static byte[] tarGz(Map<String, byte[]> members) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar =
        new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
      TarArchiveEntry dir = new TarArchiveEntry(PREFIX);
      tar.putArchiveEntry(dir);
      tar.closeArchiveEntry();
      for (Map.Entry<String, byte[]> m : members.entrySet()) {
        TarArchiveEntry e = new TarArchiveEntry(m.getKey());
        e.setSize(m.getValue().length);
        tar.putArchiveEntry(e);
        tar.write(m.getValue());
        tar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  private DatasetEntry entry(String md5, String shaA) throws Exception {
    return new DatasetEntry(
        "synthetic",
        "synthetic-bin",
        "synthetic test data",
        "http://127.0.0.1/",
        "none",
        "run the test",
        "archive MD5",
        new ArchiveSpec("http://127.0.0.1/synthetic.tar.gz", md5, PREFIX),
        List.of(
            new FileSpec("a.bin", fileA.length, shaA), new FileSpec("b.bin", fileB.length, null)));
  }

  private URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/synthetic.tar.gz");
  }

  private DatasetFetcher fetcher() {
    return new DatasetFetcher(msg -> {}, (done, total) -> progress.add(new long[] {done, total}));
  }

  @BeforeEach
  void serve() throws Exception {
    Map<String, byte[]> members = new LinkedHashMap<>();
    members.put(PREFIX + "a.bin", fileA);
    members.put(PREFIX + "readme.html", bytes(100, 3));
    members.put(PREFIX + "b.bin", fileB);
    archive = tarGz(members);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/synthetic.tar.gz",
        exchange -> {
          exchange.sendResponseHeaders(200, archive.length);
          exchange.getResponseBody().write(archive);
          exchange.close();
        });
    server.createContext(
        "/missing.tar.gz",
        exchange -> {
          exchange.sendResponseHeaders(404, -1);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private List<Path> allFiles() throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).toList();
    }
  }

  @Test
  void downloadsVerifiesAndExtractsTheListedFiles() throws Exception {
    DatasetEntry entry = entry(md5(archive), sha256(fileA));
    DatasetFetcher.Result result = fetcher().fetch(DataRoot.of(root), entry, url());
    assertEquals(md5(archive), result.archiveMd5());
    assertEquals(archive.length, result.archiveBytes());
    assertArrayEquals(fileA, Files.readAllBytes(root.resolve("synthetic-bin/a.bin")));
    assertArrayEquals(fileB, Files.readAllBytes(root.resolve("synthetic-bin/b.bin")));
    // Only the listed files, no temporary files, no archive left behind; readme.html not extracted.
    assertEquals(2, allFiles().size(), allFiles().toString());
    assertEquals(archive.length, progress.get(progress.size() - 1)[0]);
    assertEquals(archive.length, progress.get(progress.size() - 1)[1]);
    List<FileCheck> checks = ManifestVerifier.verify(DataRoot.of(root), entry);
    assertTrue(checks.stream().allMatch(FileCheck::ok), checks.toString());
  }

  @Test
  void archiveChecksumMismatchLeavesNoFileBehind() throws Exception {
    String wrong = "0123456789abcdef0123456789abcdef";
    DatasetEntry entry = entry(wrong, sha256(fileA));
    ChecksumMismatchException e =
        assertThrows(
            ChecksumMismatchException.class,
            () -> fetcher().fetch(DataRoot.of(root), entry, url()));
    assertTrue(e.getMessage().contains(wrong), e.getMessage());
    assertTrue(e.getMessage().contains(md5(archive)), e.getMessage());
    assertTrue(e.getMessage().contains("nothing was written"), e.getMessage());
    assertEquals(List.of(), allFiles());
  }

  @Test
  void memberChecksumMismatchLeavesNoFileBehind() throws Exception {
    String wrongSha = "ab".repeat(32);
    DatasetEntry entry = entry(md5(archive), wrongSha);
    ChecksumMismatchException e =
        assertThrows(
            ChecksumMismatchException.class,
            () -> fetcher().fetch(DataRoot.of(root), entry, url()));
    assertTrue(e.getMessage().contains("a.bin"), e.getMessage());
    assertTrue(e.getMessage().contains(wrongSha), e.getMessage());
    assertTrue(e.getMessage().contains(sha256(fileA)), e.getMessage());
    assertEquals(List.of(), allFiles());
  }

  @Test
  void httpErrorIsReportedAndLeavesNothing() throws Exception {
    DatasetEntry entry = entry(md5(archive), sha256(fileA));
    URI missing =
        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/missing.tar.gz");
    IOException e =
        assertThrows(IOException.class, () -> fetcher().fetch(DataRoot.of(root), entry, missing));
    assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
    assertEquals(List.of(), allFiles());
  }

  @Test
  void localArchiveIsCheckedTheSameWay() throws Exception {
    Path local = Files.createTempFile("synthetic", ".tar.gz");
    try {
      Files.write(local, archive);
      DatasetEntry entry = entry(md5(archive), sha256(fileA));
      fetcher().fromArchive(DataRoot.of(root), entry, local);
      assertEquals(sha256(fileB), Checksums.sha256(root.resolve("synthetic-bin/b.bin")));
    } finally {
      Files.delete(local);
    }
  }

  @Test
  void subsetWriterTakesPrefixesAndChecksThem() throws Exception {
    DatasetEntry full = entry(md5(archive), sha256(fileA));
    fetcher().fetch(DataRoot.of(root), full, url());
    byte[] prefix = java.util.Arrays.copyOf(fileB, 3073);
    DatasetEntry subset =
        new DatasetEntry(
            "sub",
            "sub-bin",
            "first record",
            "x",
            "none",
            "derive",
            "sha",
            null,
            List.of(new FileSpec("b.bin", 3073, sha256(prefix))));
    List<Path> written = SubsetWriter.write(DataRoot.of(root), full, subset);
    assertEquals(1, written.size());
    assertArrayEquals(prefix, Files.readAllBytes(root.resolve("sub-bin/b.bin")));
    assertEquals(
        List.of(), SubsetWriter.write(DataRoot.of(root), full, subset), "a matching file is kept");

    DatasetEntry wrong =
        new DatasetEntry(
            "sub2",
            "sub2-bin",
            "first record",
            "x",
            "none",
            "derive",
            "sha",
            null,
            List.of(new FileSpec("b.bin", 3073, "cd".repeat(32))));
    assertThrows(
        ChecksumMismatchException.class, () -> SubsetWriter.write(DataRoot.of(root), full, wrong));
    assertFalse(Files.exists(root.resolve("sub2-bin/b.bin")));
    try (Stream<Path> s = Files.list(root.resolve("sub2-bin"))) {
      assertEquals(0, s.count(), "no temporary file left");
    }
  }
}
