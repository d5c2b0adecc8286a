package io.perfweave.instrumentation.weaving;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * A site's type matcher that stops at the site's {@code maxTypes}: the types it would match
 * beyond are left alone, said once on stderr, so that a pattern wider than meant cannot weave
 * thousands of classes.
 */
final class TypeBound extends ElementMatcher.Junction.AbstractBase<TypeDescription> {

  private final ElementMatcher<TypeDescription> matcher;
  private final String site;
  private final int maxTypes;
  private final Set<String> woven = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean said = new AtomicBoolean();

  TypeBound(ElementMatcher<TypeDescription> matcher, String site, int maxTypes) {
    this.matcher = matcher;
    this.site = site;
    this.maxTypes = maxTypes;
  }

  @Override
  public boolean matches(TypeDescription type) {
    if (!matcher.matches(type)) {
      return false;
    }
    String name = type.getName();
    if (woven.contains(name)) {
      return true;
    }
    if (woven.size() >= maxTypes) {
      if (said.compareAndSet(false, true)) {
        System.err.println(
            "perfweave: warning: site " + site + " matches more than " + maxTypes + " types;"
                + " the others (" + name + " first) are left alone; narrow match.type or raise"
                + " match.maxTypes");
      }
      return false;
    }
    woven.add(name);
    return true;
  }
}
