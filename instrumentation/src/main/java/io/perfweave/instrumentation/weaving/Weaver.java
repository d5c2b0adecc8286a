package io.perfweave.instrumentation.weaving;

import io.perfweave.instrumentation.bridge.Bridge;
import io.perfweave.instrumentation.config.SiteConfig;
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

  /** Installs the sites' advice; site {@code i} of the list is index {@code i} in the runtime. */
  public static ResettableClassFileTransformer install(
      Instrumentation instrumentation, List<SiteConfig> sites, AgentCounters counters) {
    Advice.ExceptionHandler toBridge = adviceErrorHandler();
    AgentBuilder builder =
        new AgentBuilder.Default()
            .disableClassFormatChanges()
            .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
            .with(new WeavingListener(counters))
            .ignore(Exclusions.never());
    for (int i = 0; i < sites.size(); i++) {
      SiteConfig site = sites.get(i);
      Advice advice =
          Advice.withCustomMapping()
              .bind(SiteId.class, i)
              .to(PerfweaveRuntime.hasPolicy(site) ? PolicyAdvice.class : TimingAdvice.class)
              .withExceptionHandler(toBridge);
      builder =
          builder
              .type(SiteMatchers.types(site.match()))
              .transform(
                  (type, description, loader, module, domain) ->
                      type.visit(advice.on(SiteMatchers.methods(site.match()))));
    }
    return builder.installOn(instrumentation);
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
