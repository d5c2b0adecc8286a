package io.perfweave.instrumentation.weaving;

import io.perfweave.instrumentation.config.MatchConfig;
import io.perfweave.instrumentation.config.SiteConfig;
import io.perfweave.instrumentation.http.HttpTypeNames;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The classes that any site or built-in HTTP client may weave, told by name alone, without Byte
 * Buddy: each site's type name or glob, the HTTP clients' names ({@link HttpTypeNames}). A
 * superset of what the matchers take, so a class it refuses is never woven. A site matched by
 * {@code subtypesOf:} can be any class, and has no candidates by name.
 */
public final class WeavingCandidates {

  private final Set<String> names;
  private final List<String> prefixes;
  private final List<Pattern> globs;

  private WeavingCandidates(Set<String> names, List<String> prefixes, List<Pattern> globs) {
    this.names = names;
    this.prefixes = prefixes;
    this.globs = globs;
  }

  /** The candidates of {@code sites} (and the HTTP clients where {@code http}), or null where a site matches by super type. */
  public static WeavingCandidates of(List<SiteConfig> sites, boolean http) {
    Set<String> names = new HashSet<>();
    List<Pattern> globs = new ArrayList<>();
    for (SiteConfig site : sites) {
      MatchConfig match = site.match();
      if (!match.subtypesOf().isEmpty()) {
        return null;
      }
      if (Globs.isGlob(match.type())) {
        globs.add(Globs.toRegex(match.type()));
      } else {
        names.add(match.type());
      }
    }
    return new WeavingCandidates(names, http ? HttpTypeNames.PREFIXES : List.of(), globs);
  }

  /** Whether the class named {@code binaryName} (dots, {@code $} for nested classes) may be woven. */
  public boolean test(String binaryName) {
    if (names.contains(binaryName)) {
      return true;
    }
    for (String prefix : prefixes) {
      if (binaryName.startsWith(prefix)) {
        return true;
      }
    }
    for (Pattern glob : globs) {
      if (glob.matcher(binaryName).matches()) {
        return true;
      }
    }
    return false;
  }

  /** Whether a class already loaded may be woven: then weaving cannot wait for the first one to load. */
  public boolean anyLoaded(Instrumentation instrumentation) {
    for (Class<?> loaded : instrumentation.getAllLoadedClasses()) {
      if (test(loaded.getName())) {
        return true;
      }
    }
    return false;
  }
}
