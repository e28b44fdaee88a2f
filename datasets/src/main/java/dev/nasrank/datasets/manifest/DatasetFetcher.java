package dev.nasrank.datasets.manifest;

import dev.nasrank.datasets.DataRoot;
import dev.nasrank.files.AtomicFiles;
import dev.nasrank.files.Checksums;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Downloads a dataset's official archive, checks the published MD5, and extracts the manifest's
 * files into the dataset folder under the data root.
 *
 * <p>Nothing half-written is left behind: the archive is downloaded to a temporary file under the
 * data root, every member is extracted to a temporary file in the dataset folder and checked (exact
 * size, SHA-256 where recorded), and only when all match are they renamed into place. On any
 * failure every temporary file is deleted. The downloaded archive is deleted after extraction.
 */
public final class DatasetFetcher {

  /** Receives download progress: bytes so far and the total (-1 if the server did not say). */
  @FunctionalInterface
  public interface Progress {
    void update(long bytes, long total);
  }

  /**
   * What a fetch produced.
   *
   * @param dataset the dataset fetched
   * @param archiveMd5 MD5 of the archive (equal to the published one)
   * @param archiveBytes size of the archive
   * @param files the files written, absolute
   */
  public record Result(
      DatasetEntry dataset, String archiveMd5, long archiveBytes, List<Path> files) {}

  private final HttpClient client;
  private final Consumer<String> log;
  private final Progress progress;

