package io.perfweave.analyzer.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

final class ThresholdsTest {

  private static final Path DOCS = Path.of("..", "docs", "analyzer.md");
  private static final Pattern ROW = Pattern.compile("^\\| `([\\w.]+)` \\| ([0-9.]+) \\| .+ \\|$");

  /* --- declarations --- */

  @Test
  void thresholds_haveUniqueNames() {
    List<String> names = RuleRunner.thresholds().stream().map(Threshold::name).toList();
    assertEquals(names.size(), new HashSet<>(names).size(), names.toString());
    assertTrue(names.size() >= 20, names.toString());
  }

  @Test
  void docs_listEveryThresholdWithItsDefault() throws IOException {
    String expected =
        RuleRunner.thresholds().stream()
            .map(t -> "| `" + t.name() + "` | " + plain(t.defaultValue()) + " | " + t.meaning() + " |")
            .sorted()
            .collect(Collectors.joining("\n"));
    String documented =
        Files.readString(DOCS).lines()
            .filter(l -> ROW.matcher(l).matches())
            .sorted()
            .collect(Collectors.joining("\n"));
    assertEquals(expected, documented, "docs/analyzer.md's thresholds table");
  }

  /* --- parse --- */

  @Test
  void parse_override_replacesTheDefault() {
    Threshold calls = threshold("cache.minCalls");
    Thresholds thresholds = Thresholds.parse(Map.of("cache.minCalls", "5"), RuleRunner.thresholds());
    assertEquals(5, thresholds.get(calls));
    assertEquals(calls.defaultValue(), new Thresholds().get(calls));
  }

  @Test
  void parse_unknownName_namesIt() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class,
            () -> Thresholds.parse(Map.of("cache.minCals", "5"), RuleRunner.thresholds()));
    assertTrue(e.getMessage().startsWith("--threshold cache.minCals is not a threshold; known: ["), e.getMessage());
  }

  @Test
  void parse_notANumber_namesTheValue() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class,
            () -> Thresholds.parse(Map.of("cache.minCalls", "many"), RuleRunner.thresholds()));
    assertEquals("--threshold cache.minCalls must be a number of at least 0, was 'many'", e.getMessage());
  }

  private static Threshold threshold(String name) {
    return RuleRunner.thresholds().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }

  private static String plain(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
