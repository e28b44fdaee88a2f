package dev.nasrank.harness.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** One figure from several charts of equal size: panels laid out row by row in a grid, as a PNG. */
final class FacetGrid {
  private FacetGrid() {}

  /** The panels (same width and height) in {@code columns} columns, white background. */
  static byte[] png(List<? extends Chart<?, ?>> panels, int columns) {
    if (panels.isEmpty()) {
      throw new IllegalArgumentException("a faceted figure needs at least one panel");
    }
    List<BufferedImage> images =
        panels.stream().map(c -> (BufferedImage) BitmapEncoder.getBufferedImage(c)).toList();
    int w = images.get(0).getWidth();
    int h = images.get(0).getHeight();
    int cols = Math.min(columns, images.size());
    int rows = (images.size() + cols - 1) / cols;
    BufferedImage out = new BufferedImage(w * cols, h * rows, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, out.getWidth(), out.getHeight());
    for (int i = 0; i < images.size(); i++) {
      g.drawImage(images.get(i), (i % cols) * w, (i / cols) * h, null);
    }
    g.dispose();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      ImageIO.write(out, "png", bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode faceted figure: " + e.getMessage(), e);
    }
    return bytes.toByteArray();
  }
}
