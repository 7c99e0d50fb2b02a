package com.kaicalls.mock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Event replay and backfill (they only create pending delivery records until issue #6). */
final class EventHandlers {

  private final Store store;
  private final Deliveries deliveries;
  private final Ids ids;
  private final Clock clock;

  EventHandlers(Store store, Deliveries deliveries, Ids ids, Clock clock) {
    this.store = store;
    this.deliveries = deliveries;
    this.ids = ids;
    this.clock = clock;
  }

  void register(Map<String, Handler> handlers) {
    handlers.put("replayEvent", this::replay);
    handlers.put("backfillEvents", this::backfill);
  }

  private ApiResponse replay(ApiCall call) {
    ObjectNode event = store.get(call.workspace(), "event", call.path("id"));
    if (event == null) {
      throw ApiException.notFound("event", call.path("id"));
    }
    String subscriptionId = call.body == null ? null : Json.text(call.body, "subscription_id");
    List<ObjectNode> targets = new ArrayList<>();
    if (subscriptionId != null) {
      targets.add(subscription(call, subscriptionId));
    } else {
      for (ObjectNode sub : store.all(call.workspace(), WebhookHandlers.TYPE)) {
        if (sub.path("enabled").asBoolean() && Deliveries.matches(sub, event.get("type").asText())) {
          targets.add(sub);
        }
      }
    }
    List<ObjectNode> created = new ArrayList<>();
    for (ObjectNode sub : targets) {
      created.add(deliveries.create(call.workspace(), event, sub, "replay", null));
    }
    return ApiResponse.ok(new Page(created, false, null).toJson());
  }

  private ApiResponse backfill(ApiCall call) {
    JsonNode body = call.body;
    ObjectNode sub = subscription(call, body.get("subscription_id").asText());
    Instant after = OffsetDateTime.parse(body.get("created_after").asText()).toInstant();
    Instant before = OffsetDateTime.parse(body.get("created_before").asText()).toInstant();
    if (!after.isBefore(before)) {
      throw ApiException.invalid("parameter_invalid", "created_after must be before created_before.", "created_after");
    }
    boolean onlyFailed = body.path("only_failed").asBoolean(false);
    String subId = sub.get("id").asText();
    Set<String> failedEvents = onlyFailed
        ? store.all(call.workspace(), Deliveries.TYPE).stream()
            .filter(d -> subId.equals(d.path("subscription_id").asText()) && "failed".equals(d.path("status").asText()))
            .map(d -> d.get("event_id").asText())
            .collect(Collectors.toSet())
        : Set.of();
    List<ObjectNode> events = new ArrayList<>();
    for (ObjectNode e : store.list(call.workspace(), "event",
        new ListQuery(null, after, before, null, Integer.MAX_VALUE, true)).data()) {
      if (Deliveries.matches(sub, e.get("type").asText()) && (!onlyFailed || failedEvents.contains(e.get("id").asText()))) {
        events.add(e);
      }
    }
    Instant now = clock.instant();
    ObjectNode backfill = Json.object();
    String id = ids.next("bf_");
    backfill.put("id", id);
    backfill.put("object", "backfill");
    backfill.put("subscription_id", subId);
    backfill.put("created_after", Json.time(after));
    backfill.put("created_before", Json.time(before));
    backfill.put("only_failed", onlyFailed);
    backfill.put("status", events.isEmpty() ? "completed" : "pending");
    backfill.put("total", events.size());
    backfill.put("queued", events.size());
    backfill.put("delivered", 0);
    backfill.put("failed", 0);
    backfill.put("created_at", Json.time(now));
    RunHandlers.putNullable(backfill, "completed_at", events.isEmpty() ? Json.time(now) : null);
    store.put(call.workspace(), "backfill", backfill);
    for (ObjectNode e : events) {
      deliveries.create(call.workspace(), e, sub, "backfill", id);
    }
    return ApiResponse.json(202, backfill);
  }

  private ObjectNode subscription(ApiCall call, String id) {
    ObjectNode sub = store.get(call.workspace(), WebhookHandlers.TYPE, id);
    if (sub == null) {
      throw new ApiException(404, "not_found", "resource_missing",
          "No such webhook subscription: '" + id + "'.", "subscription_id");
    }
    return sub;
  }
}
