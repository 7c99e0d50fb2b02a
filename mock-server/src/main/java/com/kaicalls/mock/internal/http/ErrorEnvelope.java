package com.kaicalls.mock.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The documented error envelope, {@code {"error": {type, code, message, param, request_id}}}: the
 * one place that shape is built, for the API pipeline and for errors raised before it (Jetty,
 * origin policy, body limit).
 */
public final class ErrorEnvelope {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final char[] BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

  private ErrorEnvelope() {}

  /** The envelope as JSON bytes; {@code param} may be {@code null}. */
  public static byte[] json(String type, String code, String message, String param, String requestId) {
    ObjectNode error = JsonNodeFactory.instance.objectNode();
    error.put("type", type);
    error.put("code", code);
    error.put("message", message);
    if (param == null) {
      error.putNull("param");
    } else {
      error.put("param", param);
    }
    error.put("request_id", requestId);
    ObjectNode envelope = JsonNodeFactory.instance.objectNode();
    envelope.set("error", error);
    try {
      return MAPPER.writeValueAsBytes(envelope);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A request id for an error answered before the pipeline: {@code req_} and 24 random characters. */
  public static String newRequestId() {
    char[] id = new char[24];
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < id.length; i++) {
      id[i] = BASE62[random.nextInt(BASE62.length)];
    }
    return "req_" + new String(id);
  }

  /** The {@code type} documented for a status. */
  public static String typeFor(int status) {
    switch (status) {
      case 401:
        return "authentication_error";
      case 403:
        return "permission_error";
      case 404:
        return "not_found";
      case 409:
        return "conflict";
      case 413:
        return "payload_too_large";
      case 422:
        return "idempotency_key_reused";
      case 429:
        return "rate_limited";
      default:
        return status >= 500 ? "api_error" : "invalid_request";
    }
  }
}
