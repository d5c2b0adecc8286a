package com.example.http;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** The JDK client reading the response as a stream, which no one can cache for it. */
final class JdkStreamTransport implements Transport {

  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final URI uri;

  JdkStreamTransport(String url) {
    this.uri = URI.create(url);
  }

  @Override
  public String post(String json) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(json)).build();
    HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream body = response.body()) {
      return Transport.checked(response.statusCode(), new String(body.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
