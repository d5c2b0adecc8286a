package io.perfweave.contract;

import java.util.Set;

/**
 * The one definition of which calls perfweave may cache and retry. The agent applies it to every
 * call; the analyzer's suggestions use it, so that they never propose what the agent would refuse.
 *
 * <p>A call may be retried only when it is declared idempotent and is not a known write. Its
 * response may be cached only when, besides, it expects a response (not a JSON-RPC notification),
 * does not read at a moving block tag (unless the config allows those), and — after the call — it
 * succeeded, was not a JSON-RPC {@code error}, returned a value (null only where the site says so)
 * and was not streamed to the caller.
 */
public final class CallSafety {

  /** Why a call or its answer is not cached or retried. */
  public enum Refusal {
    NOT_IDEMPOTENT("not declared idempotent"),
    KNOWN_WRITE("a known write: never idempotent by a pattern"),
    NOTIFICATION("a JSON-RPC notification expects no response"),
    MOVING_BLOCK_TAG("reads at a block tag that moves on (cacheBlockTags is off)"),
    FAILED("the call failed"),
    ERROR_RESPONSE("the response is a JSON-RPC error or not a 200"),
    NULL_RESULT("the result was null (cacheNull is off)"),
    STREAMED_BODY("the response body is streamed to the caller"),
    NOT_COPYABLE("copy: true but the value is not Serializable");

    private final String reason;

    Refusal(String reason) {
      this.reason = reason;
    }

    /** The reason in words, for warnings and reports. */
    public String reason() {
      return reason;
    }
  }

  /** Block tags that name a block which moves on: a read with one is not a fixed question. */
  public static final Set<String> MOVING_BLOCK_TAGS = Set.of("latest", "pending", "safe", "finalized");

  private CallSafety() {}

  /**
   * Whether a JSON-RPC method may be treated as idempotent: declared so, and either not a known
   * write, or declared by its exact name (a deliberate choice the agent warns about).
   */
  public static Refusal idempotence(String method, boolean declaredIdempotent, boolean byExactName) {
    if (!declaredIdempotent) {
      return Refusal.NOT_IDEMPOTENT;
    }
    return JsonRpcDialects.isKnownWrite(method) && !byExactName ? Refusal.KNOWN_WRITE : null;
  }

  /** Why a call may not be cached before it is sent, or null when it may. */
  public static Refusal beforeCall(
      Refusal idempotence, boolean notification, boolean namesMovingBlockTag, boolean cacheBlockTags) {
    if (idempotence != null) {
      return idempotence;
    }
    if (notification) {
      return Refusal.NOTIFICATION;
    }
    return namesMovingBlockTag && !cacheBlockTags ? Refusal.MOVING_BLOCK_TAG : null;
  }

  /** Why a call's answer may not be stored, or null when it may. */
  public static Refusal afterCall(boolean failed, boolean errorResponse, boolean nullResult,
      boolean cacheNull, boolean streamed) {
    if (failed) {
      return Refusal.FAILED;
    }
    if (errorResponse) {
      return Refusal.ERROR_RESPONSE;
    }
    if (streamed) {
      return Refusal.STREAMED_BODY;
    }
    return nullResult && !cacheNull ? Refusal.NULL_RESULT : null;
  }
}
