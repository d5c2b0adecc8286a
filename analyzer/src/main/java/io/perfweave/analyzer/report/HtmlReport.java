package io.perfweave.analyzer.report;

import io.perfweave.analyzer.model.Model;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * report.html: one self-contained page (no external resource of any kind) rendered by the
 * browser from the report's JSON, which travels in the page as data. Every string from a
 * recording reaches the page only through textContent, so method names, thread names and
 * exception types show as text.
 */
public final class HtmlReport {

  private HtmlReport() {}

  public static String render(Map<String, Object> report, Model model) throws IOException {
    String flames =
        section("cpu", "CPU", FlameGraphs.page("CPU", model.jvm().cpu().collapsed()))
            + section("alloc", "Allocation", FlameGraphs.page("Allocation", model.jvm().allocation().collapsed()))
            + section("lock", "Lock contention", FlameGraphs.page("Locks", model.jvm().locks().collapsed()));
    return Template.fill("report.html", "perfweave report", report, flames);
  }

  static String section(String id, String title, String page) {
    if (page.isEmpty()) {
      return "<h3>" + title + "</h3><p class=\"empty\">No " + title.toLowerCase(java.util.Locale.ROOT)
          + " samples in these recordings.</p>\n";
    }
    return "<h3>" + title + "</h3><iframe class=\"flame\" id=\"flame-" + id + "\" title=\"" + title
        + " flame graph\" srcdoc=\"" + Template.attribute(page) + "\"></iframe>\n";
  }

  /** The page templates and the escaping of what goes into them. */
  static final class Template {

    private Template() {}

    static String fill(String name, String title, Object data, String flames) throws IOException {
      return load(name)
          .replace("/*charts:*/", load("charts.js"))
          .replace("/*title:*/perfweave report", text(title))
          .replace("/*data:*/{}", scriptJson(JsonReport.toJson(data)))
          .replace("<!--flames:-->", flames);
    }

    private static String load(String name) {
      try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** JSON inside a script element: '<', '>' and '&' only occur in strings, so escape them there. */
    static String scriptJson(String json) {
      return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
          .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    static String text(String value) {
      return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String attribute(String value) {
      return text(value).replace("\"", "&quot;").replace("'", "&#39;");
    }
  }
}
