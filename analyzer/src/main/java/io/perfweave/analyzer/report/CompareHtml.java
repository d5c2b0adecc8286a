package io.perfweave.analyzer.report;

import io.perfweave.analyzer.model.Model;
import java.io.IOException;
import java.util.Map;

/** compare.html: the comparison rendered like report.html, with a differential CPU flame graph. */
public final class CompareHtml {

  private CompareHtml() {}

  public static String render(Map<String, Object> comparison, Model before, Model after) throws IOException {
    String flame =
        HtmlReport.section(
            "cpu-diff",
            "CPU, after compared with before",
            FlameGraphs.page("CPU: after vs before", after.jvm().cpu().collapsed(), before.jvm().cpu().collapsed()));
    return HtmlReport.Template.fill("compare.html", "perfweave comparison", comparison, flame);
  }
}