  /** A fetcher with a default HTTP client (follows redirects, 30 s connect timeout). */
  public DatasetFetcher(Consumer<String> log, Progress progress) {
    this(
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(30))
            .build(),
        log,
        progress);
  }

  public DatasetFetcher(HttpClient client, Consumer<String> log, Progress progress) {
    this.client = Objects.requireNonNull(client, "client");
    this.log = Objects.requireNonNull(log, "log");
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  /** Downloads the dataset's archive from its official URL and extracts it under {@code root}. */
  public Result fetch(DataRoot root, DatasetEntry dataset) throws IOException {
    return fetch(root, dataset, URI.create(archiveOf(dataset).url()));
  }

  /**
   * As {@link #fetch(DataRoot, DatasetEntry)}, from another address (a mirror, or a local server in
   * tests).
   */
  public Result fetch(DataRoot root, DatasetEntry dataset, URI url) throws IOException {
    ArchiveSpec archive = archiveOf(dataset);
    Files.createDirectories(root.root());
    Path tmp = Files.createTempFile(root.root(), "." + archive.fileName() + ".", ".part");
    try {
      log.accept("downloading " + url + " to " + root.root());
      long bytes = download(url, tmp);
      return extractVerified(root, dataset, tmp, bytes, url.toString());
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Extracts a dataset from an archive already on disk (downloaded by hand); the MD5 is checked
   * first.
   */
  public Result fromArchive(DataRoot root, DatasetEntry dataset, Path archiveFile)
      throws IOException {
    if (!Files.isRegularFile(archiveFile)) {
      throw new IOException("archive " + archiveFile.toAbsolutePath() + " does not exist");
    }
    return extractVerified(
        root, dataset, archiveFile, Files.size(archiveFile), archiveFile.toString());
  }

  private Result extractVerified(
      DataRoot root, DatasetEntry dataset, Path archiveFile, long bytes, String from)
      throws IOException {
    ArchiveSpec archive = archiveOf(dataset);
    String md5 = Checksums.md5(archiveFile);
    if (!md5.equals(archive.md5())) {
      throw new ChecksumMismatchException(
          String.format(
              "archive from %s has MD5 %s (%d bytes), but the official %s is published with MD5 %s (see %s); "
                  + "nothing was written",
              from, md5, bytes, archive.fileName(), archive.md5(), dataset.sourceUrl()));
    }
    log.accept(
        "MD5 "
            + md5
            + " matches the published value; extracting into "
            + root.resolvePath(dataset.folder()));
    List<Path> written = extract(root.resolvePath(dataset.folder()), dataset, archiveFile);
    return new Result(dataset, md5, bytes, written);
  }

  private static ArchiveSpec archiveOf(DatasetEntry dataset) {
    return dataset
        .optArchive()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "dataset "
                        + dataset.id()
                        + " has no official archive to fetch; to obtain: "
                        + dataset.howToObtain()));
  }

  private long download(URI url, Path target) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(30)).GET().build();
    HttpResponse<InputStream> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while connecting to " + url, e);
    } catch (IOException e) {
      throw new IOException(
          "cannot download "
              + url
              + " ("
              + e
              + "); if this machine has no network, download "
              + "the file elsewhere and pass it with --archive",
          e);
    }
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        throw new IOException("download of " + url + " failed: HTTP " + response.statusCode());
      }
      long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
      long done = 0;
      byte[] buffer = new byte[1 << 16];
      try (OutputStream out = Files.newOutputStream(target)) {
        for (int n; (n = body.read(buffer)) > 0; ) {
          out.write(buffer, 0, n);
          done += n;
          progress.update(done, total);
        }
      }
      if (total >= 0 && done != total) {
        throw new IOException(
            "download of " + url + " ended after " + done + " of " + total + " bytes");
      }
      return done;
    }
  }

  /** Extracts the manifest's files; all or nothing. */
  private List<Path> extract(Path folder, DatasetEntry dataset, Path archiveFile)
      throws IOException {
    ArchiveSpec archive = archiveOf(dataset);
    Files.createDirectories(folder);
    Map<FileSpec, Path> temps = new LinkedHashMap<>();
    boolean done = false;
    try {
      try (TarArchiveInputStream tar =
          new TarArchiveInputStream(
              new GzipCompressorInputStream(
                  new BufferedInputStream(Files.newInputStream(archiveFile), 1 << 16)))) {
        for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
          if (!e.isFile() || !e.getName().startsWith(archive.memberPrefix())) {
            continue;
          }
          String name = e.getName().substring(archive.memberPrefix().length());
          FileSpec spec = dataset.file(name).orElse(null);
          if (spec == null || temps.containsKey(spec)) {
            continue;
          }
          Path tmp = AtomicFiles.tempBeside(folder.resolve(name));
          temps.put(spec, tmp);
          writeChecked(tar, tmp, spec, archiveFile + "!" + e.getName());
        }
      }
      List<String> absent = new ArrayList<>();
      for (FileSpec spec : dataset.files()) {
        if (!temps.containsKey(spec)) {
          absent.add(archive.memberPrefix() + spec.name());
        }
      }
      if (!absent.isEmpty()) {
        throw new ChecksumMismatchException(
            archiveFile + " lacks " + absent + "; nothing was written");
      }
      List<Path> written = new ArrayList<>();
      for (Map.Entry<FileSpec, Path> t : temps.entrySet()) {
        Path target = folder.resolve(t.getKey().name());
        AtomicFiles.commit(t.getValue(), target);
        written.add(target.toAbsolutePath());
        log.accept("wrote " + target + " (" + t.getKey().describe() + ")");
      }
      done = true;
      return written;
    } finally {
      if (!done) {
        for (Path tmp : temps.values()) {
          Files.deleteIfExists(tmp);
        }
      }
    }
  }

  private static void writeChecked(InputStream in, Path tmp, FileSpec spec, String where)
      throws IOException {
    MessageDigest sha = Checksums.newDigest("SHA-256");
    long n;
    try (OutputStream out = Files.newOutputStream(tmp)) {
      n = new DigestInputStream(in, sha).transferTo(out);
    }
    String actual = Checksums.hex(sha);
    if (n != spec.bytes() || (spec.sha256() != null && !spec.sha256().equals(actual))) {
      throw new ChecksumMismatchException(
          String.format(
              "%s: expected %s; actual %d bytes, sha256 %s; " + "nothing was written",
              where, spec.describe(), n, actual));
    }
  }
}
