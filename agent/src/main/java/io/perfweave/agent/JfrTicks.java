package io.perfweave.agent;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Set;

/**
 * The frequency of JFR's clock, which JFR's public API does not give: read from {@code
 * jdk.jfr.internal.JVM} by a copy of this class in a class loader of its own ({@link
 * IsolatedClass}), whose module alone the package is exported to, so that the application never
 * gains access to JFR's internals. 0 where the JDK does not allow it.
 */
public final class JfrTicks {

  private JfrTicks() {}

  /** JFR's ticks per second, read in an isolated class loader; 0 where it cannot be read. */
  static long perSecond(Instrumentation instrumentation) {
    try {
      Class<?> reader = IsolatedClass.of(JfrTicks.class);
      Module jfr = ModuleLayer.boot().findModule("jdk.jfr").orElseThrow();
      instrumentation.redefineModule(jfr, Set.of(), Map.of("jdk.jfr.internal", Set.of(reader.getModule())),
          Map.of(), Set.of(), Map.of());
      return (Long) reader.getMethod("read").invoke(null);
    } catch (Exception | LinkageError notAllowed) {
      return 0;
    }
  }

  /**
   * Called in the isolated class loader only: {@code JVM.getTicksFrequency()}, an instance method
   * up to JDK 21 and a static one since.
   */
  public static long read() throws ReflectiveOperationException {
    Class<?> jvm = Class.forName("jdk.jfr.internal.JVM");
    Method frequency = jvm.getMethod("getTicksFrequency");
    Object target = Modifier.isStatic(frequency.getModifiers()) ? null : jvm.getMethod("getJVM").invoke(null);
    return (Long) frequency.invoke(target);
  }
}
