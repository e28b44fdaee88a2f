package dev.nasrank.datasets.io;

import dev.nasrank.datasets.CifarFormatException;
import dev.nasrank.datasets.CifarImages;
import dev.nasrank.datasets.SourceFile;
import dev.nasrank.files.Checksums;
import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;

/**
 * Reads CIFAR-10 images stored as 32x32 JPEG files named {@code <part>/<class>/<name>.jpg}, with
 * class folders named as in {@link CifarImages#CLASS_NAMES}, from a folder tree or a zip (read
 * streaming, entry by entry).
 *
 * <p>Images come out ordered by class index, then by file name within a class (not in the binary
 * batches' order). JPEG is lossy: pixels differ slightly from the original bytes.
 */
public final class CifarJpegReader {

  private static final Pattern ENTRY =
      Pattern.compile("(?:.*/)?([a-z]+)/([a-z]+)/([^/]+)\\.jpe?g", Pattern.CASE_INSENSITIVE);

  private static final Comparator<Encoded> BY_CLASS_THEN_NAME =
      Comparator.comparingInt((Encoded d) -> d.key.label).thenComparing(d -> d.key.name);

  private CifarJpegReader() {}

  /**
   * Reads the images of one part ({@code "train"} or {@code "test"}) from a zip.
   *
   * @param perClassLimit at most this many images per class (the first by name), or {@code
   *     Integer.MAX_VALUE}
   */
  public static CifarImages readZip(Path zip, String part, int perClassLimit) throws IOException {
    Zipped all = readEntries(zip, part);
    List<Encoded> kept = limit(all.images(), new int[CifarImages.CLASSES], perClassLimit);
    SourceFile source =
        new SourceFile(zip.toAbsolutePath().toString(), Files.size(zip), all.sha256(), kept.size());
    return assemble(kept, List.of(source), zip + " (part " + part + ")");
  }

