package com.example.http;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** OkHttp, whichever of 4 or 5 is on the class path (the app is compiled against 4). */
final class OkHttpTransport implements Transport {

  private static final MediaType JSON = MediaType.get("application/json");
  private final OkHttpClient client = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
  private final String url;

  OkHttpTransport(String url) {
    this.url = url;
  }

  @Override
  public String post(String json) throws Exception {
    Request request = new Request.Builder().url(url).post(RequestBody.create(json, JSON)).build();
    try (Response response = client.newCall(request).execute()) {
      return Transport.checked(response.code(), response.body().string());
    }
  }
}
