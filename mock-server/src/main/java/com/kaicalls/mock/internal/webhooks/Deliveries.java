package com.kaicalls.mock.internal.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kaicalls.mock.internal.clock.Scheduler;
import com.kaicalls.mock.internal.documents.Collections;
import com.kaicalls.mock.internal.documents.EventDeliveryDocument;
import com.kaicalls.mock.internal.documents.Fields;
import com.kaicalls.mock.internal.store.Ids;
import com.kaicalls.mock.internal.store.Json;
import com.kaicalls.mock.internal.store.Store;
import java.time.Clock;
import java.time.Instant;

/**
 * Creates {@code EventDelivery} records (status pending) and plans their first attempt now; the
 * {@link Dispatcher} makes the attempts.
 */
public final class Deliveries {

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
    for (JsonNode pattern : subscription.path(Fields.EVENT_TYPES)) {
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
    Instant now = clock.instant();
    ObjectNode d =
        EventDeliveryDocument.of(ids.next(EventDeliveryDocument.ID_PREFIX), now)
            .event(event)
            .subscription(subscription)
            .trigger(trigger)
            .backfillId(backfillId)
            .status("pending")
            .attempt(0)
            .nextAttemptAt(now)
            .attempts(Json.array())
            .build();
    store.put(workspaceId, Collections.EVENT_DELIVERY, d);
    plan(workspaceId, d.get(Fields.ID).asText(), now);
    return d;
  }

  /**
   * Brings a document of an older journal or snapshot up to the contract: a delivery stored before
   * {@code response_headers} existed gets {@code "response_headers": null} ("not recorded") on its
   * attempts; a subscription stored before agencies gets {@code include_client_workspaces: false}.
   * Other documents pass through.
   */
  public static ObjectNode upgrade(String type, ObjectNode document) {
    if (Collections.WEBHOOK_SUBSCRIPTION.equals(type)
        && !document.has(AgencyReach.INCLUDE_CLIENTS)) {
      document.put(AgencyReach.INCLUDE_CLIENTS, false);
    }
    if (Collections.EVENT_DELIVERY.equals(type) && document.path(Fields.ATTEMPTS).isArray()) {
      for (JsonNode attempt : document.get(Fields.ATTEMPTS)) {
        if (attempt instanceof ObjectNode a && !a.has(Fields.RESPONSE_HEADERS)) {
          a.putNull(Fields.RESPONSE_HEADERS);
        }
      }
    }
    return document;
  }

  void plan(String workspaceId, String deliveryId, Instant at) {
    scheduler.schedule(
        workspaceId,
        "dlv:" + deliveryId,
        DELIVER,
        at,
        Json.object().put("delivery_id", deliveryId));
  }
}
