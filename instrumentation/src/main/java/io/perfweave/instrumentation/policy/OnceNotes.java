package io.perfweave.instrumentation.policy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Lines perfweave prints on stderr once per subject, however often the situation repeats. */
public final class OnceNotes {

  private static final int MAX_SUBJECTS = 1000;
  private final Set<String> said = ConcurrentHashMap.newKeySet();

  public void say(String subject, String line) {
    if (said.size() < MAX_SUBJECTS && said.add(subject)) {
      System.err.println("perfweave: " + line);
    }
  }
}
