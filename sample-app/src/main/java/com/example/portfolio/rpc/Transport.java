package com.example.portfolio.rpc;

import java.io.IOException;

/** Sends one HTTP request and returns the response body; a status other than 200 throws. */
public interface Transport {

  String post(String url, String json) throws IOException, InterruptedException;

  String get(String url) throws IOException, InterruptedException;

  static String ok(int status, String body, String url) throws IOException {
    if (status != 200) {
      throw new IOException("HTTP " + status + " from " + url);
    }
    return body;
  }
}
