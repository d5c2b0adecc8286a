package io.perfweave.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** README's "Recording contract" section says exactly what this module defines. */
final class RecordingContractTest {

  private static final Path README = Path.of("..", "README.md");
  private static final Pattern ROW = Pattern.compile("^\\| `(\\w+)` \\| (.*) \\|$");

  /* --- event names and fields --- */

  @Test
  void readme_listsEveryEventWithItsFieldsInOrder() throws IOException {
    String section = section();
    Map<String, List<String>> fields =
        Map.of(
            Events.RPC_CALL, RpcCallField.ALL,
            Events.RETRY_ATTEMPT, RetryAttemptField.ALL,
            Events.SITE_STATS, SiteStatsField.ALL,
            Events.AGENT_STATS, AgentStatsField.ALL);
    List<String> headings = new ArrayList<>();
    Matcher heading = Pattern.compile("(?m)^### `([\\w.]+)`$").matcher(section);
    while (heading.find()) {
      headings.add(heading.group(1));
    }
    assertEquals(Events.ALL, headings);
    for (String event : Events.ALL) {
      assertEquals(fields.get(event), rows(eventPart(section, event)), event + "'s fields");
    }
  }

  /* --- values --- */

  @Test
  void readme_listsEveryOutcome() throws IOException {
    assertEquals(Outcome.ALL, quoted(row(eventPart(section(), Events.RPC_CALL), RpcCallField.OUTCOME)));
  }

  @Test
  void readme_listsEveryRetryDecision() throws IOException {
    assertEquals(
        RetryDecision.ALL,
        quoted(row(eventPart(section(), Events.RETRY_ATTEMPT), RetryAttemptField.DECISION)));
  }

  @Test
  void readme_optionalFieldsAreNamed() throws IOException {
    String section = section();
    for (String field : RpcCallField.OPTIONAL) {
      assertTrue(section.contains("`" + field + "`"), field);
    }
  }

  private static String section() throws IOException {
    String readme = Files.readString(README);
    int start = readme.indexOf("## Recording contract\n");
    assertTrue(start >= 0, "README has no 'Recording contract' section");
    int end = readme.indexOf("\n## ", start + 1);
    return readme.substring(start, end < 0 ? readme.length() : end);
  }

  private static String eventPart(String section, String event) {
    int start = section.indexOf("### `" + event + "`");
    int end = section.indexOf("\n### ", start + 1);
    return section.substring(start, end < 0 ? section.length() : end);
  }

  private static List<String> rows(String part) {
    List<String> names = new ArrayList<>();
    for (String line : part.split("\n")) {
      Matcher row = ROW.matcher(line);
      if (row.matches()) {
        names.add(row.group(1));
      }
    }
    return names;
  }

  private static String row(String part, String field) {
    for (String line : part.split("\n")) {
      Matcher row = ROW.matcher(line);
      if (row.matches() && row.group(1).equals(field)) {
        return row.group(2);
      }
    }
    throw new AssertionError("no row for " + field);
  }

  private static List<String> quoted(String text) {
    List<String> values = new ArrayList<>();
    Matcher value = Pattern.compile("`([A-Z][A-Z0-9_]*)`").matcher(text);
    while (value.find()) {
      values.add(value.group(1));
    }
    return values;
  }
}
