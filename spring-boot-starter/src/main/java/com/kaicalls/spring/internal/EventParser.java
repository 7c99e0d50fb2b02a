package com.kaicalls.spring.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kaicalls.sdk.internal.Json;
import com.kaicalls.sdk.models.Event;
import com.kaicalls.spring.UnknownWebhookEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/** Reads a verified body as the SDK's typed {@link Event}, or as an {@link UnknownWebhookEvent} when it cannot. */
final class EventParser {
  private static final Log log = LogFactory.getLog(EventParser.class);

  // The SDK's own mapper configuration, so an event reads here exactly as in events().list().
  private final ObjectMapper json = Json.newMapper();

  /**
   * @return an {@link Event}, or an {@link UnknownWebhookEvent}; never {@code null}
   * @throws MalformedDeliveryException if the body is not a JSON object
   */
  Object parse(String webhookId, byte[] body) {
    try {
      Event event = json.readValue(body, Event.class);
      if (event != null) return event;
    } catch (IOException | RuntimeException e) {
      // Usually a shape this SDK version does not know; the event is still published, as unknown.
      log.warn("KaiCalls webhook " + webhookId + " is not readable as a typed event (" + oneLine(e.getMessage())
          + "); publishing it as UnknownWebhookEvent");
    }
    JsonNode tree = readTree(body);
    return new UnknownWebhookEvent(webhookId, tree.path("type").asText(""), new String(body, StandardCharsets.UTF_8));
  }

  private JsonNode readTree(byte[] body) {
    try {
      JsonNode tree = json.readTree(body);
      if (tree != null && tree.isObject()) return tree;
    } catch (IOException e) {
      throw new MalformedDeliveryException("the body is not JSON");
    }
    throw new MalformedDeliveryException("the body is not a JSON object");
  }

  private static String oneLine(String message) {
    return message == null ? "" : message.split("\\R", 2)[0];
  }

  /** A verified body that is not a JSON object. */
  static final class MalformedDeliveryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedDeliveryException(String message) {
      super(message);
    }
  }
}
