package com.kaicalls.mock.internal.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kaicalls.mock.internal.clock.Scheduler;
import com.kaicalls.mock.internal.store.Ids;
import com.kaicalls.mock.internal.store.Json;
import com.kaicalls.mock.internal.store.Store;
import java.time.Clock;

/**
 * Creates {@code EventDelivery} records (status pending) and plans their first attempt now; the
 * {@link Dispatcher} makes the attempts.
 */
public final class Deliveries {

  static final String TYPE = "event_delivery";
  static final String DELIVER = "webhook.deliver";

  private final Store store;
  private final Ids ids;
  private final Clock clock;
  private final Scheduler scheduler;

  public Deliveries(Store store, Ids ids, Clock clock, Scheduler scheduler) {
    this.store = store;
    this.ids = ids;
    this.clock = clock;
    this.scheduler = scheduler;
  }

  static boolean matches(JsonNode subscription, String eventType) {
    for (JsonNode pattern : subscription.path("event_types")) {
      String p = pattern.asText();
      if (p.equals("*")
          || p.equals(eventType)
          || (p.endsWith(".*") && eventType.startsWith(p.substring(0, p.length() - 1)))) {
        return true;
      }
    }
    return false;
  }

  ObjectNode create(
      String workspaceId,
      JsonNode event,
      JsonNode subscription,
      String trigger,
      String backfillId) {
    String now = Json.time(clock.instant());
    ObjectNode d = Json.object();
    d.put("id", ids.next("dlv_"));
    d.put("object", "event_delivery");
    d.put("event_id", event.get("id").asText());
    d.put("event_type", event.get("type").asText());
    d.put("subscription_id", subscription.get("id").asText());
    d.put("url", subscription.get("url").asText());
    d.put("trigger", trigger);
    Json.putNullable(d, "backfill_id", backfillId);
    d.put("status", "pending");
    d.put("attempt", 0);
    d.put("next_attempt_at", now);
    d.putNull("request_headers");
    d.putNull("response_status");
    d.putNull("response_body");
    d.putNull("error");
    d.putNull("duration_ms");
    d.putNull("last_attempt_at");
    d.putArray("attempts");
    d.put("created_at", now);
    store.put(workspaceId, TYPE, d);
    plan(workspaceId, d.get("id").asText(), clock.instant());
    return d;
  }

  /**
   * Brings a document of an older journal or snapshot up to the contract: a delivery stored before
   * {@code response_headers} existed gets {@code "response_headers": null} ("not recorded") on its
   * attempts; a subscription stored before agencies gets {@code include_client_workspaces: false}.
   * Other documents pass through.
   */
  public static ObjectNode upgrade(String type, ObjectNode document) {
    if (WebhookHandlers.TYPE.equals(type) && !document.has(AgencyReach.INCLUDE_CLIENTS)) {
      document.put(AgencyReach.INCLUDE_CLIENTS, false);
    }
    if (TYPE.equals(type) && document.path("attempts").isArray()) {
      for (JsonNode attempt : document.get("attempts")) {
        if (attempt instanceof ObjectNode a && !a.has("response_headers")) {
          a.putNull("response_headers");
        }
      }
    }
    return document;
  }

  void plan(String workspaceId, String deliveryId, java.time.Instant at) {
    scheduler.schedule(
        workspaceId,
        "dlv:" + deliveryId,
        DELIVER,
        at,
        Json.object().put("delivery_id", deliveryId));
  }
}
