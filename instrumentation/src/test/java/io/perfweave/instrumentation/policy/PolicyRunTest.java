package io.perfweave.instrumentation.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.perfweave.contract.CallSafety;
import io.perfweave.instrumentation.config.CacheConfig;
import io.perfweave.instrumentation.config.Jitter;
import io.perfweave.instrumentation.config.Mode;
import io.perfweave.instrumentation.config.RetryConfig;
import io.perfweave.instrumentation.runtime.Meters;
import io.perfweave.instrumentation.runtime.SiteRuntime;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The policy core's sequence on calls whose attempts the test makes by hand. */
final class PolicyRunTest {

  private final ManualClock clock = new ManualClock();
  private final SiteRuntime site = new SiteRuntime("s", false, true, new Meters(null), "", 0);
  private final OnceNotes notes = new OnceNotes();
  private final AtomicInteger sent = new AtomicInteger();

  /** Values are answers as they are; a null value may not be stored. */
  private final Exchange<Object> values =
      new Exchange<>() {
        @Override
        public Object answer(Attempt last) {
          return last.value();
        }

        @Override
        public CallSafety.Refusal refusal(Attempt last, Object answer) {
          return CallSafety.afterCall(last.failed(), false, answer == null, false, false);
        }

        @Override
        public Attempt serve(Object answer) {
          return Attempt.of(answer, null);
        }

        @Override
        public long retryAfterNanos(Attempt failed) {
          return 0;
        }

        @Override
        public long resultHash(Attempt succeeded) {
          return 0;
        }

        @Override
        public void discard(Attempt failed) {}
      };

  /* --- cache --- */

  @Test
  void hit_servedWithoutSending() {
    Policy<String, Object> policy = cached(null);
    assertEquals("v", PolicyLoops.blocking(run(policy, "k"), answering("v")).value());
    PolicyRun<String, Object> second = run(policy, "k");
    assertEquals(PolicyRun.Step.SERVED, second.begin());
    assertEquals("v", second.served().value());
    assertEquals(1, sent.get());
  }

  @Test
  void whileACallBegins_itsCachesTickOnItsStart() {
    Policy<String, Object> policy = cached(null);
    long start = System.nanoTime() - Duration.ofSeconds(50).toNanos();
    PolicyThread thread = PolicyThread.enter();
    try {
      PolicyRun<String, Object> first = new PolicyRun<>(policy, values, site, start, "k", 1, "T#m");
      assertEquals(PolicyRun.Step.SEND, thread.begin(first));
      first.settle(Attempt.of("v", null));
    } finally {
      thread.leave();
    }
    assertEquals(clock.nanos(), PolicyThread.now(clock), "the clock again once the call has begun");
    assertEquals(PolicyRun.Step.SERVED, run(policy, "k").begin(), "kept");
    // 15 s after the answer, 65 s after the request: the 1-minute entry was written at the request
    clock.advance(Duration.ofSeconds(15));
    assertEquals(PolicyRun.Step.SEND, run(policy, "k").begin());
  }

  @Test
  void answerThatMayNotBeStored_isNotKept() {
    Policy<String, Object> policy = cached(null);
    PolicyLoops.blocking(run(policy, "k"), answering(null));
    PolicyLoops.blocking(run(policy, "k"), answering(null));
    assertEquals(2, sent.get());
    assertEquals(0, policy.cache().size());
  }

  @Test
  void expiredEntry_isSentAgain() {
    Policy<String, Object> policy = cached(null);
    PolicyLoops.blocking(run(policy, "k"), answering("v"));
    clock.advance(Duration.ofMinutes(2));
    PolicyLoops.blocking(run(policy, "k"), answering("w"));
    assertEquals(2, sent.get());
  }

  /* --- single-flight --- */

