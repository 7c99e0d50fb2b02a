package com.kaicalls.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The admin routes' JSON read into the public admin types: one reading for the remote and the
 * embedded admin.
 */
final class AdminJson {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private AdminJson() {}

  static JsonNode parse(byte[] body) {
    try {
      return MAPPER.readTree(body);
    } catch (IOException e) {
      throw new KaiCallsMockAdminException(
          502,
          "invalid_response",
          "The emulator answered something that is not" + " JSON: " + e.getMessage(),
          null);
    }
  }

  static List<LoggedRequest> requests(JsonNode list) {
    List<LoggedRequest> requests = new ArrayList<>();
    for (JsonNode e : list.path("data")) {
      requests.add(
          new LoggedRequest(
              text(e, "id"),
              Instant.parse(e.path("time").asText()),
              text(e, "method"),
              text(e, "path"),
              text(e, "query"),
              e.path("status").asInt(),
              text(e, "key_id"),
              text(e, "workspace_id"),
              text(e, "request_id"),
              text(e, "idempotency_key"),
              e.path("idempotent_replayed").asBoolean(),
              e.path("duration_ms").asLong(),
              body(e.get("request_body")),
              body(e.get("response_body")),
              e.path("truncated").asBoolean()));
    }
    return requests;
  }

  static List<FaultRule> faults(JsonNode rules) {
    List<FaultRule> faults = new ArrayList<>();
    for (JsonNode r : rules) {
      FaultRule.Target target =
          FaultRule.on(text(r, "method"), text(r, "path")).times(r.path("count").asInt(1));
      switch (r.path("fault").asText()) {
        case "status":
          faults.add(
              r.hasNonNull("retry_after")
                  ? target.status(
                      r.get("status").asInt(), Duration.ofSeconds(r.get("retry_after").asLong()))
                  : target.status(r.get("status").asInt()));
          break;
        case "delay":
          faults.add(target.delay(Duration.ofMillis(r.path("delay_ms").asLong())));
          break;
        case "connection_reset":
          faults.add(target.connectionReset());
          break;
        default:
          faults.add(target.commitThenDrop());
          break;
      }
    }
    return faults;
  }

  /** A rule as {@code POST /__admin/kaicalls/faults} takes it. */
  static byte[] fault(FaultRule rule) {
    ObjectNode json = MAPPER.createObjectNode();
    json.put("method", rule.method());
    json.put("path", rule.path());
    json.put("count", rule.count());
    json.put("fault", rule.fault());
    if (rule.fault().equals("status")) {
      json.put("status", rule.status());
      if (rule.retryAfter() != null) {
        json.put("retry_after", rule.retryAfter().toSeconds());
      }
    }
    if (rule.fault().equals("delay")) {
      json.put("delay_ms", rule.delay().toMillis());
    }
    return bytes(json);
  }

  static MockKeys keys(JsonNode keys) {
    return new MockKeys(
        text(keys, "demo_workspace_id"),
        text(keys, "demo_api_key"),
        text(keys, "other_workspace_id"),
        text(keys, "other_api_key"),
        text(keys, "agency_workspace_id"),
        text(keys, "agency_api_key"));
  }

  /** The exception for an error envelope ({@code {"error": {code, message, param}}}). */
  static KaiCallsMockAdminException error(int status, byte[] body) {
    JsonNode error;
    try {
      error = MAPPER.readTree(body).path("error");
    } catch (IOException e) {
      error = MAPPER.createObjectNode();
    }
    String message = text(error, "message");
    return new KaiCallsMockAdminException(
        status,
        text(error, "code"),
        message != null ? message : "The emulator answered " + status + ".",
        text(error, "param"));
  }

  static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String body(JsonNode value) {
    return value == null || value.isNull() ? null : value.toString();
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
