package io.perfweave.instrumentation.http;

import io.perfweave.instrumentation.events.RpcCall;
import io.perfweave.instrumentation.runtime.SiteRuntime;

/** One call of a built-in HTTP site: its request, JSON-RPC reading, policy and event. */
final class HttpCall {

  final SiteRuntime site;
  final RpcCall event;
  final HttpRequestView request;
  final JsonRpcCall rpc;
  final MethodPolicy policy;
  final ClientAdapter adapter;
  final Object receiver;
  final Object[] arguments;
  final long startNanos;
  int attempts = 1;
  long attemptStartNanos;
  long shadowAgeNanos = -1;

  HttpCall(
      SiteRuntime site,
      RpcCall event,
      HttpRequestView request,
      JsonRpcCall rpc,
      MethodPolicy policy,
      ClientAdapter adapter,
      Object receiver,
      Object[] arguments,
      long startNanos) {
    this.site = site;
    this.event = event;
    this.request = request;
    this.rpc = rpc;
    this.policy = policy;
    this.adapter = adapter;
    this.receiver = receiver;
    this.arguments = arguments;
    this.startNanos = startNanos;
    this.attemptStartNanos = startNanos;
  }

  /** Whether this call's response may be looked up in and stored to the cache. */
  boolean caches() {
    return policy.cache() != null;
  }

  long keyHash() {
    return rpc == null ? 0 : rpc.keyHash();
  }

  /** Ends the call's event with the response's status, or the failure. */
  void finish(String outcome, int status, String error, long cacheAgeNanos) {
    event.status = status;
    site.finish(event, request.target(), outcome, error, attempts, keyHash(), cacheAgeNanos);
  }
}
