package com.example.http;

import okhttp3.Response;
import okhttp3.StrangeCall;

/** Executes three calls of an OkHttp call class perfweave cannot read, and prints their bodies. */
public final class StrangeOkHttpApp {

  private StrangeOkHttpApp() {}

  public static void main(String[] args) throws Exception {
    for (int i = 0; i < 3; i++) {
      try (Response response = new StrangeCall().execute()) {
        System.out.println(response.code() + " " + response.body().string());
      }
    }
  }
}
