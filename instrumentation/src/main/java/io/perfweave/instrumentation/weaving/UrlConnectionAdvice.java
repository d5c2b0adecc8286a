package io.perfweave.instrumentation.weaving;

import io.perfweave.bridge.Bridge;
import net.bytebuddy.asm.Advice;

/**
 * Around the JDK's {@code HttpURLConnection.getInputStream()}, where the request is sent and the
 * response read; later calls that return the stream already read are not requests and are skipped.
 */
final class UrlConnectionAdvice {

  private UrlConnectionAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static Object enter(
      @Advice.This Object connection,
      @Advice.FieldValue("inputStream") Object response,
      @Advice.FieldValue("rememberedException") Object failed,
      @Advice.FieldValue("poster") Object poster) {
    return response != null || failed != null ? null : Bridge.enterUrlConnection(connection, poster);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(
      @Advice.Enter Object scope,
      @Advice.FieldValue("responseCode") int status,
      @Advice.Thrown Throwable thrown) {
    Bridge.exitUrlConnection(scope, status, thrown);
  }
}
