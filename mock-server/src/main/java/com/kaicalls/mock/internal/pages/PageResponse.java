package com.kaicalls.mock.internal.pages;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;

/** A page or asset to send: always 200 (a missing asset is 404), never cached for pages. */
record PageResponse(int status, String contentType, byte[] body, boolean cacheable) {

  static PageResponse ok(String contentType, byte[] body, boolean cacheable) {
    return new PageResponse(200, contentType, body, cacheable);
  }

  static PageResponse notFound() {
    return new PageResponse(404, "text/plain; charset=utf-8", "Not found\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), false);
  }

  ResponseDefinition toDefinition() {
    return new ResponseDefinitionBuilder()
        .withStatus(status)
        .withHeader("Content-Type", contentType)
        .withHeader("Cache-Control", cacheable ? "public, max-age=3600" : "no-cache")
        .withHeader("X-Content-Type-Options", "nosniff")
        .withBody(body)
        .build();
  }
}
