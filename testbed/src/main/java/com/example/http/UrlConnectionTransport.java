package com.example.http;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/** java.net.HttpURLConnection, the oldest client in the JDK. */
final class UrlConnectionTransport implements Transport {

  private final URL url;

  UrlConnectionTransport(String url) throws RuntimeException {
    try {
      this.url = new URL(url);
    } catch (java.net.MalformedURLException e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Override
  public String post(String json) throws Exception {
    HttpURLConnection connection = (HttpURLConnection) url.openConnection();
    connection.setRequestMethod("POST");
    connection.setDoOutput(true);
    connection.setRequestProperty("Content-Type", "application/json");
    try (OutputStream out = connection.getOutputStream()) {
      out.write(json.getBytes(StandardCharsets.UTF_8));
    }
    int status = connection.getResponseCode();
    if (status != 200) {
      throw new java.io.IOException("HTTP " + status);
    }
    try (InputStream in = connection.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
