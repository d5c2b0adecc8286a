package io.perfweave.instrumentation.weaving;

import static io.perfweave.instrumentation.weaving.SuperTypeNamed.superTypeNamed;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isNative;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameMatches;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.perfweave.instrumentation.config.MatchConfig;
import java.util.List;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** Turns a site's {@code match:} into Byte Buddy matchers, cheapest test first. */
final class SiteMatchers {

  private SiteMatchers() {}

  static ElementMatcher.Junction<TypeDescription> types(MatchConfig match) {
    if (!match.subtypesOf().isEmpty()) {
      return not(isInterface()).and(superTypeNamed(match.subtypesOf()));
    }
    if (!Globs.isGlob(match.type())) {
      return named(match.type());
    }
    ElementMatcher.Junction<TypeDescription> glob = nameMatches(Globs.toRegex(match.type()).pattern());
    boolean namesJdk = Exclusions.isJdk(Globs.literalPrefix(match.type()));
    return namesJdk ? glob : glob.and(type -> !Exclusions.isJdk(type.getName()));
  }

  static ElementMatcher.Junction<MethodDescription> methods(MatchConfig match) {
    ElementMatcher.Junction<MethodDescription> methods =
        isMethod().and(not(isAbstract())).and(not(isNative())).and(not(isSynthetic()));
    methods =
        methods.and(
            Globs.isGlob(match.method())
                ? nameMatches(Globs.toRegex(match.method()).pattern())
                : named(match.method()));
    return match.anyParams() ? methods : methods.and(parameters(match.params()));
  }

  private static ElementMatcher.Junction<MethodDescription> parameters(List<String> types) {
    ElementMatcher.Junction<MethodDescription> matcher = takesArguments(types.size());
    for (int i = 0; i < types.size(); i++) {
      String name = types.get(i);
      matcher = matcher.and(takesArgument(i, type -> type.getActualName().equals(name)));
    }
    return matcher;
  }
}
