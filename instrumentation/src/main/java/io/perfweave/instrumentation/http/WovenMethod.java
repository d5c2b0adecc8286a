package io.perfweave.instrumentation.http;

import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * One send method of an HTTP client library that perfweave weaves: the classes and methods it
 * matches (cheapest test first), and whether the method returns a future of the response.
 */
public record WovenMethod(
    ElementMatcher.Junction<TypeDescription> types,
    ElementMatcher.Junction<MethodDescription> methods,
    boolean async) {}
