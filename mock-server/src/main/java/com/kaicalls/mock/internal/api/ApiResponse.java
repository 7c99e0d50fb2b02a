package com.kaicalls.mock.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.kaicalls.mock.internal.store.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** A response about to be written: status, content type, body bytes and extra headers. */
public final class ApiResponse {

  public final int status;
  public final String contentType;
  public final byte[] body;
  public final Map<String, String> headers = new LinkedHashMap<>();
  private ApiException replayRefusal;

  public ApiResponse(int status, String contentType, byte[] body) {
    this.status = status;
    this.contentType = contentType;
    this.body = body;
  }

  public static ApiResponse json(int status, JsonNode body) {
    return new ApiResponse(status, "application/json", Json.bytes(body));
  }

  public static ApiResponse ok(JsonNode body) {
    return json(200, body);
  }

  public static ApiResponse error(ApiException e, String requestId) {
    ApiResponse response =
        new ApiResponse(
            e.status,
            "application/json",
            ErrorEnvelope.json(e.type, e.code, e.getMessage(), e.param, requestId));
    response.headers.put(ErrorEnvelope.SHOULD_RETRY, ErrorEnvelope.shouldRetry(e.status, e.code));
    response.headers.putAll(e.headers);
    return response;
  }

  public ApiResponse header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  /**
   * Marks a response that must not be kept for an idempotent replay (it holds a secret shown once):
   * a replay answers {@code refusal} instead.
   */
  public ApiResponse refuseReplay(ApiException refusal) {
    this.replayRefusal = refusal;
    return this;
  }

  /** What a replay answers instead of this response, or {@code null} when it may be replayed. */
  public ApiException replayRefusal() {
    return replayRefusal;
  }

  public ApiResponse copy() {
    ApiResponse copy = new ApiResponse(status, contentType, body);
    copy.headers.putAll(headers);
    return copy;
  }
}
