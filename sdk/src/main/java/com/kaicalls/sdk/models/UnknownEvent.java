package com.kaicalls.sdk.models;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * An event whose {@code type} this SDK version does not know (the API added it later). It is never
 * dropped or read as {@code null}: lists, auto-pagers and {@code webhooks().unwrap(...)} return it
 * like any other {@link Event}, with the shared fields read from the JSON where present and the
 * whole event kept in {@link #json()}. It writes back exactly as it was read.
 *
 * <pre>{@code
 * if (event instanceof UnknownEvent) {
 *   log.info("Skipping {} {}", event.type().asString(), event.id());
 *   return 200; // acknowledge, so the platform does not retry
 * }
 * }</pre>
 */
public final class UnknownEvent implements Event {
  private final ObjectNode json;

  private UnknownEvent(ObjectNode json) {
    this.json = json;
  }

  /**
   * Wraps an event's JSON object. Used when reading events; also handy in tests.
   *
   * @param json the event as a JSON object
   * @return the event
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static UnknownEvent of(ObjectNode json) {
    return new UnknownEvent(Objects.requireNonNull(json, "json").deepCopy());
  }

  /** Returns a copy of the event's whole JSON object, as the API sent it. */
  @JsonValue
  public ObjectNode json() {
    return json.deepCopy();
  }

  /**
   * @return the {@code id}, or an empty string if the JSON has none
   */
  @Override
  public String id() {
    return text("id");
  }

  /**
   * @return the {@code object} ({@code event}), or an empty string if the JSON has none
   */
  @Override
  public String object() {
    return text("object");
  }

  /**
   * @return the raw {@code type}, never a known constant (empty string if the JSON has none)
   */
  @Override
  public EventType type() {
    return EventType.of(text("type"));
  }

  /**
   * @return the {@code created_at}, or null if the JSON has none or it is not a date-time
   */
  @Override
  public OffsetDateTime createdAt() {
    try {
      String text = text("created_at");
      return text.isEmpty() ? null : OffsetDateTime.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * @return the {@code livemode}, or false if the JSON has none
   */
  @Override
  public boolean livemode() {
    return json.path("livemode").asBoolean(false);
  }

  /**
   * @return the {@code workspace_id}, or an empty string if the JSON has none
   */
  @Override
  public String workspaceId() {
    return text("workspace_id");
  }

  private String text(String field) {
    JsonNode node = json.get(field);
    return node != null && node.isValueNode() && !node.isNull() ? node.asText() : "";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UnknownEvent && json.equals(((UnknownEvent) o).json);
  }

  @Override
  public int hashCode() {
    return json.hashCode();
  }

  /**
   * @return the type, id and JSON
   */
  @Override
  public String toString() {
    return "UnknownEvent{type: " + text("type") + ", id: " + text("id") + ", json: " + json + "}";
  }
}
