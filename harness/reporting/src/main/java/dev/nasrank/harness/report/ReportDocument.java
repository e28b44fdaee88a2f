package dev.nasrank.harness.report;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A report as a list of blocks, rendered two ways: Markdown (plots linked as files under {@code
 * plots/}) and a self-contained HTML page (plots embedded as base64 data URIs, no external
 * resources).
 */
public final class ReportDocument {
  /** A block of the report. */
  public sealed interface Block permits Heading, Paragraph, Table, Image, FoldStart, FoldEnd {}

  /** A section heading, level 2 or 3. */
  public record Heading(int level, String text) implements Block {}

  /** A paragraph of plain text. */
  public record Paragraph(String text) implements Block {}

  /** A table of plain-text cells. */
  public record Table(List<String> header, List<List<String>> rows) implements Block {}

  /** A PNG plot, saved at {@code relativePath} beside report.md. */
  public record Image(String caption, String relativePath, byte[] png) implements Block {}

  /** Start of a folded part: {@code <details>} with this summary line, open or closed. */
  public record FoldStart(String summary) implements Block {}

  /** End of the innermost folded part. */
  public record FoldEnd() implements Block {}

  private final String title;
  private final List<Block> blocks = new ArrayList<>();

  public ReportDocument(String title) {
    this.title = title;
  }

  public ReportDocument heading(int level, String text) {
    blocks.add(new Heading(level, text));
    return this;
  }

  public ReportDocument paragraph(String text) {
    blocks.add(new Paragraph(text));
    return this;
  }

  public ReportDocument table(List<String> header, List<List<String>> rows) {
    blocks.add(new Table(List.copyOf(header), List.copyOf(rows)));
    return this;
  }

  public ReportDocument image(String caption, String relativePath, byte[] png) {
    blocks.add(new Image(caption, relativePath, png));
    return this;
  }

  /**
   * Starts a part folded behind {@code summary}: {@code <details>} in HTML and in Markdown (GitHub
   * renders it).
   */
  public ReportDocument beginFold(String summary) {
    blocks.add(new FoldStart(summary));
    return this;
  }

  /** Ends the part begun by {@link #beginFold}. */
  public ReportDocument endFold() {
    blocks.add(new FoldEnd());
    return this;
  }

  public List<Block> blocks() {
    return List.copyOf(blocks);
  }

  /** GitHub-flavoured Markdown. */
  public String toMarkdown() {
    StringBuilder sb = new StringBuilder("# ").append(title).append("\n\n");
    for (Block b : blocks) {
      if (b instanceof Heading h) {
        sb.append("#".repeat(h.level())).append(' ').append(h.text()).append("\n\n");
      } else if (b instanceof Paragraph p) {
        sb.append(p.text()).append("\n\n");
      } else if (b instanceof Table t) {
        sb.append(mdRow(t.header()));
        sb.append("|").append("---|".repeat(t.header().size())).append('\n');
        t.rows().forEach(r -> sb.append(mdRow(r)));
        sb.append('\n');
      } else if (b instanceof Image i) {
        sb.append("![").append(i.caption()).append("](").append(i.relativePath()).append(")\n\n");
      } else if (b instanceof FoldStart f) {
        sb.append("<details><summary>").append(esc(f.summary())).append("</summary>\n\n");
      } else if (b instanceof FoldEnd) {
        sb.append("</details>\n\n");
      }
    }
    return sb.toString();
  }

  private static String mdRow(List<String> cells) {
    StringBuilder sb = new StringBuilder("|");
    cells.forEach(c -> sb.append(' ').append(c.replace("|", "\\|")).append(" |"));
    return sb.append('\n').toString();
  }

  /** One HTML page with the plots inlined. */
  public String toHtml() {
    StringBuilder sb =
        new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .append("<title>")
            .append(esc(title))
            .append("</title>\n<style>")
            .append(
                "body{font-family:sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}")
            .append("table{border-collapse:collapse;margin:1em 0;font-size:90%}")
            .append(
                "th,td{border:1px solid #bbb;padding:3px 8px;text-align:left}th{background:#eee}")
            .append("figure{display:inline-block;margin:0.5em}figcaption{font-size:85%;color:#555}")
            .append("</style></head><body>\n<h1>")
            .append(esc(title))
            .append("</h1>\n");
    for (Block b : blocks) {
      if (b instanceof Heading h) {
        sb.append("<h")
            .append(h.level())
            .append('>')
            .append(esc(h.text()))
            .append("</h")
            .append(h.level())
            .append(">\n");
      } else if (b instanceof Paragraph p) {
        sb.append("<p>").append(esc(p.text())).append("</p>\n");
      } else if (b instanceof Table t) {
        sb.append("<table><tr>");
        t.header().forEach(c -> sb.append("<th>").append(esc(c)).append("</th>"));
        sb.append("</tr>\n");
        for (List<String> r : t.rows()) {
          sb.append("<tr>");
          r.forEach(c -> sb.append("<td>").append(esc(c)).append("</td>"));
          sb.append("</tr>\n");
        }
        sb.append("</table>\n");
      } else if (b instanceof Image i) {
        sb.append("<figure><img alt=\"")
            .append(esc(i.caption()))
            .append("\" src=\"data:image/png;base64,")
            .append(Base64.getEncoder().encodeToString(i.png()))
            .append("\"><figcaption>")
            .append(esc(i.caption()))
            .append("</figcaption></figure>\n");
      } else if (b instanceof FoldStart f) {
        sb.append("<details><summary>").append(esc(f.summary())).append("</summary>\n");
      } else if (b instanceof FoldEnd) {
        sb.append("</details>\n");
      }
    }
    return sb.append("</body></html>\n").toString();
  }

  static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
