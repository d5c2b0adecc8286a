package io.perfweave.instrumentation.http;

import java.util.function.Supplier;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * One send method of an HTTP client library that perfweave weaves: the classes and methods it
 * matches (cheapest test first), made when weaving asks for them (the runtime reads only {@code
 * async}, and must not load Byte Buddy at start-up), and whether the method returns a future of
 * the response.
 */
public record WovenMethod(
    Supplier<ElementMatcher.Junction<TypeDescription>> types,
    Supplier<ElementMatcher.Junction<MethodDescription>> methods,
    boolean async) {}
