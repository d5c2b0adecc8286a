package io.perfweave.instrumentation.policy;

import io.perfweave.bridge.Bridge;
import io.perfweave.bridge.Served;
import io.perfweave.contract.Outcome;
import io.perfweave.contract.RetryDecision;
import io.perfweave.instrumentation.events.RpcCall;
import io.perfweave.instrumentation.runtime.SiteRuntime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * One call through its policy — the one place the sequence is written: key → cache → shadow →
 * single-flight → attempt → retry → store. Every kind of call drives it the same way, through
 * {@link #begin}, {@link #retryBlocking} or {@link #retryLater}, and {@link #settle}: woven methods
 * from their advice, HTTP clients through {@link PolicyLoops}.
 *
 * <p>A run that was answered ({@link Step#SERVED}) is itself the {@link Served} scope woven advice
 * hands the caller's value or failure from, so a cache hit allocates nothing else.
 *
 * <p>Semantics, the same for every kind of call: a hit is served from the cache; while a call with
 * the same key is in flight, a caller waits for it and gets its answer or its failure
 * ({@link Outcome#COALESCED}), never a silent re-send — only an answer that cannot be rebuilt for
 * this caller (said once on stderr) or an interrupted wait sends a call of its own. Only what
 * {@link io.perfweave.contract.CallSafety} allows is stored, as each {@link Exchange} applies it.
 */
public final class PolicyRun<K, A> extends Served {

  /** What the caller does next. */
  public enum Step {
    /** Send the call (this caller leads its key's flight, or the call is not cached). */
    SEND,
    /** The call was answered: {@link #served()} is what the caller gets. */
    SERVED,
    /** Wait for {@link #leader()}, then call {@link #joined}. */
    WAIT
  }

  private final Policy<K, A> policy;
  private final Exchange<A> exchange;
  private final SiteRuntime site;
  /** The event the call made at its start (HTTP sites), or null: it is made at the end. */
  private final RpcCall begun;
  /** When the call started, on {@code System.nanoTime()}: its event's and meters' start. */
  private final long siteStartNanos;
  private final K key;
  private final long keyHash;
  private final long startNanos;
  private String target;
  private int attempts = 1;
  private long attemptStartNanos;
  /** A shadow entry's age (-1: none), or a cache hit's: a shadow call is never served. */
  private long ageNanos = -1;
  /** The flight this call leads, or (with {@link #waits}) the one it waits for. */
  private CompletableFuture<Stored<A>> flight;
  private boolean waits;
  private Attempt served;
  private String servedOutcome;
  /** The key of this call's answer in the shared level, or null where it is not shared. */
  private String sharedKey;

  /**
   * A call whose event is made at its end, where it gets one (woven sites).
   *
   * @param siteStartNanos {@code System.nanoTime()} when the call started
   * @param key the call's cache key, or null where it is not cached
   * @param keyHash the key's 64-bit hash for the event, 0 where the call has none
   */
  public PolicyRun(Policy<K, A> policy, Exchange<A> exchange, SiteRuntime site, long siteStartNanos,
      K key, long keyHash, String target) {
    this(policy, exchange, site, null, siteStartNanos, key, keyHash, target);
  }

  /**
   * A call that made its event at its start ({@link SiteRuntime#begin}) and sets fields on it as
   * it goes (HTTP sites).
   */
  public PolicyRun(Policy<K, A> policy, Exchange<A> exchange, SiteRuntime site, RpcCall begun,
      K key, long keyHash, String target) {
    this(policy, exchange, site, begun, begun.startNanos, key, keyHash, target);
  }

  private PolicyRun(Policy<K, A> policy, Exchange<A> exchange, SiteRuntime site, RpcCall begun,
      long siteStartNanos, K key, long keyHash, String target) {
    this.policy = policy;
    this.exchange = exchange;
    this.site = site;
    this.begun = begun;
    this.siteStartNanos = siteStartNanos;
    this.key = policy.cache() == null ? null : key;
    this.keyHash = keyHash;
    this.target = target;
    this.startNanos = policy.clock().at(siteStartNanos);
    this.attemptStartNanos = startNanos;
  }

  /** Starts the call: answered from the cache, to wait for a call in flight, or to send. */
  public Step begin() {
    if (policy.retry() != null) {
      policy.retry().recordCall();
    }
    PolicyCache<K, A> cache = policy.cache();
    if (key == null) {
      return Step.SEND;
    }
    Stored<A> hit = cache.kept(key);
    if (cache.shadow()) {
      ageNanos = hit == null ? -1 : startNanos - hit.writtenNanos();
      return Step.SEND;
    }
    if (hit != null) {
      return serve(hit, Outcome.CACHE_HIT) ? Step.SERVED : Step.SEND;
    }
    CompletableFuture<Stored<A>> mine = new CompletableFuture<>();
    CompletableFuture<Stored<A>> other = cache.leadOrJoin(key, mine);
    if (other == null) {
      flight = mine;
      return fromShared() ? Step.SERVED : Step.SEND;
    }
    Stored<A> landed = other.getNow(null);
    if (landed != null) {
      return serve(landed, Outcome.CACHE_HIT) ? Step.SERVED : Step.SEND;
    }
    flight = other;
    waits = true;
    return Step.WAIT;
  }

  /** When the call started, on the policy's clock. */
  long startNanos() {
    return startNanos;
  }

  /** The flight to wait for after {@link Step#WAIT}; it never completes exceptionally. */
  public CompletableFuture<?> leader() {
    return flight;
  }

  /** Waits for the leader on this thread; an interrupted waiter sends its own call. */
  public Step awaitLeader() {
    try {
      return joined(flight.get());
    } catch (ExecutionException impossible) {
      return Step.SEND;
    } catch (InterruptedException e) {
      // the call itself sees the interrupt
      Thread.currentThread().interrupt();
      return Step.SEND;
    }
  }

  /** After the leader landed: this caller gets its answer or failure, or sends its own call. */
  @SuppressWarnings("unchecked")
  public Step joined(Object landed) {
    Stored<A> stored = (Stored<A>) landed;
    if (stored == Stored.nothing()) {
      return Step.SEND;
    }
    if (stored.failure() != null) {
      deliver(Attempt.of(null, stored.failure()));
      servedOutcome = Outcome.COALESCED;
      return Step.SERVED;
    }
    return serve(stored, Outcome.COALESCED) ? Step.SERVED : Step.SEND;
  }

  /** What a {@link Step#SERVED} caller gets: a value or a failure. */
  public Attempt served() {
    return served;
  }

  /** Ends the event of a call answered without sending it. */
  public void endServed() {
    end(servedOutcome, served, Math.max(0, ageNanos));
  }

  /** The number of the attempt about to be sent (1 = the caller's own). */
  public int attempts() {
    return attempts;
  }

  /**
   * After an attempt: true when the policy retries it, having waited the backoff on this thread.
   * Every failed attempt of a retrying call is recorded with the decision taken.
   */
  public boolean retryBlocking(Attempt attempt) {
    RetryPolicy.Decision decision = decide(attempt);
    if (decision == null) {
      return false;
    }
    String outcome = decision.outcome();
    if (decision.retry() && !RetryAttempts.sleep(decision.backoffNanos())) {
      outcome = RetryDecision.INTERRUPTED;
    }
    record(attempt, outcome, decision.backoffNanos());
    if (!outcome.equals(RetryDecision.RETRY)) {
      return false;
    }
    nextAttempt(attempt);
    return true;
  }

  /**
   * After an attempt of an asynchronous call: the backoff in ns before {@link #nextAttempt} and
   * the next send, or -1 when the attempt is the last.
   */
  public long retryLater(Attempt attempt) {
    RetryPolicy.Decision decision = decide(attempt);
    if (decision == null) {
      return -1;
    }
    record(attempt, decision.outcome(), decision.backoffNanos());
    return decision.retry() ? decision.backoffNanos() : -1;
  }

  /** Starts the next attempt after a failed one, whose value no caller will get. */
  public void nextAttempt(Attempt failed) {
    exchange.discard(failed);
    attempts++;
    attemptStartNanos = clockNanos();
    site.meters().retried();
  }

  /**
   * After the last attempt: stores what may be stored, hands the flight's waiters the answer or
   * the failure, ends the event. Never throws: the call was made and the caller must get it.
   */
  public void settle(Attempt last) {
    Stored<A> stored = null;
    try {
      stored = store(last);
      String outcome = last.outcome();
      if (!last.failed() && ageNanos >= 0) {
        outcome = Outcome.SHADOW_HIT;
      }
      end(outcome, last, Math.max(0, ageNanos));
    } catch (Throwable bug) {
      Bridge.adviceError(bug);
    } finally {
      if (flight != null && !waits) {
        // after a bug in store, the waiters send their own calls
        policy.cache().land(key, flight, stored != null ? stored : Stored.nothing());
      }
    }
  }

  /** The method's name, where it is known only when the call ends (woven sites). */
  public void target(String target) {
    this.target = target;
  }

  private boolean serve(Stored<A> stored, String outcome) {
    try {
      deliver(exchange.serve(stored.answer()));
    } catch (Throwable unbuildable) {
      policy.notes().say("serve " + site.name(),
          "warning: could not serve " + site.name() + " a cached or shared answer ("
              + unbuildable + "); such calls are sent instead");
      return false;
    }
    servedOutcome = outcome;
    ageNanos = outcome.equals(Outcome.CACHE_HIT) ? startNanos - stored.writtenNanos() : 0;
    return true;
  }

  /**
   * The leader of a key's flight looks in the shared level: a stored answer is served, fills this
   * JVM's cache and lands the flight for its waiters. A miss, an unavailable level or an answer
   * that cannot be rebuilt for this caller: the call is sent.
   */
  private boolean fromShared() {
    SharedCache<K> shared = policy.shared();
    if (shared == null || !shared.available()) {
      return false;
    }
    sharedKey = shared.keyOf(key);
    SharedCache.Entry entry = sharedKey == null ? null : shared.get(sharedKey);
    if (entry == null) {
      return false;
    }
    Stored<A> stored;
    try {
      A answer = exchange.fromShared(entry.payload(), key);
      if (answer == null) {
        return false;
      }
      stored = new Stored<>(answer, null, clockNanos(), true);
    } catch (Throwable unreadable) {
      policy.notes().say("l2 " + site.name(),
          "warning: could not read an answer of " + site.name() + " from the shared cache ("
              + unreadable + "); such calls are sent instead");
      return false;
    }
    if (!serve(stored, Outcome.L2_HIT)) {
      return false;
    }
    ageNanos = entry.ageNanos();
    policy.cache().land(key, flight, stored);
    flight = null;
    return true;
  }

  /** What the caller gets instead of its own call: as the served scope's value or failure too. */
  private void deliver(Attempt answer) {
    served = answer;
    replace = true;
    value = answer.value();
    failure = answer.failure();
  }

  private RetryPolicy.Decision decide(Attempt attempt) {
    RetryPolicy retry = policy.retry();
    if (!attempt.failed() || retry == null) {
      return null;
    }
    if (attempt.failure() != null) {
      return retry.decide(attempts, attempt.failure(), startNanos);
    }
    if (!policy.retryStatuses().contains(attempt.status())) {
      return RetryPolicy.NOT_RETRYABLE;
    }
    return retry.decideTransient(attempts, startNanos, exchange.retryAfterNanos(attempt));
  }

  private void record(Attempt attempt, String outcome, long backoffNanos) {
    String rpcMethod = begun == null ? null : begun.rpcMethod;
    RetryAttempts.record(
        site.name(), rpcMethod, attempts, clockNanos() - attemptStartNanos, attempt.error(), outcome, backoffNanos);
  }

  private Stored<A> store(Attempt last) throws Throwable {
    if (key == null) {
      return null;
    }
    PolicyCache<K, A> cache = policy.cache();
    if (last.failure() != null) {
      return failed(last);
    }
    A answer = exchange.answer(last);
    boolean keep = exchange.refusal(last, answer) == null;
    if (cache.shadow()) {
      if (keep) {
        cache.storeShadow(key);
      }
      return null;
    }
    if (keep && sharedKey != null) {
      share(answer);
    }
    return new Stored<>(answer, null, clockNanos(), keep);
  }

  private void share(A answer) {
    try {
      byte[] bytes = exchange.sharedBytes(answer);
      if (bytes != null) {
        policy.shared().put(sharedKey, bytes);
      }
    } catch (Throwable unshareable) {
      policy.notes().say("l2 write " + site.name(),
          "warning: could not store an answer of " + site.name() + " in the shared cache ("
              + unshareable + "); it stays in this JVM's cache only");
    }
  }

  private static <A> Stored<A> failed(Attempt last) {
    return new Stored<>(null, last.failure(), 0, false);
  }

  private void end(String outcome, Attempt attempt, long cacheAgeNanos) {
    long endNanos = servedAtOnce(outcome) ? siteStartNanos : System.nanoTime();
    RpcCall event =
        site.ended(begun, siteStartNanos, endNanos, attempt.status(), outcome, attempt.error(), attempts);
    if (event == null) {
      return;
    }
    // a served call returns what a sent one did: its hash would tell the analyzer nothing new
    if (Outcome.sent(outcome) && !attempt.failed()) {
      event.resultHash = resultHash(attempt);
    }
    site.commit(event, target, outcome, attempt.error(), attempts, keyHash, cacheAgeNanos);
  }

  /** A hit handed over as kept: recorded as ending when it began ({@link Exchange#servesAsKept}). */
  private boolean servedAtOnce(String outcome) {
    return outcome.equals(Outcome.CACHE_HIT) && exchange.servesAsKept();
  }

  private long resultHash(Attempt succeeded) {
    try {
      return exchange.resultHash(succeeded);
    } catch (Throwable unhashable) {
      return 0;
    }
  }

  private long clockNanos() {
    return policy.clock().nanos();
  }
}
