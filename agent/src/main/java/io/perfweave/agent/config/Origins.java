package io.perfweave.agent.config;

import java.util.HashMap;
import java.util.Map;

/**
 * Where each value of the config tree came from, by JSON pointer: {@code perfweave.yaml:14} for a
 * file line, {@code -Dperfweave.output} for a system property. A key with no origin of its own
 * takes the nearest enclosing one.
 */
final class Origins {

  private final Map<String, String> byPointer = new HashMap<>();
  private final String fallback;

  Origins(String fallback) {
    this.fallback = fallback;
  }

  void put(String pointer, String origin) {
    byPointer.put(pointer, origin);
  }

  String of(String pointer) {
    for (String p = pointer; ; p = p.substring(0, p.lastIndexOf('/'))) {
      String origin = byPointer.get(p);
      if (origin != null) {
        return origin;
      }
      if (p.isEmpty()) {
        return fallback;
      }
    }
  }
}
