package io.perfweave.instrumentation.weaving;

import io.perfweave.bridge.Bridge;
import io.perfweave.instrumentation.config.SiteConfig;
import io.perfweave.instrumentation.http.HttpEntryPoints;
import io.perfweave.instrumentation.http.UrlConnections;
import io.perfweave.instrumentation.http.WovenMethod;
import io.perfweave.instrumentation.runtime.AgentCounters;
import io.perfweave.instrumentation.runtime.PerfweaveRuntime;
import java.lang.instrument.Instrumentation;
import java.util.List;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.implementation.bytecode.member.MethodInvocation;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * Weaves advice into every method a site matches: into classes already loaded (retransformation)
 * when attached, and at start-up from the first class that may be woven on ({@link
 * #installDeferred}).
 */
public final class Weaver {

  private Weaver() {}

  /**
   * Installs the sites' advice (site {@code i} of the list is index {@code i} in the runtime) and,
   * when {@code http} is set, the built-in HTTP client advice; classes already loaded are
   * retransformed.
   */
  public static void install(
      Instrumentation instrumentation, List<SiteConfig> sites, boolean http, AgentCounters counters) {
    builder(instrumentation, sites, http, counters).installOn(instrumentation);
  }

  /**
   * Installs the same advice for classes not loaded yet, and makes Byte Buddy's transformer only
   * when the first class that {@code candidates} may weave loads ({@link DeferredWeaving}), after
   * {@code beforeByteBuddy} (which waits for the thread loading Byte Buddy). For start-up, when no
   * candidate is loaded yet.
   */
  public static void installDeferred(
      Instrumentation instrumentation, List<SiteConfig> sites, boolean http, AgentCounters counters,
      WeavingCandidates candidates, Runnable beforeByteBuddy) {
    instrumentation.addTransformer(
        new DeferredWeaving(candidates, () -> {
          beforeByteBuddy.run();
          return builder(instrumentation, sites, http, counters).makeRaw();
        }),
        true);
  }

  private static AgentBuilder builder(
      Instrumentation instrumentation, List<SiteConfig> sites, boolean http, AgentCounters counters) {
    Advice.ExceptionHandler toBridge = adviceErrorHandler();
    AgentBuilder builder =
        new AgentBuilder.Default()
            .disableClassFormatChanges()
            .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
            .with(new WeavingListener(counters))
            .ignore(Exclusions.never())
            // JDK modules (java.net.http, java.base) must read the bridge's unnamed module
            .assureReadEdgeTo(instrumentation, Bridge.class);
    if (http) {
      builder = httpClients(builder, toBridge);
    }
    for (int i = 0; i < sites.size(); i++) {
      SiteConfig site = sites.get(i);
      AsmVisitorWrapper weaving = siteAdvice(site, i, toBridge);
      builder =
          builder
              .type(new TypeBound(SiteMatchers.types(site.match()), site.name(), site.match().maxTypes()))
              .transform((type, description, loader, module, domain) -> type.visit(weaving));
    }
    return builder;
  }

  /**
   * The advice of one site on its methods: the policy's, or timing; a timed site that hashes values
   * hands the bridge the value of its methods that return one (an integral primitive as a long,
   * a boolean or floating-point one boxed).
   */
  private static AsmVisitorWrapper siteAdvice(SiteConfig site, int index, Advice.ExceptionHandler toBridge) {
    ElementMatcher.Junction<MethodDescription> methods = SiteMatchers.methods(site.match());
    if (PerfweaveRuntime.hasPolicy(site)) {
      return advice(PolicyAdvice.class, index, toBridge).on(methods);
    }
    if (!site.resultHash()) {
      return advice(TimingAdvice.class, index, toBridge).on(methods);
    }
    ElementMatcher.Junction<MethodDescription> returnsVoid = ElementMatchers.returns(void.class);
    ElementMatcher.Junction<MethodDescription> returnsIntegral =
        ElementMatchers.returns(ElementMatchers.anyOf(long.class, int.class, short.class, byte.class, char.class));
    return new AsmVisitorWrapper.Compound(
        advice(LongTimingAdvice.class, index, toBridge).on(methods.and(returnsIntegral)),
        advice(ValueTimingAdvice.class, index, toBridge)
            .on(methods.and(ElementMatchers.not(returnsVoid.or(returnsIntegral)))),
        advice(TimingAdvice.class, index, toBridge).on(methods.and(returnsVoid)));
  }

  private static Advice advice(Class<?> type, int site, Advice.ExceptionHandler toBridge) {
    return Advice.withCustomMapping().bind(SiteId.class, site).to(type).withExceptionHandler(toBridge);
  }

  /**
   * Loads and initialises what {@link #install} needs (Byte Buddy's builder, advice and matcher
   * machinery, about a thousand classes), so that a thread can do it while the agent reads its
   * config.
   */
  public static void warmUp() {
    Advice.to(TimingAdvice.class);
    Advice.withCustomMapping().bind(SiteId.class, 0).to(ValueTimingAdvice.class);
    Advice.withCustomMapping().bind(SiteId.class, 0).to(LongTimingAdvice.class);
    Advice.withCustomMapping().bind(SiteId.class, 0).to(PolicyAdvice.class);
    Advice.withCustomMapping().bind(ClientId.class, 0).to(HttpClientAdvice.class);
    // makeRaw() builds a transformer without installing it: its class's initialiser generates
    // the module-aware transformer type (tens of milliseconds), here rather than in install
    new AgentBuilder.Default()
        .disableClassFormatChanges()
        .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
        .ignore(Exclusions.never())
        .type(HttpEntryPoints.ALL.get(0).method().types().get())
        .transform((type, description, loader, module, domain) -> type)
        .makeRaw();
    adviceErrorHandler();
  }

  private static AgentBuilder httpClients(AgentBuilder builder, Advice.ExceptionHandler toBridge) {
    for (int client = 0; client < HttpEntryPoints.ALL.size(); client++) {
      WovenMethod method = HttpEntryPoints.ALL.get(client).method();
      ElementMatcher.Junction<MethodDescription> methods = method.methods().get();
      Advice advice =
          Advice.withCustomMapping()
              .bind(ClientId.class, client)
              .to(HttpClientAdvice.class)
              .withExceptionHandler(toBridge);
      builder =
          builder
              .type(method.types().get())
              .transform(
                  (type, description, loader, module, domain) -> type.visit(advice.on(methods)));
    }
    Advice urlConnection = Advice.to(UrlConnectionAdvice.class).withExceptionHandler(toBridge);
    return builder
        .type(UrlConnections.types())
        .transform(
            (type, description, loader, module, domain) ->
                type.visit(urlConnection.on(UrlConnections.methods())));
  }

  private static Advice.ExceptionHandler adviceErrorHandler() {
    try {
      return new Advice.ExceptionHandler.Simple(
          MethodInvocation.invoke(
              new MethodDescription.ForLoadedMethod(
                  Bridge.class.getMethod("adviceError", Throwable.class))));
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("the bridge has no adviceError(Throwable)", e);
    }
  }
}
