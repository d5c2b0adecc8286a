package io.perfweave.instrumentation.runtime;

import io.perfweave.contract.CallSafety;
import io.perfweave.instrumentation.config.CacheConfig;
import io.perfweave.instrumentation.events.ResultHash;
import io.perfweave.instrumentation.policy.Attempt;
import io.perfweave.instrumentation.policy.Exchange;
import io.perfweave.instrumentation.policy.PolicyCache;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A woven site's calls as the policy core sees them: keys built from the configured arguments and
 * compared by value, the method's own attempt as the answer (its value copied with {@code copy:
 * true}; otherwise the attempt itself, served as it is, so a hit allocates nothing), and the
 * site's own decision to stop caching when its keys or values cannot be handled.
 */
final class SiteExchange implements Exchange<Attempt> {

  private final String site;
  private final PolicyCache<CacheKey, Attempt> cache;
  private final KeyShape shape;
  private final AtomicBoolean off = new AtomicBoolean();
  private final AtomicBoolean unshareableSaid = new AtomicBoolean();

  /** @param cache the site's cache, or null where it has none */
  SiteExchange(String site, PolicyCache<CacheKey, Attempt> cache) {
    this.site = site;
    this.cache = cache;
    this.shape =
        cache == null
            ? KeyShape.ALL_ARGUMENTS
            : new KeyShape(cache.config().keyArgs(), cache.config().keyReceiver());
  }

  /**
   * The call's key: the cache's key, or, for an idempotent site without a cache, all its arguments
   * (recorded only as a hash, for the analyzer's repeated-read rules); null once the site stopped
   * caching.
   */
  CacheKey key(Class<?> type, String method, Object receiver, Object[] arguments) {
    if (cache != null && off.get()) {
      return null;
    }
    CacheKey key = shape.build(type, method, receiver, arguments);
    if (key == null && cache != null) {
      String why = shape.whyNoKey(arguments);
      turnOff(why != null ? why : "a call had no key");
    }
    return key;
  }

  @Override
  public Attempt answer(Attempt last) {
    return copies() && ValueCopies.copyable(last.value())
        ? Attempt.of(ValueCopies.copy(last.value()), null)
        : last;
  }

  @Override
  public CallSafety.Refusal refusal(Attempt last, Attempt answer) {
    CacheConfig config = cache.config();
    CallSafety.Refusal refusal =
        CallSafety.afterCall(last.failed(), false, last.value() == null, config.cacheNull(), false);
    if (refusal == null && copies() && !ValueCopies.copyable(last.value())) {
      turnOff("copy: true but a " + last.value().getClass().getName() + " is not Serializable");
      return CallSafety.Refusal.NOT_COPYABLE;
    }
    return refusal;
  }

  @Override
  public Attempt serve(Attempt answer) {
    return copies() ? Attempt.of(ValueCopies.copy(answer.value()), null) : answer;
  }

  @Override
  public boolean servesAsKept() {
    return !copies();
  }

  /** A value's bytes for the shared level; null (kept in this JVM only) where it is not Serializable. */
  @Override
  public byte[] sharedBytes(Attempt answer) throws IOException {
    Object value = answer.value();
    byte[] bytes = SharedValues.write(value);
    if (bytes == null && value != null && unshareableSaid.compareAndSet(false, true)) {
      System.err.println("perfweave: note: site " + site + " returns a " + value.getClass().getName()
          + ", which is not Serializable: its values stay in this JVM's cache, not the shared one");
    }
    return bytes;
  }

  /** A value another JVM stored, if it is of the called method's return type; else null (sent). */
  @Override
  public Attempt fromShared(byte[] bytes, Object key) throws Exception {
    CacheKey call = (CacheKey) key;
    Object value = SharedValues.read(bytes, ReturnTypes.of(call.type(), call.method()), call.type());
    return value == null ? null : Attempt.of(value, null);
  }

  @Override
  public long retryAfterNanos(Attempt failed) {
    return 0;
  }

  @Override
  public long resultHash(Attempt succeeded) {
    return ResultHash.ofValue(succeeded.value());
  }

  @Override
  public void discard(Attempt failed) {
    // a method's return value needs no release
  }

  private boolean copies() {
    return cache != null && cache.config().copy();
  }

  private void turnOff(String why) {
    if (off.compareAndSet(false, true)) {
      cache.clear();
      System.err.println(
          "perfweave: warning: site " + site + " stops caching: " + why
              + "; it only times calls from now on");
    }
  }
}
