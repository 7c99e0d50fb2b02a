package com.kaicalls.mock.internal.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kaicalls.mock.internal.access.Workspaces;
import com.kaicalls.mock.internal.api.ApiCall;
import com.kaicalls.mock.internal.api.ApiException;
import com.kaicalls.mock.internal.api.ApiResponse;
import com.kaicalls.mock.internal.api.Handler;
import com.kaicalls.mock.internal.api.Lists;
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
import java.util.Set;

/**
 * {@code /v1/events}: list and retrieve (an agency's reach its clients' events), replay (new
 * deliveries of one event) and backfill (see {@link Backfills}).
 */
public final class EventHandlers {

  private static final String WORKSPACE_ID = "workspace_id";

  private final Store store;
  private final Deliveries deliveries;
  private final Backfills backfills;
  private final AgencyReach reach;

  public EventHandlers(
      Store store, Deliveries deliveries, Backfills backfills, Workspaces workspaces) {
    this.store = store;
    this.deliveries = deliveries;
    this.backfills = backfills;
    this.reach = new AgencyReach(store, workspaces);
  }

  public void register(Map<String, Handler> handlers) {
    handlers.put("listEvents", this::list);
    handlers.put("getEvent", call -> ApiResponse.ok(find(call).event()));
    handlers.put("replayEvent", this::replay);
    handlers.put("backfillEvents", this::backfill);
  }

  /** One list over the workspaces asked for, in the usual order and with the usual cursors. */
  private ApiResponse list(ApiCall call) {
    return ApiResponse.ok(
        store
            .list(
                listed(call),
                "event",
                Lists.query(call, null, false, Set.of(AgencyReach.INCLUDE_CLIENTS, WORKSPACE_ID)))
            .toJson());
  }

  /**
   * The workspaces a list covers: {@code workspace_id} (one the caller may read, else 404), or the
   * caller's own, with {@code include_client_workspaces=true} its clients too (none but an
   * agency's).
   */
  private List<String> listed(ApiCall call) {
    List<String> visible = reach.visible(call.workspace());
    String only = call.query(WORKSPACE_ID);
    if (only != null) {
      if (!visible.contains(only)) {
        throw ApiException.notFound("workspace", only, WORKSPACE_ID);
      }
      return List.of(only);
    }
    return "true".equals(call.query(AgencyReach.INCLUDE_CLIENTS))
        ? visible
        : List.of(call.workspace());
  }

  private ApiResponse replay(ApiCall call) {
    AgencyReach.Located found = find(call);
    ObjectNode event = found.event();
    String subscriptionId = call.body == null ? null : Json.text(call.body, Fields.SUBSCRIPTION_ID);
    List<ObjectNode> targets = new ArrayList<>();
    if (subscriptionId != null) {
      ObjectNode sub = subscription(call, subscriptionId);
      if (!reach.covers(call.workspace(), sub, found.workspaceId())) {
        throw ApiException.invalid(
            "parameter_invalid",
            "Subscription "
                + subscriptionId
                + " does not receive the events of client workspaces"
                + " (include_client_workspaces is false).",
            "subscription_id");
      }
      targets.add(sub);
    } else {
      for (ObjectNode sub : store.all(call.workspace(), Collections.WEBHOOK_SUBSCRIPTION)) {
        if (sub.path(Fields.ENABLED).asBoolean()
            && reach.covers(call.workspace(), sub, found.workspaceId())
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

  /** The event of the path's id, the caller's own or (an agency's) one of its clients'; or 404. */
  private AgencyReach.Located find(ApiCall call) {
    AgencyReach.Located found = reach.locate(call.workspace(), call.path("id"));
    if (found == null) {
      throw ApiException.notFound("event", call.path("id"));
    }
    return found;
  }

  private ObjectNode subscription(ApiCall call, String id) {
    return call.require(
        store, Collections.WEBHOOK_SUBSCRIPTION, id, "webhook subscription", "subscription_id");
  }
}
