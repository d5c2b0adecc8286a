package io.perfweave.analyzer.model;

/**
 * A call recorded with the OpenTelemetry span that was current when it was made: where a tracing
 * backend shows it.
 */
public record TracedCall(long durationNanos, String traceId, String spanId) {

  static TracedCall slower(TracedCall a, TracedCall b) {
    if (a == null) {
      return b;
    }
    return b == null || a.durationNanos >= b.durationNanos ? a : b;
  }
}
