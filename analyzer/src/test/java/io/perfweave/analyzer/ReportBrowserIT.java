package io.perfweave.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.testbed.EvilNamesApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.perfweave.testing.ForkedJvm;
import io.perfweave.testing.Jdks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.html and compare.html in headless Chromium (Debian's, driven by Playwright): no console
 * errors, no network requests, the parts visible, recording strings shown as text.
 */
final class ReportBrowserIT {

  private static final Path PLANTED_CONFIG = ForkedJvm.TESTBED.resolve("../planted-perfweave.yaml");
  private static final Path SCREENSHOTS = Path.of(System.getProperty("perfweave.screenshots", "target/screenshots"));

  @TempDir static Path work;
  private static Playwright playwright;
  private static Browser browser;

  @BeforeAll
  static void recordAnalyzeAndCompare() throws Exception {
    record(PLANTED_CONFIG, "before", "planted");
    assertEquals(0, AnalyzerRun.of("analyze", work.resolve("before").toString(), "--out", work.resolve("report").toString()).exitCode());
    Path applied = work.resolve("applied.yaml");
    Files.writeString(applied, Files.readString(work.resolve("report/suggested-config.yaml")));
    record(applied, "after", "planted");
    AnalyzerRun compare = AnalyzerRun.of("compare", work.resolve("before").toString(), work.resolve("after").toString(), "--out", work.resolve("compare").toString());
    assertEquals(0, compare.exitCode(), compare.stderr());
    playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser =
        playwright.chromium().launch(
            new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(System.getProperty("perfweave.chromium", "/usr/bin/chromium")))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
    if (playwright != null) {
      playwright.close();
    }
  }

  @Test
  void report_rendersOfflineWithEveryPart() throws Exception {
    Opened opened = open(work.resolve("report/report.html"), "report.png");
    Page page = opened.page;

    assertEquals(List.of(), opened.errors, "console errors");
    assertEquals(List.of(), opened.requests, "network requests");
    assertTrue(page.locator("#recs article.rec").count() >= 8);
    assertTrue(page.locator("#recs article.rec").first().isVisible());
    assertTrue(page.locator("#recs pre.config").count() > 0, "config snippets");
    assertTrue(page.locator("#recs button.copy").first().isVisible(), "copy button");
    assertEquals(7, page.locator("#site-table tbody tr").count());
    assertTrue(page.locator(".histogram svg rect").count() > 0, "latency histograms");
    assertTrue(page.locator(".timeline svg polyline").count() > 0, "timelines");
    assertTrue(AnalyzerRun.report(work.resolve("report")).path("allocation").path("perfweaveBytes").asLong() > 0);
    assertTrue(page.locator("#perfweave-alloc").textContent().startsWith("perfweave's own code: "), "perfweave's own share apart");
    for (String id : List.of("flame-cpu", "flame-alloc", "flame-lock")) {
      assertTrue(page.locator("#" + id).isVisible(), id);
      Frame frame = page.locator("#" + id).elementHandle().contentFrame();
      assertTrue(((Number) frame.evaluate("document.querySelectorAll('canvas').length")).intValue() > 0, id + " draws");
    }
  }

  @Test
  void headline_showsWhatTheReplayPredicts_andLinksToTheFindings() throws Exception {
    JsonNode prediction = AnalyzerRun.report(work.resolve("report")).path("prediction");
    Page page = open(work.resolve("report/report.html"), null).page;

    String sent = page.locator("#predicted li[data-figure=rpcsSent]").textContent();
    assertTrue(sent.contains(String.format(java.util.Locale.US, "%,d → %,d",
        prediction.path("rpcsSentBefore").asLong(), prediction.path("rpcsSentAfter").asLong())), sent);
    String errors = page.locator("#predicted li[data-figure=errors]").textContent();
    assertTrue(errors.contains(String.format(java.util.Locale.US, "%,d → %,d",
        prediction.path("errorsBefore").asLong(), prediction.path("errorsAfter").asLong())), errors);
    assertTrue(page.locator("#top-findings li a").count() >= 3);
    String target = page.locator("#top-findings li a").first().getAttribute("href");
    assertEquals(1, page.locator(target).count(), target + " is a finding's card");
    assertTrue(page.locator("#recs mark").count() > 0, "the numbers the text quotes are marked");
    assertTrue(page.locator("#recs dd").allTextContents().stream().anyMatch(t -> t.endsWith(" ms") || t.endsWith(" µs")),
        "evidence in units");
  }

  @Test
  void charts_haveLabelledAxes_andALegend() throws Exception {
    Page page = open(work.resolve("report/report.html"), null).page;

    int histograms = page.locator(".histogram svg").count();
    assertTrue(histograms > 0);
    for (int i = 0; i < histograms; i++) {
      List<String> labels = page.locator(".histogram svg").nth(i).locator("text").allTextContents();
      assertTrue(labels.contains("latency (log scale)") && labels.contains("calls"), labels.toString());
      assertTrue(labels.stream().filter(l -> l.matches("[\\d.]+ (ns|µs|ms|s)")).count() >= 2, "tick labels: " + labels);
    }
    List<String> timeline = page.locator(".timeline svg").first().locator("text").allTextContents();
    assertTrue(timeline.contains("seconds since the first call") && timeline.contains("per second"), timeline.toString());
    assertTrue(page.locator(".timeline .legend").first().textContent().contains("errors"));
  }

  @Test
  void findings_carryTheirSitesCharts_andLinkIntoTheFlameGraph() throws Exception {
    Page page = open(work.resolve("report/report.html"), null).page;

    assertTrue(page.locator("#recs article[data-rule=repeated-reads] .histogram svg").count() > 0, "a site finding's histogram");
    assertTrue(page.locator("#recs article[data-rule=repeated-reads] .timeline svg").count() > 0, "and its timeline");
    var link = page.locator("#recs article[data-rule=hot-cpu-method] a.flame-link").first();
    assertEquals("com.example.planted.Analytics.crunch", link.getAttribute("data-method"));
    link.click();
    Frame flame = page.locator("#flame-cpu").elementHandle().contentFrame();
    assertEquals("inline-block", flame.evaluate("document.getElementById('match').style.display"));
    String matched = (String) flame.evaluate("document.getElementById('matchval').textContent");
    assertTrue(Double.parseDouble(matched.replace("%", "")) > 0, "the method's frames are highlighted: " + matched);
  }

  @Test
  void aCachingFinding_showsWhenKeysRepeat_withTheProposedTtlMarked() throws Exception {
    JsonNode report = AnalyzerRun.report(work.resolve("report"));
    Page page = open(work.resolve("report/report.html"), null).page;

    var chart = page.locator("#recs article[data-rule=repeated-reads] .repeats").first();
    String site = chart.locator("h4").textContent().replace(": time until the same key is called again", "");
    double ttlMs = 0;
    for (JsonNode s : report.path("sites")) {
      if (s.path("name").asText().equals(site)) {
        ttlMs = s.path("plan").path("cacheTtlMs").asDouble();
      }
    }
    assertTrue(ttlMs > 0, site + " has a planned TTL");
    assertEquals(ttlMs * 1e6, Double.parseDouble(chart.getAttribute("data-marker-ns")), 1, "the marker is the plan's TTL");
    List<String> labels = chart.locator("svg text").allTextContents();
    assertTrue(labels.contains("interval between repeats (log scale)") && labels.contains("repeats"), labels.toString());
    assertTrue(labels.stream().anyMatch(l -> l.startsWith("proposed TTL ")), labels.toString());
    assertTrue(chart.locator("svg rect.bar").count() > 0 && chart.locator("svg line.marker").count() == 1);
    page.locator("#recs article[data-rule=repeated-reads]").first().screenshot(
        new com.microsoft.playwright.Locator.ScreenshotOptions().setPath(SCREENSHOTS.resolve("finding.png")));
  }

  @Test
  void keyboard_followsAHeadlineLink_andSortsATable() throws Exception {
    Page page = open(work.resolve("report/report.html"), null).page;

    var link = page.locator("#top-findings li a").first();
    link.focus();
    page.keyboard().press("Enter");
    assertEquals(link.getAttribute("href"), page.evaluate("location.hash"));
    var calls = page.locator("#site-table th").nth(1);
    calls.focus();
    page.keyboard().press("Enter");
    assertEquals("ascending", calls.getAttribute("aria-sort"));
    page.keyboard().press(" ");
    assertEquals("descending", calls.getAttribute("aria-sort"));
  }

  @Test
  void darkMode_renders() throws Exception {
    BrowserContext context = browser.newContext(new Browser.NewContextOptions()
        .setViewportSize(1280, 900).setColorScheme(com.microsoft.playwright.options.ColorScheme.DARK));
    Page page = context.newPage();
    List<String> errors = new ArrayList<>();
    page.onPageError(errors::add);
    for (String name : List.of("report", "compare")) {
      page.navigate(work.resolve(name + "/" + name + ".html").toUri().toString());
      page.waitForLoadState();
      screenshots(page, name + "-dark.png");

      assertEquals(List.of(), errors, name);
      assertEquals("rgb(16, 20, 24)", page.evaluate("getComputedStyle(document.body).backgroundColor"), name);
    }
    context.close();
  }

  @Test
  void siteTable_sortsOnClick() throws Exception {
    Page page = open(work.resolve("report/report.html"), null).page;
    page.locator("#site-table th").nth(1).click();
    page.locator("#site-table th").nth(1).click();
    List<Long> calls = page.locator("#site-table tbody tr td:nth-child(2)").allTextContents().stream()
        .map(text -> Long.parseLong(text.replaceAll("[^0-9]", ""))).toList();
    List<Long> descending = calls.stream().sorted(java.util.Comparator.reverseOrder()).toList();
    assertEquals(descending, calls, "sorted by calls, most first");
  }

  @Test
  void compare_rendersOfflineWithDifferentialFlameGraph() throws Exception {
    Opened opened = open(work.resolve("compare/compare.html"), "compare.png");
    Page page = opened.page;

    assertEquals(List.of(), opened.errors, "console errors");
    assertEquals(List.of(), opened.requests, "network requests");
    assertTrue(page.locator("#improved li").count() > 0);
    assertTrue(page.locator("#site-table tr").count() > 1);
    assertTrue(page.locator("#flame-cpu-diff").isVisible());
    assertTrue((Boolean) page.evaluate("(document.getElementById('headline').compareDocumentPosition(document.getElementById('verdict'))"
        + " & Node.DOCUMENT_POSITION_FOLLOWING) !== 0"), "the headline table leads, the text lists come last");
  }

  @Test
  void compare_overlaysEachSitesLatencyBeforeAndAfter() throws Exception {
    JsonNode comparison = new ObjectMapper().readTree(work.resolve("compare/compare.json").toFile());
    Page page = open(work.resolve("compare/compare.html"), null).page;

    long paired = 0;
    for (JsonNode site : comparison.path("sites")) {
      paired += !site.path("beforeName").isNull() && !site.path("afterName").isNull() ? 1 : 0;
    }
    assertTrue(paired > 0);
    assertEquals(paired, page.locator("#overlays .overlay").count(), "one chart per paired site");
    var chart = page.locator("#overlays .overlay").first();
    assertEquals(1, chart.locator("polyline.before").count());
    assertEquals(1, chart.locator("polyline.after").count());
    List<String> labels = chart.locator("svg text").allTextContents();
    assertTrue(labels.contains("latency (log scale)") && labels.contains("share of calls"), labels.toString());
    assertTrue(labels.stream().anyMatch(l -> l.endsWith(" %")), "shares on the y axis: " + labels);
    page.locator("#distributions").screenshot(
        new com.microsoft.playwright.Locator.ScreenshotOptions().setPath(SCREENSHOTS.resolve("compare-distributions.png")));
    String legend = chart.locator(".legend").textContent();
    assertTrue(legend.contains("before (") && legend.contains("after ("), legend);
  }

  @Test
  void compare_judgesAPercentileOnlyWithCallsBeyondIt() throws Exception {
    JsonNode comparison = new ObjectMapper().readTree(work.resolve("compare/compare.json").toFile());
    Page page = open(work.resolve("compare/compare.html"), null).page;

    int judged = 0;
    int unjudged = 0;
    for (JsonNode site : comparison.path("sites")) {
      long calls = Math.min(site.path("before").path("calls").asLong(), site.path("after").path("calls").asLong());
      boolean p95Judged = site.path("judged").path("p95Ms").asBoolean();
      assertEquals(calls * 0.05 >= 5, p95Judged, site.path("name") + ": " + calls + " calls");
      if (!p95Judged) {
        unjudged++;
        String name = site.path("name").asText();
        for (JsonNode line : comparison.path("regressed")) {
          assertFalse(line.asText().startsWith(name + " p95Ms"), name + " p95 judged on too few calls: " + line);
        }
      } else {
        judged++;
      }
    }
    assertTrue(judged > 0 && unjudged > 0, "the planted runs have sites of 30 calls and of 400");
    for (JsonNode site : comparison.path("sites")) {
      boolean retriedAway = site.path("after").path("retries").asLong() > 0
          && site.path("after").path("errors").asLong() < site.path("before").path("errors").asLong();
      for (JsonNode line : comparison.path("regressed")) {
        if (retriedAway && line.asText().matches(java.util.regex.Pattern.quote(site.path("name").asText()) + " p9[59]Ms: .*")) {
          assertTrue(line.asText().contains("now succeed after a backoff"), "a tail that retries lengthened says so: " + line);
        }
      }
    }
    assertTrue(page.locator("#headline-table td.unjudged").count() > 0, "the headline says which p95 it cannot judge");
  }

  @Test
  void recordingStringsWithHtml_renderAsText() throws Exception {
    Path config = Files.writeString(work.resolve("evil.yaml"),
        "output: evil-out\nsites:\n  - name: \"<script>window.pwned=3</script>\\\"site'\"\n"
            + "    match: { type: \"evil.**\", method: \"{fetch,fail}\" }\n    idempotent: true\n");
    ForkedJvm.Result result =
        new ForkedJvm(Jdks.all().get(0)).withAgent("config=" + config).main("com.example.testbed.EvilNamesApp").run(work);
    assertEquals(0, result.exitCode(), result.stderr());
    assertEquals(0, AnalyzerRun.of("analyze", work.resolve("evil-out").toString(), "--out", work.resolve("evil").toString()).exitCode());

    Opened opened = open(work.resolve("evil/report.html"), "evil.png");
    Page page = opened.page;

    assertEquals(List.of(), opened.errors, "console errors");
    assertEquals(null, page.evaluate("window.pwned === undefined ? null : window.pwned"), "nothing executed");
    for (Frame frame : page.frames()) {
      assertEquals(null, frame.evaluate("window.pwned === undefined ? null : window.pwned"), "nothing executed in " + frame.url());
    }
    String text = page.locator("body").textContent();
    assertTrue(text.contains("<script>window.pwned=3</script>\"site'"), "site name shown as text");
    assertTrue(text.contains(EvilNamesApp.FAILURE), "exception type shown as text");
    assertTrue(text.contains(EvilNamesApp.CLIENT), "class name shown as text");
  }

  private record Opened(Page page, List<String> errors, List<String> requests) {}

  private static Opened open(Path file, String screenshot) {
    BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
    List<String> errors = new ArrayList<>();
    List<String> requests = new ArrayList<>();
    context.onRequest(r -> {
      String url = r.url();
      if (!url.startsWith("file:") && !url.startsWith("about:") && !url.startsWith("data:")) {
        requests.add(url);
      }
    });
    Page page = context.newPage();
    page.onConsoleMessage(m -> {
      if (m.type().equals("error")) {
        errors.add(m.text());
      }
    });
    page.onPageError(errors::add);
    page.navigate(file.toUri().toString());
    page.waitForLoadState();
    if (screenshot != null) {
      screenshots(page, screenshot);
    }
    return new Opened(page, errors, requests);
  }

  /** The whole page, and what a reader sees first (the first screen: {@code *-top.png}). */
  private static void screenshots(Page page, String name) {
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)).setFullPage(true));
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name.replace(".png", "-top.png"))));
  }

  private static void record(Path config, String output, String mode) throws Exception {
    Path yaml = work.resolve(output + ".yaml");
    Files.writeString(yaml, "output: " + output + "\n" + Files.readString(config).replaceAll("(?m)^output: .*\\n", ""));
    ForkedJvm.Result result =
        new ForkedJvm(Jdks.all().get(0)).withAgent("config=" + yaml).main("com.example.planted.PlantedApp").args(mode).run(work);
    assertEquals(0, result.exitCode(), result.stderr());
  }
}
