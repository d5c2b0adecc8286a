package io.perfweave.instrumentation.policy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The two ways a call that the runtime sends itself goes through its {@link PolicyRun}: on the
 * calling thread (waits block it), or as a future (waits are timers and callbacks, no thread
 * blocked). The steps and their order are the run's; only the waiting differs.
 */
public final class PolicyLoops {

  /** Sends one attempt on the calling thread; never throws: a failure is in the attempt. */
  public interface Sender {
    Attempt send(int attempt);
  }

  /** Starts one attempt; the future never completes exceptionally: a failure is in the attempt. */
  public interface AsyncSender {
    CompletableFuture<Attempt> send(int attempt);
  }

  private PolicyLoops() {}

  /** The call on this thread: what the caller gets, a value or a failure. */
  public static Attempt blocking(PolicyRun<?, ?> run, Sender sender) {
    PolicyRun.Step step = run.begin();
    if (step == PolicyRun.Step.WAIT) {
      step = run.awaitLeader();
    }
    if (step == PolicyRun.Step.SERVED) {
      run.endServed();
      return run.served();
    }
    Attempt attempt = sender.send(run.attempts());
    while (run.retryBlocking(attempt)) {
      attempt = sender.send(run.attempts());
    }
    run.settle(attempt);
    return attempt;
  }

  /** The call as a future of what the caller gets: completed with a value, or failed. */
  public static CompletableFuture<Object> async(PolicyRun<?, ?> run, AsyncSender sender) {
    PolicyRun.Step step = run.begin();
    if (step == PolicyRun.Step.SERVED) {
      return served(run);
    }
    if (step == PolicyRun.Step.WAIT) {
      return run.leader()
          .thenCompose(
              landed ->
                  run.joined(landed) == PolicyRun.Step.SERVED ? served(run) : sendAndSettle(run, sender));
    }
    return sendAndSettle(run, sender);
  }

  private static CompletableFuture<Object> served(PolicyRun<?, ?> run) {
    run.endServed();
    return delivered(run.served());
  }

  private static CompletableFuture<Object> sendAndSettle(PolicyRun<?, ?> run, AsyncSender sender) {
    return attempts(run, sender)
        .thenCompose(
            last -> {
              run.settle(last);
              return delivered(last);
            });
  }

  private static CompletableFuture<Attempt> attempts(PolicyRun<?, ?> run, AsyncSender sender) {
    return sender
        .send(run.attempts())
        .thenCompose(
            attempt -> {
              long backoffNanos = run.retryLater(attempt);
              if (backoffNanos < 0) {
                return CompletableFuture.completedFuture(attempt);
              }
              return CompletableFuture.supplyAsync(
                      () -> attempt,
                      CompletableFuture.delayedExecutor(backoffNanos, TimeUnit.NANOSECONDS))
                  .thenCompose(
                      failed -> {
                        run.nextAttempt(failed);
                        return attempts(run, sender);
                      });
            });
  }

  private static CompletableFuture<Object> delivered(Attempt attempt) {
    return attempt.failure() != null
        ? CompletableFuture.failedFuture(attempt.failure())
        : CompletableFuture.completedFuture(attempt.value());
  }
}
