package com.example.portfolio.rpc;

import java.io.IOException;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** OkHttp, with a call timeout and no silent retry of its own. */
public final class OkHttpTransport implements Transport {

  private static final MediaType JSON = MediaType.get("application/json");
  private final OkHttpClient http =
      new OkHttpClient.Builder().callTimeout(Duration.ofMillis(300)).retryOnConnectionFailure(false).build();

  @Override
  public String post(String url, String json) throws IOException {
    return execute(new Request.Builder().url(url).post(RequestBody.create(json, JSON)).build());
  }

  @Override
  public String get(String url) throws IOException {
    return execute(new Request.Builder().url(url).build());
  }

  private String execute(Request request) throws IOException {
    try (Response response = http.newCall(request).execute()) {
      return Transport.ok(response.code(), response.body().string(), request.url().toString());
    }
  }
}
