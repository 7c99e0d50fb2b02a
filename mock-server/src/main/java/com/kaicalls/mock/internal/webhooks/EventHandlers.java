package com.kaicalls.mock.internal.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kaicalls.mock.internal.api.ApiCall;
import com.kaicalls.mock.internal.api.ApiException;
import com.kaicalls.mock.internal.api.ApiResponse;
import com.kaicalls.mock.internal.api.Handler;
import com.kaicalls.mock.internal.documents.Collections;
import com.kaicalls.mock.internal.documents.Fields;
import com.kaicalls.mock.internal.store.Json;
import com.kaicalls.mock.internal.store.Page;
import com.kaicalls.mock.internal.store.Store;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Event replay (new deliveries of one event) and backfill (see {@link Backfills}). */
public final class EventHandlers {

  private final Store store;
  private final Deliveries deliveries;
  private final Backfills backfills;

  public EventHandlers(Store store, Deliveries deliveries, Backfills backfills) {
    this.store = store;
    this.deliveries = deliveries;
    this.backfills = backfills;
  }

  public void register(Map<String, Handler> handlers) {
    handlers.put("replayEvent", this::replay);
    handlers.put("backfillEvents", this::backfill);
  }

  private ApiResponse replay(ApiCall call) {
    ObjectNode event = call.require(store, Collections.EVENT, "event");
    String subscriptionId = call.body == null ? null : Json.text(call.body, Fields.SUBSCRIPTION_ID);
    List<ObjectNode> targets = new ArrayList<>();
    if (subscriptionId != null) {
      targets.add(subscription(call, subscriptionId));
    } else {
      for (ObjectNode sub : store.all(call.workspace(), Collections.WEBHOOK_SUBSCRIPTION)) {
        if (sub.path(Fields.ENABLED).asBoolean()
            && Deliveries.matches(sub, event.get(Fields.TYPE).asText())) {
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
    ObjectNode sub = subscription(call, body.get(Fields.SUBSCRIPTION_ID).asText());
    Instant after = OffsetDateTime.parse(body.get(Fields.CREATED_AFTER).asText()).toInstant();
    Instant before = OffsetDateTime.parse(body.get(Fields.CREATED_BEFORE).asText()).toInstant();
    if (!after.isBefore(before)) {
      throw ApiException.invalid(
          "parameter_invalid", "created_after must be before created_before.", "created_after");
    }
    boolean onlyFailed = body.path(Fields.ONLY_FAILED).asBoolean(false);
    return ApiResponse.json(202, backfills.start(call.workspace(), sub, after, before, onlyFailed));
  }

  private ObjectNode subscription(ApiCall call, String id) {
    return call.require(
        store, Collections.WEBHOOK_SUBSCRIPTION, id, "webhook subscription", "subscription_id");
  }
}
