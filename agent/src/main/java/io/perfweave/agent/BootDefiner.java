package io.perfweave.agent;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.security.ProtectionDomain;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Defines classes in the bootstrap class loader with the JDK's internal {@code
 * Unsafe.defineClass}. Loaded by {@link BridgeInjector} in a class loader of its own, whose
 * unnamed module alone is given access to {@code jdk.internal.misc}: the application's classes,
 * which share the agent's class path module, gain nothing. Uses JDK types only.
 */
public final class BootDefiner {

  private BootDefiner() {}

  /**
   * Defines {@code classes} (binary name to class file), a class whose super type is not defined
   * yet put off to the next round; false where a round defines nothing, with what was defined left
   * as it is.
   */
  public static boolean define(Map<String, byte[]> classes) throws ReflectiveOperationException {
    Class<?> unsafeType = Class.forName("jdk.internal.misc.Unsafe");
    Object unsafe = unsafeType.getMethod("getUnsafe").invoke(null);
    Method define = unsafeType.getMethod("defineClass", String.class, byte[].class, int.class, int.class,
        ClassLoader.class, ProtectionDomain.class);
    Map<String, byte[]> left = new LinkedHashMap<>(classes);
    while (!left.isEmpty()) {
      boolean defined = false;
      for (Iterator<Map.Entry<String, byte[]>> it = left.entrySet().iterator(); it.hasNext(); ) {
        Map.Entry<String, byte[]> type = it.next();
        try {
          define.invoke(unsafe, type.getKey(), type.getValue(), 0, type.getValue().length, null, null);
          it.remove();
          defined = true;
        } catch (InvocationTargetException superTypeNotYetDefined) {
          // NoClassDefFoundError for its super type: the next round, once that is defined
        }
      }
      if (!defined) {
        return false;
      }
    }
    return true;
  }
}
