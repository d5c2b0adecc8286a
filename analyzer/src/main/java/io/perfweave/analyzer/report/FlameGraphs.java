package io.perfweave.analyzer.report;

import io.perfweave.analyzer.model.LongCounts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import one.convert.Arguments;
import one.convert.FlameGraph;

/**
 * Flame graph pages drawn by async-profiler's converter ({@code one.convert.FlameGraph}) from
 * collapsed stacks, made fit to embed offline: its one link out becomes text, and frame names
 * cannot close the page's script.
 */
final class FlameGraphs {

  /** The most stacks drawn; the rest are the lightest and would be narrower than a pixel. */
  static final int MAX_STACKS = 20_000;

  private FlameGraphs() {}

  /** A self-contained HTML page, or empty when there are no stacks. */
  static String page(String title, LongCounts collapsed) throws IOException {
    return page(title, collapsed, null);
  }

  /** With {@code baseline}, a differential graph: the change from baseline to {@code collapsed}. */
  static String page(String title, LongCounts collapsed, LongCounts baseline) throws IOException {
    if (collapsed.size() == 0) {
      return "";
    }
    FlameGraph graph = graph(title, collapsed, baseline != null);
    if (baseline != null) {
      graph.diff(graph(title, baseline, true));
    }
    ByteArrayOutputStream html = new ByteArrayOutputStream();
    graph.dump(html);
    return offline(html.toString(StandardCharsets.UTF_8));
  }

  private static FlameGraph graph(String title, LongCounts collapsed, boolean diff) throws IOException {
    Arguments arguments = diff ? new Arguments("--title", title, "--diff") : new Arguments("--title", title);
    FlameGraph graph = new FlameGraph(arguments);
    StringBuilder lines = new StringBuilder();
    for (Map.Entry<String, Long> stack : collapsed.top(MAX_STACKS).entrySet()) {
      lines.append(safe(stack.getKey())).append(' ').append(stack.getValue()).append('\n');
    }
    graph.parseCollapsed(new StringReader(lines.toString()));
    return graph;
  }

  /** Frame names are input: keep them from ending the page's script or opening a comment. */
  static String safe(String stack) {
    return stack.replace("</", "<\u2215").replace("<!--", "<!\u2010\u2010").replace(' ', '\u00a0').replace('\n', ' ');
  }

  private static String offline(String html) {
    return html
        .replace("<a href='https://github.com/async-profiler/async-profiler'>async-profiler</a>", "async-profiler")
        .replace(" xmlns='http://www.w3.org/2000/svg'", "");
  }
}
