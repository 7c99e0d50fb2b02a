package com.kaicalls.mock.internal.pages;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.kaicalls.mock.internal.api.ErrorEnvelope;

/**
 * A page or asset to send: always 200 (a missing asset is 404), never cached for pages. The
 * security headers (CSP, frame and sniffing rules) are added to every response by the request
 * guard.
 */
record PageResponse(int status, String contentType, byte[] body, boolean cacheable) {

  static PageResponse ok(String contentType, byte[] body, boolean cacheable) {
    return new PageResponse(200, contentType, body, cacheable);
  }

  /** A missing asset, answered in the API's JSON error envelope like every other error. */
  static PageResponse notFound() {
    return new PageResponse(
        404,
        "application/json",
        ErrorEnvelope.json(
            "not_found",
            "route_not_found",
            "No such page or asset.",
            null,
            ErrorEnvelope.newRequestId()),
        false);
  }

  ResponseDefinition toDefinition() {
    ResponseDefinitionBuilder definition = new ResponseDefinitionBuilder();
    if (status >= 400) {
      definition.withHeader(ErrorEnvelope.SHOULD_RETRY, ErrorEnvelope.shouldRetry(status, null));
    }
    return definition
        .withStatus(status)
        .withHeader("Content-Type", contentType)
        .withHeader("Cache-Control", cacheable ? "public, max-age=3600" : "no-cache")
        .withBody(body)
        .build();
  }
}
