package okhttp3;

import okio.Timeout;

/**
 * A call class of an OkHttp "version" perfweave does not know: it lives in OkHttp's package and
 * is woven like OkHttp's own call, but its request cannot be read.
 */
public final class StrangeCall implements Call {

  private final Request request = new Request.Builder().url("http://127.0.0.1:9/strange").build();

  @Override
  public Request request() {
    throw new UnsupportedOperationException("this version has no request()");
  }

  @Override
  public Response execute() {
    return new Response.Builder()
        .request(request)
        .protocol(Protocol.HTTP_1_1)
        .code(200)
        .message("OK")
        .body(ResponseBody.create("strange", MediaType.get("text/plain")))
        .build();
  }

  @Override
  public void enqueue(Callback callback) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void cancel() {}

  @Override
  public boolean isExecuted() {
    return false;
  }

  @Override
  public boolean isCanceled() {
    return false;
  }

  @Override
  public Timeout timeout() {
    return Timeout.NONE;
  }

  @Override
  public Call clone() {
    return new StrangeCall();
  }
}
