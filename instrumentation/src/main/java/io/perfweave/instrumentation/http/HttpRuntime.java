package io.perfweave.instrumentation.http;

import io.perfweave.instrumentation.config.HttpConfig;
import io.perfweave.instrumentation.events.RpcCall;
import io.perfweave.instrumentation.policy.Attempt;
import io.perfweave.instrumentation.policy.Clock;
import io.perfweave.instrumentation.policy.OnceNotes;
import io.perfweave.instrumentation.policy.PolicyLoops;
import io.perfweave.instrumentation.policy.PolicyThread;
import io.perfweave.instrumentation.policy.SharedLevel;
import io.perfweave.instrumentation.runtime.Meters;
import io.perfweave.instrumentation.runtime.SiteRuntime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The runtime of the built-in HTTP client sites: reads each request through its library's
 * adapter, names the site, reads JSON-RPC, and either times the call (no policy) or hands it to
 * the policy core (blocking, or asynchronous for {@code sendAsync}). A library it cannot read is
 * left alone, with one warning.
 */
public final class HttpRuntime {

  /**
   * Reads a JSON-RPC request once, so that its reader (Jackson's core, ~100 classes) is loaded and
   * initialised by whoever calls this — a background thread at start-up — rather than by the
   * application's first HTTP call. A call made meanwhile waits for the class initialisation the
   * JVM is already doing, never does it twice.
   */
  public static void warmUpJsonRpc() {
    JsonRpcCall call = JsonRpcCall.parse(
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"warm_up\",\"params\":[\"0x1\",\"latest\"]}"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    if (call != null) {
      call.ids();
    }
  }

  /** The library of each entry point, or null once it could not be read (left alone). */
  private final AtomicReferenceArray<HttpLibrary> libraries;
  private final HttpSites sites;
  private final MethodPolicies policies;
  private final OnceNotes notes = new OnceNotes();

  /** @param shared the caches' shared level, or null where none is configured */
  public HttpRuntime(
      HttpConfig config, Clock clock, Meters meters, SharedLevel shared, long callEventsPerSecond) {
    this.libraries = new AtomicReferenceArray<>(HttpEntryPoints.ALL.size());
    for (int i = 0; i < HttpEntryPoints.ALL.size(); i++) {
      libraries.set(i, HttpEntryPoints.ALL.get(i).library());
    }
    this.sites = new HttpSites(meters, new Routes(config.redact()), callEventsPerSecond);
    this.policies = new MethodPolicies(config.jsonRpcMethods(), clock, meters.exported(), shared, notes);
  }

  public Object enter(int client, Object receiver, Object[] arguments) {
    if (PassThrough.take()) {
      return null;
    }
    HttpLibrary adapter = libraries.get(client);
    HttpRequestView request = adapter == null ? null : read(client, adapter, receiver, arguments);
    if (request == null) {
      return null;
    }
    JsonRpcCall rpc = JsonRpcCall.parse(request.body());
    MethodPolicy policy = PolicyThread.inside() ? MethodPolicy.NONE : policies.of(rpc);
    HttpCall call = begin(request, rpc, policy, adapter, receiver, arguments);
    if (!policy.acts()) {
      return call;
    }
    return async(client) ? sendAsync(call) : sendBlocking(call);
  }

  public void exit(int client, Object scope, Object returned, Throwable thrown) {
    if (!(scope instanceof HttpCall)) {
      return;
    }
    HttpCall call = (HttpCall) scope;
    if (async(client) && returned instanceof CompletableFuture) {
      ((CompletableFuture<?>) returned)
          .whenComplete((response, failure) -> finishTimed(call, response, failure));
    } else {
      finishTimed(call, returned, thrown);
    }
  }

  /** Sends a call with a policy on the caller's thread; the caller gets what the policy ends with. */
  private HttpServed sendBlocking(HttpCall call) {
    PolicyThread thread = PolicyThread.enter();
    try {
      Attempt result = PolicyLoops.blocking(call.run(), attempt -> sendOnce(call, attempt));
      return new HttpServed(result.value(), result.failure());
    } finally {
      thread.leave();
    }
  }

  /** Sends a call with a policy asynchronously; the caller gets the future of what it ends with. */
  private HttpServed sendAsync(HttpCall call) {
    return new HttpServed(PolicyLoops.async(call.run(), attempt -> sendOnceAsync(call)), null);
  }

  private static Attempt sendOnce(HttpCall call, int attempt) {
    try {
      Object response =
          PassThrough.run(() -> call.adapter.send(call.receiver, call.arguments, attempt));
      return call.attempt(response, null);
    } catch (Throwable failure) {
      return call.attempt(null, failure);
    }
  }

  private static CompletableFuture<Attempt> sendOnceAsync(HttpCall call) {
    CompletableFuture<Object> sent;
    try {
      sent = PassThrough.run(() -> call.adapter.sendAsync(call.receiver, call.arguments));
    } catch (Throwable failure) {
      sent = CompletableFuture.failedFuture(failure);
    }
    return sent.handle((response, failure) -> call.attempt(response, Attempt.cause(failure)));
  }

  public Object enterUrlConnection(Object connection, Object poster) {
    HttpRequestView request = UrlConnections.request(connection, poster);
    return begin(request, JsonRpcCall.parse(request.body()), MethodPolicy.NONE, null, connection, null);
  }

  public void exitUrlConnection(Object scope, int status, Throwable thrown) {
    if (scope instanceof HttpCall) {
      ((HttpCall) scope).finish(UrlConnections.ended(status, thrown));
    }
  }

  public List<SiteRuntime> sites() {
    return sites.all();
  }

  public long cacheEntries() {
    return policies.cacheEntries();
  }

  private HttpCall begin(
      HttpRequestView request, JsonRpcCall rpc, MethodPolicy policy, HttpLibrary adapter,
      Object receiver, Object[] arguments) {
    HttpSites.Addressed addressed = sites.of(request);
    SiteRuntime site = addressed.site();
    RpcCall event = site.begin();
    event.rpcMethod = rpc == null ? null : rpc.methods();
    event.idempotent = policy.idempotent();
    return new HttpCall(
        site, event, addressed.target(), rpc, policy, adapter, receiver, arguments, notes);
  }

  private void finishTimed(HttpCall call, Object response, Throwable failure) {
    call.finish(call.attempt(response, Attempt.cause(failure)));
  }

  private static boolean async(int client) {
    return HttpEntryPoints.ALL.get(client).method().async();
  }

  private HttpRequestView read(int client, HttpLibrary adapter, Object receiver, Object[] arguments) {
    try {
      return adapter.request(receiver, arguments);
    } catch (Throwable unknownVersion) {
      libraries.set(client, null);
      notes.say("unknown " + adapter.getClass().getName() + " " + client,
          "warning: cannot read " + receiver.getClass().getName() + " (" + unknownVersion
              + "), a version perfweave does not know; its calls are left alone");
      return null;
    }
  }
}
