package com.kaicalls.spring.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kaicalls.sdk.internal.Json;
import com.kaicalls.sdk.models.Event;
import com.kaicalls.sdk.models.UnknownEvent;
import java.io.IOException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Reads a verified body as the SDK's typed {@link Event}: a kind this SDK version does not know is
 * an {@link UnknownEvent}.
 */
final class EventParser {
  private static final Log log = LogFactory.getLog(EventParser.class);

  // The SDK's own mapper configuration, so an event reads here exactly as in events().list().
  private final ObjectMapper json = Json.newMapper();

  /**
   * @return the typed event; an {@link UnknownEvent} for a kind this SDK does not know or a body
   *     that no longer fits its known kind; never {@code null}
   * @throws MalformedDeliveryException if the body is not a JSON object
   */
  Event parse(String webhookId, byte[] body) {
    ObjectNode tree = readTree(body);
    try {
      return json.treeToValue(tree, Event.class);
    } catch (IOException | RuntimeException e) {
      // A known kind whose shape changed under this SDK version: still published, as unknown, never
      // dropped.
      log.warn(
          "KaiCalls webhook "
              + webhookId
              + " is not readable as a typed event ("
              + oneLine(e.getMessage())
              + "); publishing it as UnknownEvent");
      return UnknownEvent.of(tree);
    }
  }

  private ObjectNode readTree(byte[] body) {
    try {
      JsonNode tree = json.readTree(body);
      if (tree != null && tree.isObject()) return (ObjectNode) tree;
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