  /** The still-encoded images of one part of a zip, and the SHA-256 of the whole zip file. */
  private static Zipped readEntries(Path zip, String part) throws IOException {
    List<Encoded> images = new ArrayList<>();
    MessageDigest sha = Checksums.newDigest("SHA-256");
    try (InputStream raw =
            new DigestInputStream(
                new BufferedInputStream(Files.newInputStream(zip), 1 << 16), sha);
        ZipInputStream in = new ZipInputStream(raw)) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        Key key = key(e.getName(), part);
        if (key == null || e.isDirectory()) {
          continue;
        }
        images.add(new Encoded(key, in.readAllBytes(), zip + "!" + e.getName()));
      }
      raw.transferTo(
          OutputStream.nullOutputStream()); // finish the digest over the central directory
    }
    return new Zipped(images, Checksums.hex(sha));
  }

  /**
   * Reads the images of one part ({@code "train"} or {@code "test"}) of a zip whose rank within
   * their class (by file name) is in {@code [from, to)}, interleaved: the image of rank r of class
   * c comes at position {@code (r - from) * 10 + c}, so every prefix of the result is balanced over
   * the classes (as the shuffled official batches are, and unlike {@link #readZip}'s class order).
   *
   * @throws CifarFormatException if a class holds fewer than {@code to} images
   */
  public static CifarImages readZipInterleaved(Path zip, String part, int from, int to)
      throws IOException {
    if (from < 0 || to <= from) {
      throw new IllegalArgumentException("need 0 <= from < to, got " + from + ", " + to);
    }
    Zipped all = readEntries(zip, part);
    all.images().sort(BY_CLASS_THEN_NAME);
    int classes = CifarImages.CLASSES;
    Encoded[] chosen = new Encoded[(to - from) * classes];
    int[] rank = new int[classes];
    for (Encoded d : all.images()) {
      int r = rank[d.key.label]++;
      if (r >= from && r < to) {
        chosen[(r - from) * classes + d.key.label] = d;
      }
    }
    for (int c = 0; c < classes; c++) {
      if (rank[c] < to) {
        throw new CifarFormatException(
            zip
                + " (part "
                + part
                + "): class "
                + CifarImages.CLASS_NAMES.get(c)
                + " holds "
                + rank[c]
                + " images, the selection needs "
                + to);
      }
    }
    SourceFile source =
        new SourceFile(
            zip.toAbsolutePath().toString(), Files.size(zip), all.sha256(), chosen.length);
    return assemble(List.of(chosen), List.of(source), zip + " (part " + part + ")");
  }

  /** Reads the images of one part from a folder holding {@code <part>/<class>/*.jpg}. */
  public static CifarImages readFolder(Path root, String part, int perClassLimit)
      throws IOException {
    List<Encoded> images = new ArrayList<>();
    Path partDir = root.resolve(part);
    if (!Files.isDirectory(partDir)) {
      throw new CifarFormatException(partDir + ": no such folder of JPEG images");
    }
    try (Stream<Path> files = Files.walk(partDir)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        Key key = key(root.relativize(file).toString().replace('\\', '/'), part);
        if (key != null) {
          images.add(new Encoded(key, Files.readAllBytes(file), file.toString()));
        }
      }
    }
    List<Encoded> kept = limit(images, new int[CifarImages.CLASSES], perClassLimit);
    SourceFile source = new SourceFile(partDir.toAbsolutePath().toString(), 0, null, kept.size());
    return assemble(kept, List.of(source), partDir.toString());
  }

  /**
   * Decodes one 32x32 JPEG into the binary layout (3,072 bytes: R plane, G plane, B plane).
   *
   * @param where names the image in error messages
   */
  public static byte[] decode(byte[] jpeg, String where) throws IOException {
    byte[] out = new byte[CifarImages.IMAGE_BYTES];
    decodeInto(jpeg, where, out, 0);
    return out;
  }

  /** Decodes one 32x32 JPEG into {@code out} at {@code offset}, in the binary layout. */
  public static void decodeInto(byte[] jpeg, String where, byte[] out, int offset)
      throws IOException {
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(jpeg));
    if (img == null) {
      throw new CifarFormatException(where + ": not a decodable image (" + jpeg.length + " bytes)");
    }
    if (img.getWidth() != CifarImages.SIDE || img.getHeight() != CifarImages.SIDE) {
      throw new CifarFormatException(
          where + ": image is " + img.getWidth() + "x" + img.getHeight() + ", expected 32x32");
    }
    for (int y = 0; y < CifarImages.SIDE; y++) {
      for (int x = 0; x < CifarImages.SIDE; x++) {
        int rgb = img.getRGB(x, y);
        int p = offset + y * CifarImages.SIDE + x;
        out[p] = (byte) (rgb >> 16);
        out[CifarImages.PLANE + p] = (byte) (rgb >> 8);
        out[2 * CifarImages.PLANE + p] = (byte) rgb;
      }
    }
  }

  private static Key key(String name, String part) {
    Matcher m = ENTRY.matcher(name);
    if (!m.matches() || !m.group(1).equals(part)) {
      return null;
    }
    int label = CifarImages.CLASS_NAMES.indexOf(m.group(2));
    if (label < 0) {
      throw new CifarFormatException(
          name
              + ": class folder '"
              + m.group(2)
              + "' is not a CIFAR-10 class "
              + CifarImages.CLASS_NAMES);
    }
    return new Key(label, m.group(3));
  }

  private static List<Encoded> limit(List<Encoded> images, int[] perClass, int perClassLimit) {
    images.sort(BY_CLASS_THEN_NAME);
    List<Encoded> kept = new ArrayList<>();
    for (Encoded d : images) {
      if (perClass[d.key.label]++ < perClassLimit) {
        kept.add(d);
      }
    }
    return kept;
  }

  private static CifarImages assemble(List<Encoded> kept, List<SourceFile> sources, String where)
      throws IOException {
    if (kept.isEmpty()) {
      throw new CifarFormatException(where + ": no <part>/<class>/*.jpg images found");
    }
    byte[] pixels = new byte[Math.multiplyExact(kept.size(), CifarImages.IMAGE_BYTES)];
    byte[] labels = new byte[kept.size()];
    for (int i = 0; i < kept.size(); i++) {
      Encoded e = kept.get(i);
      decodeInto(e.jpeg, e.where, pixels, i * CifarImages.IMAGE_BYTES);
      labels[i] = (byte) e.key.label;
    }
    return new CifarImages(kept.size(), pixels, labels, sources);
  }

  private record Key(int label, String name) {}

  private record Encoded(Key key, byte[] jpeg, String where) {}

  private record Zipped(List<Encoded> images, String sha256) {}
}
