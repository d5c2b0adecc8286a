package io.perfweave.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No module spells the recording contract again: event names, outcomes and retry decisions appear
 * as string literals only in this module, and perfweave's event fields are never read by a literal
 * name. A copy would drift the day one side changes.
 */
final class ContractSpellingTest {

  private static final List<String> MODULES = List.of("instrumentation", "profiler", "agent", "analyzer");
  /** Reading a recorded field by name: {@code event.getLong("keyHash")}, {@code text(event, "site")}. */
  private static final Pattern FIELD_READ =
      Pattern.compile("(?:\\.(?:get\\w*|hasField)\\(|\\(event, )\"(\\w+)\"");

  @Test
  void mainSources_spellNoEventNameOutcomeOrDecision() {
    Set<String> values = new LinkedHashSet<>(Events.ALL);
    values.addAll(Outcome.ALL);
    values.addAll(RetryDecision.ALL);
    List<String> found = new ArrayList<>();
    for (Path source : mainSources()) {
      String text = read(source);
      for (String value : values) {
        if (text.contains("\"" + value + "\"")) {
          found.add(source + ": \"" + value + "\"");
        }
      }
    }
    assertEquals(List.of(), found);
  }

  @Test
  void mainSources_readNoPerfweaveFieldByLiteral() {
    Set<String> fields = new LinkedHashSet<>(RpcCallField.ALL);
    fields.addAll(RetryAttemptField.ALL);
    fields.addAll(AgentStatsField.ALL);
    List<String> found = new ArrayList<>();
    for (Path source : mainSources()) {
      Matcher read = FIELD_READ.matcher(read(source));
      while (read.find()) {
        if (fields.contains(read.group(1))) {
          found.add(source + ": \"" + read.group(1) + "\"");
        }
      }
    }
    assertEquals(List.of(), found);
  }

  private static List<Path> mainSources() {
    List<Path> sources = new ArrayList<>();
    for (String module : MODULES) {
      Path root = Path.of("..", module, "src", "main", "java");
      try (Stream<Path> files = Files.walk(root)) {
        files.filter(f -> f.toString().endsWith(".java")).forEach(sources::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (sources.size() < 50) {
      throw new AssertionError("found only " + sources.size() + " sources under " + MODULES);
    }
    return sources;
  }

  private static String read(Path source) {
    try {
      return Files.readString(source);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
