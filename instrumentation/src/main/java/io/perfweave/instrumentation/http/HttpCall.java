package io.perfweave.instrumentation.http;

import io.perfweave.contract.CallSafety;
import io.perfweave.instrumentation.events.RpcCall;
import io.perfweave.instrumentation.policy.Attempt;
import io.perfweave.instrumentation.policy.Exchange;
import io.perfweave.instrumentation.policy.OnceNotes;
import io.perfweave.instrumentation.policy.PolicyRun;
import io.perfweave.instrumentation.runtime.SiteRuntime;

/**
 * One call of a built-in HTTP site: its target, JSON-RPC reading, policy and event; and, for the
 * policy core, how its responses are kept, judged and replayed to another caller.
 */
final class HttpCall implements Exchange<HttpAnswer> {

  final SiteRuntime site;
  final RpcCall event;
  /** {@code HTTP <verb> <authority><route>}: never the raw path, which may hold a key. */
  final String target;
  final JsonRpcCall rpc;
  final MethodPolicy policy;
  final HttpLibrary adapter;
  final Object receiver;
  final Object[] arguments;
  private final OnceNotes notes;

  HttpCall(
      SiteRuntime site,
      RpcCall event,
      String target,
      JsonRpcCall rpc,
      MethodPolicy policy,
      HttpLibrary adapter,
      Object receiver,
      Object[] arguments,
      OnceNotes notes) {
    this.site = site;
    this.event = event;
    this.target = target;
    this.rpc = rpc;
    this.policy = policy;
    this.adapter = adapter;
    this.receiver = receiver;
    this.arguments = arguments;
    this.notes = notes;
    event.movingBlock = rpc != null && rpc.namesMovingBlock();
  }

  /**
   * This call through its policy. Its cache key is the endpoint and the call's canonical methods
   * and params: the same call to two nodes (two chains) is two keys.
   */
  PolicyRun<String, HttpAnswer> run() {
    String key = policy.policy().cache() == null ? null : target + '\n' + rpc.key();
    return new PolicyRun<>(
        policy.policy(), this, site, event, key, keyHash(), target);
  }

  /** What one attempt came back with, its status read from the response. */
  Attempt attempt(Object response, Throwable failure) {
    int status = 0;
    if (response != null) {
      try {
        status = adapter.status(response);
      } catch (Throwable unreadable) {
        status = 0;
      }
    }
    return new Attempt(response, status, failure);
  }

  /** Ends the event of a call that was timed only. */
  void finish(Attempt attempt) {
    event.status = attempt.status();
    if (!attempt.failed() && event.isEnabled()) {
      try {
        event.resultHash = resultHash(attempt);
      } catch (Throwable unreadable) {
        event.resultHash = 0;
      }
    }
    site.finish(event, target, attempt.outcome(), attempt.error(), 1, keyHash(), 0);
  }

  @Override
  public HttpAnswer answer(Attempt last) throws Throwable {
    byte[] body = adapter.bufferedBody(last.value());
    if (body == null) {
      notes.say("streamed " + site.name(),
          "note: " + site.name() + " answers with bodies perfweave does not keep (streamed to the"
              + " caller, or over 1 MB); its calls are timed and retried, not cached or shared");
    }
    return new HttpAnswer(last.value(), body, rpc.ids());
  }

  @Override
  public CallSafety.Refusal refusal(Attempt last, HttpAnswer answer) {
    boolean streamed = answer.body() == null;
    boolean errorResponse =
        !streamed
            && (last.status() != 200
                || !JsonRpcResponses.allResults(answer.body(), rpc.elements().size()));
    return CallSafety.afterCall(last.failed(), errorResponse, false, false, streamed);
  }

  @Override
  public Attempt serve(HttpAnswer answer) throws Throwable {
    if (answer.body() == null) {
      throw new IllegalStateException("the response body was streamed to the caller that sent it");
    }
    byte[] body = JsonRpcResponses.withIds(answer.body(), answer.ids(), rpc.ids());
    return attempt(adapter.replay(answer.prototype(), body, receiver, arguments), null);
  }

  @Override
  public byte[] sharedBytes(HttpAnswer answer) throws Throwable {
    if (answer.body() == null) {
      return null;
    }
    return SharedHttpAnswers.write(
        adapter.header(answer.prototype(), "Content-Type"), answer.ids(), answer.body());
  }

  @Override
  public HttpAnswer fromShared(byte[] bytes, Object key) throws Throwable {
    SharedHttpAnswers.Shared shared = SharedHttpAnswers.read(bytes);
    if (shared.ids().size() != rpc.ids().size()) {
      return null;
    }
    Object prototype = adapter.fresh(shared.contentType(), shared.body(), receiver, arguments);
    return prototype == null ? null : new HttpAnswer(prototype, shared.body(), shared.ids());
  }

  @Override
  public long retryAfterNanos(Attempt failed) {
    try {
      return RetryAfter.nanos(adapter.header(failed.value(), "Retry-After"));
    } catch (Throwable unreadable) {
      return 0;
    }
  }

  /**
   * The hash of a JSON-RPC response's results, where its body can be read without waiting on the
   * network for more than it declared: in memory already, or at most {@link
   * JdkHttpClientLibrary#MAX_BODY} bytes by its Content-Length (never a stream of unknown length,
   * which could be a subscription that does not end).
   */
  @Override
  public long resultHash(Attempt succeeded) throws Throwable {
    Object response = succeeded.value();
    if (rpc == null || response == null || succeeded.status() != 200 || !bodyReadable(response)) {
      return 0;
    }
    byte[] body = adapter.bufferedBody(response);
    return body == null ? 0 : JsonRpcResponses.resultHash(body);
  }

  private boolean bodyReadable(Object response) throws Throwable {
    if (adapter.bodyInMemory(response)) {
      return true;
    }
    String length = adapter.header(response, "Content-Length");
    try {
      long bytes = length == null ? -1 : Long.parseLong(length.trim());
      return bytes >= 0 && bytes <= JdkHttpClientLibrary.MAX_BODY;
    } catch (NumberFormatException notANumber) {
      return false;
    }
  }

  @Override
  public void discard(Attempt failed) {
    if (failed.value() != null) {
      adapter.discard(failed.value());
    }
  }

  private long keyHash() {
    return rpc == null ? 0 : rpc.keyHash();
  }
}
