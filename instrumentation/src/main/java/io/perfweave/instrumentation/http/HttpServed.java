package io.perfweave.instrumentation.http;

import io.perfweave.bridge.Served;

/** An HTTP call perfweave answered: from the cache, or by sending it itself (with retries). */
final class HttpServed extends Served {

  HttpServed(Object response, Throwable failure) {
    this.replace = true;
    this.value = response;
    this.failure = failure;
  }
}
