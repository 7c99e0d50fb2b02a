package com.kaicalls.spring;

import java.util.Objects;

/**
 * A verified delivery whose event this SDK version cannot read as a typed {@code Event}: a kind added to the platform
 * after this version, or a changed shape. It is published like any event, so nothing the platform sends is dropped:
 * listen for it with {@code @EventListener void on(UnknownWebhookEvent e)}.
 */
public final class UnknownWebhookEvent {
  private final String webhookId;
  private final String type;
  private final String json;

  /**
   * Creates the event.
   *
   * @param webhookId the verified {@code webhook-id} (the event id)
   * @param type the event's {@code type}, or {@code ""} if it has none
   * @param json the delivery's body
   */
  public UnknownWebhookEvent(String webhookId, String type, String json) {
    this.webhookId = Objects.requireNonNull(webhookId, "webhookId");
    this.type = Objects.requireNonNull(type, "type");
    this.json = Objects.requireNonNull(json, "json");
  }

  /** @return the verified {@code webhook-id}, which is the event id */
  public String webhookId() {
    return webhookId;
  }

  /** @return the event's {@code type}, e.g. {@code "call.transferred"}, or {@code ""} if it has none */
  public String type() {
    return type;
  }

  /** @return the delivery's body, as sent */
  public String json() {
    return json;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof UnknownWebhookEvent)) return false;
    UnknownWebhookEvent that = (UnknownWebhookEvent) other;
    return webhookId.equals(that.webhookId) && type.equals(that.type) && json.equals(that.json);
  }

  @Override
  public int hashCode() {
    return Objects.hash(webhookId, type, json);
  }

  @Override
  public String toString() {
    return "UnknownWebhookEvent{webhookId=" + webhookId + ", type=" + type + '}';
  }
}
