package com.example.http;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;

/** Apache HttpClient 5 classic, with a response handler (the way its docs recommend). */
final class ApacheTransport implements Transport {

  private final CloseableHttpClient client = HttpClients.custom().disableAutomaticRetries().build();
  private final String url;

  ApacheTransport(String url) {
    this.url = url;
  }

  @Override
  public String post(String json) throws Exception {
    HttpPost post = new HttpPost(url);
    post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
    return client.execute(
        post, response -> Transport.checked(response.getCode(), EntityUtils.toString(response.getEntity())));
  }
}
