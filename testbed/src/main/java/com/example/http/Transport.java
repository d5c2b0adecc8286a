package com.example.http;

/** Posts one JSON-RPC request body and returns the response body; a non-200 status throws. */
interface Transport {
  String post(String json) throws Exception;

  static Transport named(String name, String url) {
    switch (name) {
      case "jdk":
        return new JdkTransport(url, false);
      case "jdk-async":
        return new JdkTransport(url, true);
      case "jdk-stream":
        return new JdkStreamTransport(url);
      case "okhttp":
        return new OkHttpTransport(url);
      case "apache":
        return new ApacheTransport(url);
      case "urlconnection":
        return new UrlConnectionTransport(url);
      default:
        throw new IllegalArgumentException("unknown client " + name);
    }
  }

  static String checked(int status, String body) throws java.io.IOException {
    if (status != 200) {
      throw new java.io.IOException("HTTP " + status);
    }
    return body;
  }
}
