package io.perfweave.instrumentation.weaving;

import io.perfweave.instrumentation.runtime.AgentCounters;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;

/** Counts woven classes and weaving errors; reports the first error on stderr. */
final class WeavingListener extends AgentBuilder.Listener.Adapter {

  private final AgentCounters counters;

  WeavingListener(AgentCounters counters) {
    this.counters = counters;
  }

  @Override
  public void onTransformation(
      TypeDescription type,
      ClassLoader loader,
      JavaModule module,
      boolean loaded,
      DynamicType dynamicType) {
    counters.transformed();
  }

  @Override
  public void onError(
      String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable error) {
    if (counters.transformFailed()) {
      System.err.println(
          "perfweave: could not instrument "
              + typeName
              + ", left unchanged (counted; reported once): "
              + error);
    }
  }
}
