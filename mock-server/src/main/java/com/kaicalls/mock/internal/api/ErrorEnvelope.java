package com.kaicalls.mock.internal.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kaicalls.mock.internal.documents.Fields;
import java.io.UncheckedIOException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The documented error envelope, {@code {"error": {type, code, message, param, request_id}}}: the
 * one place that shape is built, for the API pipeline and for errors raised before it (Jetty,
 * origin policy, body limit). Every error response also carries {@value #SHOULD_RETRY}, decided by
 * {@link #shouldRetry(int, String)}.
 */
public final class ErrorEnvelope {

  /** The response header that tells a client whether repeating the request can succeed. */
  public static final String SHOULD_RETRY = "KaiCalls-Should-Retry";

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final char[] BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

  private ErrorEnvelope() {}

  /** The envelope as JSON bytes; {@code param} may be {@code null}. */
  public static byte[] json(
      String type, String code, String message, String param, String requestId) {
    ObjectNode error = JsonNodeFactory.instance.objectNode();
    error.put(Fields.TYPE, type);
    error.put(Fields.CODE, code);
    error.put(Fields.MESSAGE, message);
    if (param == null) {
      error.putNull(Fields.PARAM);
    } else {
      error.put(Fields.PARAM, param);
    }
    error.put(Fields.REQUEST_ID, requestId);
    ObjectNode envelope = JsonNodeFactory.instance.objectNode();
    envelope.set(Fields.ERROR, error);
    try {
      return MAPPER.writeValueAsBytes(envelope);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The {@value #SHOULD_RETRY} value for an error: {@code "true"} when the same request may succeed
   * later, {@code "false"} when repeating it must give the same answer.
   */
  public static String shouldRetry(int status, String code) {
    if ("idempotency_key_in_use".equals(code)) {
      return "true"; // the first request with this key is still running: it finishes soon
    }
    if ("not_implemented".equals(code) || status == 501 || status == 505) {
      return "false"; // the emulator cannot answer this request however often it is sent
    }
    // 408 and 429 ask for a later try; other 5xx are transient (injected faults, crashes).
    return Boolean.toString(status == 408 || status == 429 || status >= 500);
  }

  /**
   * A request id for an error answered before the pipeline: {@code req_} and 24 random characters.
   */
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
