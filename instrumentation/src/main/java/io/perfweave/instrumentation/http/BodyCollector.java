package io.perfweave.instrumentation.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;

/**
 * Reads an in-memory request body publisher. The JDK's in-memory publishers deliver on the
 * subscribing thread; a publisher that has not completed when {@code subscribe} returns is given
 * up on (its body is then unknown, never waited for).
 */
final class BodyCollector implements Flow.Subscriber<ByteBuffer> {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private Flow.Subscription subscription;
  private boolean complete;

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    subscription.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(ByteBuffer item) {
    byte[] chunk = new byte[item.remaining()];
    item.get(chunk);
    bytes.write(chunk, 0, chunk.length);
  }

  @Override
  public void onError(Throwable throwable) {
    complete = false;
  }

  @Override
  public void onComplete() {
    complete = true;
  }

  /** The body, or null where the publisher did not complete at once. */
  byte[] bytes() {
    if (!complete) {
      if (subscription != null) {
        subscription.cancel();
      }
      return null;
    }
    return bytes.toByteArray();
  }
}
