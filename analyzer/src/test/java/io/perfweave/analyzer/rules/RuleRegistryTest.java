package io.perfweave.analyzer.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

final class RuleRegistryTest {

  @Test
  void everyRule_listedExactlyOnceAndLoads() throws Exception {
    List<String> listed = listed();
    assertEquals(listed.size(), new HashSet<>(listed).size(), "no rule listed twice: " + listed);
    Set<String> loaded =
        RuleRunner.rules().stream().map(r -> r.getClass().getName()).collect(Collectors.toSet());
    assertEquals(Set.copyOf(listed), loaded, "every listed rule loads");
    assertEquals(implementations(), loaded, "every Rule class is listed");
  }

  @Test
  void ruleIds_areUnique() {
    List<String> ids = RuleRunner.rules().stream().map(Rule::id).toList();
    assertEquals(ids.size(), new HashSet<>(ids).size(), ids.toString());
  }

  private static List<String> listed() throws IOException {
    try (InputStream in =
        RuleRegistryTest.class.getResourceAsStream("/META-INF/services/" + Rule.class.getName())) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .map(String::trim)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .toList();
    }
  }

  private static Set<String> implementations() throws IOException, URISyntaxException, ClassNotFoundException {
    Path classes = Path.of(Rule.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path rules = classes.resolve("io/perfweave/analyzer/rules");
    Set<String> found = new HashSet<>();
    try (Stream<Path> files = Files.walk(rules)) {
      for (Path file : files.filter(f -> f.toString().endsWith("Rule.class")).toList()) {
        String name = classes.relativize(file).toString().replace('/', '.').replace(".class", "");
        Class<?> type = Class.forName(name);
        if (Rule.class.isAssignableFrom(type) && !Modifier.isAbstract(type.getModifiers())) {
          found.add(name);
        }
      }
    }
    assertTrue(found.size() >= 16, "found " + found);
    return found;
  }
}