  @Test
  void waiter_getsTheLeadersFailure_noSecondSend() {
    Policy<String, Object> policy = cached(null);
    PolicyRun<String, Object> leader = run(policy, "k");
    assertEquals(PolicyRun.Step.SEND, leader.begin());
    PolicyRun<String, Object> waiter = run(policy, "k");
    assertEquals(PolicyRun.Step.WAIT, waiter.begin());

    IOException down = new IOException("down");
    leader.settle(Attempt.of(null, down));

    assertEquals(PolicyRun.Step.SERVED, waiter.awaitLeader());
    assertSame(down, waiter.served().failure());
    assertEquals(0, policy.cache().size(), "a failure is never kept");
  }

  @Test
  void asyncWaiter_getsTheLeadersFailure() {
    Policy<String, Object> policy = cached(null);
    PolicyRun<String, Object> leader = run(policy, "k");
    leader.begin();
    CompletableFuture<Attempt> pending = new CompletableFuture<>();
    CompletableFuture<Object> waiter = PolicyLoops.async(run(policy, "k"), attempt -> pending);

    IOException down = new IOException("down");
    leader.settle(Attempt.of(null, down));

    CompletionException seen = assertThrows(CompletionException.class, waiter::join);
    assertSame(down, seen.getCause());
    assertFalse(pending.isDone(), "the waiter sent nothing");
  }

  @Test
  void waiter_ofAnAnswerNotKept_getsItToo() {
    Policy<String, Object> policy = cached(null);
    PolicyRun<String, Object> leader = run(policy, "k");
    leader.begin();
    PolicyRun<String, Object> waiter = run(policy, "k");
    assertEquals(PolicyRun.Step.WAIT, waiter.begin());
    leader.settle(Attempt.of(null, null));
    assertEquals(PolicyRun.Step.SERVED, waiter.awaitLeader());
    assertNull(waiter.served().value());
    assertEquals(PolicyRun.Step.SEND, run(policy, "k").begin(), "not kept: the next call leads");
  }

  /* --- retry --- */

  @Test
  void retry_untilSuccess_withinMaxAttempts() {
    Policy<String, Object> policy = new Policy<>(null, null, retry(), Set.of(), clock, notes);
    AtomicInteger calls = new AtomicInteger();
    Attempt result =
        PolicyLoops.blocking(
            run(policy, null),
            attempt -> calls.incrementAndGet() < 3 ? Attempt.of(null, new IOException("x")) : Attempt.of("ok", null));
    assertEquals("ok", result.value());
    assertEquals(3, calls.get());
  }

  @Test
  void retry_failedStatus_onlyWhenListed() {
    Policy<String, Object> listed = new Policy<>(null, null, retry(), Set.of(503), clock, notes);
    Policy<String, Object> unlisted = new Policy<>(null, null, retry(), Set.of(), clock, notes);
    AtomicInteger calls = new AtomicInteger();
    PolicyLoops.Sender unavailableOnce =
        attempt -> new Attempt("r", calls.incrementAndGet() == 1 ? 503 : 200, null);
    assertEquals(200, PolicyLoops.blocking(run(listed, null), unavailableOnce).status());
    assertEquals(2, calls.get());
    calls.set(0);
    assertEquals(503, PolicyLoops.blocking(run(unlisted, null), unavailableOnce).status());
    assertEquals(1, calls.get());
  }

  private PolicyLoops.Sender answering(Object value) {
    return attempt -> {
      sent.incrementAndGet();
      return Attempt.of(value, null);
    };
  }

  private PolicyRun<String, Object> run(Policy<String, Object> policy, String key) {
    return new PolicyRun<>(
        policy, values, site, System.nanoTime(), key, key == null ? 0 : key.hashCode(), "T#m");
  }

  private Policy<String, Object> cached(RetryPolicy retry) {
    CacheConfig config =
        new CacheConfig(Duration.ofMinutes(1), 100, List.of(), false, Mode.ON, false, false, Optional.empty());
    return new Policy<>(new PolicyCache<>(config, clock, null, "c"), null, retry, Set.of(), clock, notes);
  }

  private RetryPolicy retry() {
    return new RetryPolicy(
        new RetryConfig(3, Duration.ofNanos(1), 1, Duration.ofNanos(1), Jitter.NONE,
            List.of("java.io.IOException"), 1.0, Duration.ZERO, Mode.ON),
        clock);
  }
}
