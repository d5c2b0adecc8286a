package io.perfweave.analyzer.model;

import java.util.List;

/**
 * Which stack frames belong to the application. The caller of an RPC is the first application
 * frame under it: the JDK, perfweave and well-known libraries (HTTP and RPC clients, JSON,
 * cryptography, logging, frameworks, drivers) are not "the application"; a library not listed
 * here is taken for application code.
 */
public final class Frames {

  private static final String PERFWEAVE = "io.perfweave.";
  private static final List<String> NOT_APPLICATION =
      List.of(
          "java.", "javax.", "jakarta.", "jdk.", "sun.", "com.sun.", PERFWEAVE, "net.bytebuddy.",
          "okhttp3.", "okio.", "org.apache.", "org.web3j.", "org.bouncycastle.", "com.fasterxml.",
          "com.google.", "io.netty.", "io.grpc.", "kotlin.", "kotlinx.", "scala.", "reactor.",
          "io.reactivex.", "rx.", "org.slf4j.", "ch.qos.", "org.apache.logging.", "retrofit2.",
          "feign.", "com.github.benmanes.", "io.micrometer.", "io.opentelemetry.", "org.openjdk.jmh.",
          "one.profiler.", "org.springframework.", "io.vertx.", "io.undertow.", "org.eclipse.",
          "org.jboss.", "org.hibernate.", "com.zaxxer.", "org.postgresql.", "io.lettuce.",
          "redis.clients.", "com.squareup.", "com.googlecode.", "org.json.", "org.yaml.",
          "com.esotericsoftware.", "it.unimi.", "org.HdrHistogram.");

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

  /** Whether a class (binary name, dots) is perfweave's own: its agent's runtime, or its tools. */
  public static boolean isPerfweave(String className) {
    return className.startsWith(PERFWEAVE);
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
