package io.perfweave.analyzer.model;

import java.util.List;

/**
 * Which stack frames belong to the application. The caller of an RPC is the first application
 * frame under it: the JDK, perfweave and client libraries (HTTP clients, JSON, RPC frameworks)
 * are not "the application".
 */
public final class Frames {

  private static final List<String> NOT_APPLICATION =
      List.of(
          "java.", "javax.", "jdk.", "sun.", "com.sun.", "io.perfweave.", "net.bytebuddy.",
          "okhttp3.", "okio.", "org.apache.http.", "org.apache.hc.", "org.web3j.",
          "com.fasterxml.", "com.google.gson.", "io.netty.", "io.grpc.", "kotlin.", "kotlinx.",
          "reactor.", "io.reactivex.", "org.slf4j.", "ch.qos.", "retrofit2.", "feign.",
          "com.github.benmanes.", "io.micrometer.", "org.openjdk.jmh.", "one.profiler.");

  private Frames() {}

  /** Whether a class (binary name, dots) is application code. */
  public static boolean isApplication(String className) {
    for (String prefix : NOT_APPLICATION) {
      if (className.startsWith(prefix)) {
        return false;
      }
    }
    return !className.isEmpty();
  }

  /** {@code pkg.Type.method} from a class name (slashes or dots) and a method name. */
  public static String method(String className, String methodName) {
    return className.replace('/', '.') + "." + methodName;
  }

  /** The class part of {@code pkg.Type.method}. */
  public static String classOf(String method) {
    int dot = method.lastIndexOf('.');
    return dot < 0 ? method : method.substring(0, dot);
  }
}
