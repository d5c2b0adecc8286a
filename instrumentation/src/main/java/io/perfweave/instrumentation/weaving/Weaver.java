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
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.implementation.bytecode.member.MethodInvocation;

/**
 * Weaves advice into every method a site matches, at start-up and into classes already loaded
 * (retransformation), so the same code serves {@code premain} and {@code agentmain}.
 */
public final class Weaver {

  private Weaver() {}

  /**
   * Installs the sites' advice (site {@code i} of the list is index {@code i} in the runtime) and,
   * when {@code http} is set, the built-in HTTP client advice.
   */
  public static ResettableClassFileTransformer install(
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
      Advice advice =
          Advice.withCustomMapping()
              .bind(SiteId.class, i)
              .to(PerfweaveRuntime.hasPolicy(site) ? PolicyAdvice.class : TimingAdvice.class)
              .withExceptionHandler(toBridge);
      builder =
          builder
              .type(new TypeBound(SiteMatchers.types(site.match()), site.name(), site.match().maxTypes()))
              .transform(
                  (type, description, loader, module, domain) ->
                      type.visit(advice.on(SiteMatchers.methods(site.match()))));
    }
    return builder.installOn(instrumentation);
  }

  /**
   * Loads and initialises what {@link #install} needs (Byte Buddy's builder, advice and matcher
   * machinery, about a thousand classes), so that a thread can do it while the agent reads its
   * config.
   */
  public static void warmUp() {
    Advice.to(TimingAdvice.class);
    Advice.withCustomMapping().bind(SiteId.class, 0).to(PolicyAdvice.class);
    Advice.withCustomMapping().bind(ClientId.class, 0).to(HttpClientAdvice.class);
    new AgentBuilder.Default()
        .disableClassFormatChanges()
        .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
        .ignore(Exclusions.never())
        .type(HttpEntryPoints.ALL.get(0).method().types());
    adviceErrorHandler();
  }

  private static AgentBuilder httpClients(AgentBuilder builder, Advice.ExceptionHandler toBridge) {
    for (int client = 0; client < HttpEntryPoints.ALL.size(); client++) {
      WovenMethod method = HttpEntryPoints.ALL.get(client).method();
      Advice advice =
          Advice.withCustomMapping()
              .bind(ClientId.class, client)
              .to(HttpClientAdvice.class)
              .withExceptionHandler(toBridge);
      builder =
          builder
              .type(method.types())
              .transform(
                  (type, description, loader, module, domain) ->
                      type.visit(advice.on(method.methods())));
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
