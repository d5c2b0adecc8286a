package io.perfweave.instrumentation.events;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The OpenTelemetry span current on this thread, where the OpenTelemetry Java agent runs beside
 * perfweave: its bridge class sits on the bootstrap class path, so perfweave reads the span
 * through it without depending on OpenTelemetry. Looked up once, at the first call after both
 * agents started; absent, every read is one field check.
 */
public final class CurrentSpan {

  private static final String BRIDGE = "io.opentelemetry.javaagent.bootstrap.Java8BytecodeBridge";

  private static volatile Reader reader;

  private CurrentSpan() {}

  /** Sets the event's trace and span ids from the current span, where there is a valid one. */
  public static void copyTo(RpcCall event) {
    Reader current = reader;
    if (current == null) {
      current = lookUp();
    }
    if (current != Reader.NONE) {
      current.copyTo(event);
    }
  }

  private static synchronized Reader lookUp() {
    if (reader == null) {
      reader = Reader.find();
    }
    return reader;
  }

  private static final class Reader {
    static final Reader NONE = new Reader(null, null, null, null, null);

    private final MethodHandle currentSpan;
    private final MethodHandle spanContext;
    private final MethodHandle isValid;
    private final MethodHandle traceId;
    private final MethodHandle spanId;

    private Reader(
        MethodHandle currentSpan,
        MethodHandle spanContext,
        MethodHandle isValid,
        MethodHandle traceId,
        MethodHandle spanId) {
      this.currentSpan = currentSpan;
      this.spanContext = spanContext;
      this.isValid = isValid;
      this.traceId = traceId;
      this.spanId = spanId;
    }

    static Reader find() {
      try {
        Class<?> bridge = Class.forName(BRIDGE, false, null);
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        MethodHandle currentSpan = lookup.findStatic(bridge, "currentSpan",
            MethodType.methodType(bridge.getMethod("currentSpan").getReturnType()));
        Class<?> span = currentSpan.type().returnType();
        Class<?> context = span.getMethod("getSpanContext").getReturnType();
        return new Reader(
            currentSpan,
            lookup.findVirtual(span, "getSpanContext", MethodType.methodType(context)),
            lookup.findVirtual(context, "isValid", MethodType.methodType(boolean.class)),
            lookup.findVirtual(context, "getTraceId", MethodType.methodType(String.class)),
            lookup.findVirtual(context, "getSpanId", MethodType.methodType(String.class)));
      } catch (ReflectiveOperationException | LinkageError | RuntimeException noOpenTelemetry) {
        return NONE;
      }
    }

    void copyTo(RpcCall event) {
      try {
        Object context = spanContext.invoke(currentSpan.invoke());
        if ((boolean) isValid.invoke(context)) {
          event.traceId = (String) traceId.invoke(context);
          event.spanId = (String) spanId.invoke(context);
        }
      } catch (Throwable unreadable) {
        // a span that cannot be read leaves the event without ids
      }
    }
  }
}
