package com.example.testbed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.implementation.FixedValue;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * Uses its own Byte Buddy, Jackson, Micrometer and Caffeine, and prints which jar each came from,
 * so a test can see that the agent's copies never replace the application's; and whether it may
 * reach the JDK's internal Unsafe and JFR's internals, which the agent must not open to it.
 */
public final class LibrariesApp {

  private LibrariesApp() {}

  public static void main(String[] args) throws Exception {
    Object generated =
        new ByteBuddy()
            .subclass(Object.class)
            .method(ElementMatchers.named("toString"))
            .intercept(FixedValue.value("made by the app's Byte Buddy"))
            .make()
            .load(LibrariesApp.class.getClassLoader())
            .getLoaded()
            .getDeclaredConstructor()
            .newInstance();
    System.out.println(generated + " from " + jarOf(ByteBuddy.class));

    Map<String, Integer> data = new TreeMap<>(Map.of("a", 1, "b", 2));
    System.out.println(new ObjectMapper().writeValueAsString(data) + " from " + jarOf(ObjectMapper.class));

    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Counter counter = registry.counter("app.requests");
    counter.increment(3);
    System.out.println("counter " + counter.count() + " from " + jarOf(Counter.class));

    Cache<String, String> cache = Caffeine.newBuilder().maximumSize(10).build();
    System.out.println("cached " + cache.get("k", k -> k + "-value") + " from " + jarOf(Caffeine.class));

    NodeClient client = new NodeClient();
    System.out.println("balance " + client.getBalance("acct-0"));
    System.out.println("jdk.internal.misc.Unsafe " + reachable("jdk.internal.misc.Unsafe", "getUnsafe"));
    System.out.println("jdk.jfr.internal.JVM " + reachable("jdk.jfr.internal.JVM", "counterTime"));
  }

  /**
   * Whether a JDK internal the agent opens to itself alone is open to the application: the
   * internal Unsafe (libraries such as Netty probe for it), JFR's internals.
   */
  private static String reachable(String type, String staticMethod) {
    try {
      Class.forName(type).getMethod(staticMethod).invoke(null);
      return "reachable";
    } catch (ReflectiveOperationException | RuntimeException e) {
      return "not reachable (" + e.getClass().getSimpleName() + ")";
    }
  }

  private static String jarOf(Class<?> type) throws Exception {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI())
        .getFileName()
        .toString();
  }
}
