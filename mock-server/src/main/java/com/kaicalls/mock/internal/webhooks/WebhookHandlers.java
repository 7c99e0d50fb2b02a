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
import com.kaicalls.mock.internal.events.Ledger;
import com.kaicalls.mock.internal.store.Ids;
import com.kaicalls.mock.internal.store.Json;
import com.kaicalls.mock.internal.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** {@code /v1/webhook-subscriptions}: CRUD, test and rotate-secret. Secrets are kept apart. */
public final class WebhookHandlers {

  private final Store store;
  private final Ledger ledger;
  private final Deliveries deliveries;
  private final Ids ids;
  private final Clock clock;
  private final Supplier<String> secrets;
  private final Set<String> eventTypes;
  private final AgencyReach reach;

  public WebhookHandlers(
      Store store,
      Ledger ledger,
      Deliveries deliveries,
      Ids ids,
      Clock clock,
      Supplier<String> secrets,
      Set<String> eventTypes,
      Workspaces workspaces) {
    this.store = store;
    this.ledger = ledger;
    this.deliveries = deliveries;
    this.ids = ids;
    this.clock = clock;
    this.secrets = secrets;
    this.eventTypes = eventTypes;
    this.reach = new AgencyReach(store, workspaces);
  }

  public void register(Map<String, Handler> handlers) {
    handlers.put("createWebhookSubscription", this::create);
    handlers.put(
        "listWebhookSubscriptions",
        call ->
            ApiResponse.ok(
                store
                    .list(
                        call.workspace(),
                        Collections.WEBHOOK_SUBSCRIPTION,
                        Lists.query(call, null, false))
                    .toJson()));
    handlers.put("getWebhookSubscription", call -> ApiResponse.ok(find(call)));
    handlers.put("updateWebhookSubscription", this::update);
    handlers.put(
        "deleteWebhookSubscription",
        call -> {
          ObjectNode sub = find(call);
          store.remove(
              call.workspace(), Collections.WEBHOOK_SUBSCRIPTION, sub.get(Fields.ID).asText());
          store.remove(call.workspace(), Collections.WEBHOOK_SECRET, sub.get(Fields.ID).asText());
          ObjectNode deleted = Json.object();
          deleted.put(Fields.ID, sub.get(Fields.ID).asText());
          deleted.put(Fields.OBJECT, Collections.WEBHOOK_SUBSCRIPTION);
          deleted.put(Fields.DELETED, true);
          return ApiResponse.ok(deleted);
        });
    handlers.put(
        "testWebhookSubscription",
        call -> {
          ObjectNode sub = find(call);
          ObjectNode payload = Json.object();
          payload.put(Fields.OBJECT, "webhook_test");
          payload.put(Fields.SUBSCRIPTION_ID, sub.get(Fields.ID).asText());
          payload.put(Fields.MESSAGE, "This is a test event from KaiCalls.");
          ObjectNode event = ledger.append(call.workspace(), "webhook_subscription.test", payload);
          return ApiResponse.ok(deliveries.create(call.workspace(), event, sub, "test", null));
        });
    handlers.put("rotateWebhookSubscriptionSecret", this::rotate);
  }

  /**
   * Creates a subscription that happened at {@code at} (the seed backdates its history), receiving
   * only its own workspace's events.
   */
  public ObjectNode createSubscriptionAt(
      String workspaceId,
      String url,
      JsonNode types,
      String description,
      boolean enabled,
      String secret,
      Instant at) {
    return createSubscriptionAt(workspaceId, url, types, description, enabled, false, secret, at);
  }

  /**
   * Creates a subscription; with {@code includeClients} (an agency's only) it also receives its
   * client workspaces' events.
   */
  public ObjectNode createSubscriptionAt(
      String workspaceId,
      String url,
      JsonNode types,
      String description,
      boolean enabled,
      boolean includeClients,
      String secret,
      Instant at) {
    String now = Json.time(at);
    ObjectNode sub = Json.object();
    sub.put(Fields.ID, ids.next("whsub_"));
    sub.put(Fields.OBJECT, Collections.WEBHOOK_SUBSCRIPTION);
    sub.put(Fields.URL, url);
    sub.set(Fields.EVENT_TYPES, types.deepCopy());
    sub.put(AgencyReach.INCLUDE_CLIENTS, includeClients);
    Json.putNullable(sub, Fields.DESCRIPTION, description);
    sub.put(Fields.ENABLED, enabled);
    sub.put(Fields.STATUS, enabled ? Fields.ENABLED : "disabled");
    Json.putNullable(sub, Fields.DISABLED_REASON, enabled ? null : "manual");
    sub.put(Fields.CREATED_AT, now);
    sub.put(Fields.UPDATED_AT, now);
    ledger.save(workspaceId, Collections.WEBHOOK_SUBSCRIPTION, sub);
    saveSecret(workspaceId, sub, secret, null, null);
    return sub;
  }

  private ApiResponse create(ApiCall call) {
    checkUrl(call.body.get(Fields.URL).asText());
    checkEventTypes(call.body.get(Fields.EVENT_TYPES));
    boolean includeClients = includeClients(call, call.body);
    String secret = secrets.get();
    ObjectNode sub =
        createSubscriptionAt(
            call.workspace(),
            call.body.get(Fields.URL).asText(),
            call.body.get(Fields.EVENT_TYPES),
            Json.text(call.body, Fields.DESCRIPTION),
            call.body.path(Fields.ENABLED).asBoolean(true),
            includeClients,
            secret,
            clock.instant());
    ObjectNode withSecret = sub.deepCopy();
    withSecret.put(Fields.SECRET, secret);
    withSecret.putNull(Fields.PREVIOUS_SECRET_EXPIRES_AT);
    return ApiResponse.json(201, withSecret);
  }

  private ApiResponse update(ApiCall call) {
    ObjectNode sub = find(call).deepCopy();
    JsonNode body = call.body == null ? Json.object() : call.body;
    if (body.has(Fields.URL)) {
      sub.put(Fields.URL, checkUrl(body.get(Fields.URL).asText()));
    }
    if (body.has(Fields.EVENT_TYPES)) {
      checkEventTypes(body.get(Fields.EVENT_TYPES));
      sub.set(Fields.EVENT_TYPES, body.get(Fields.EVENT_TYPES).deepCopy());
    }
    if (body.has(AgencyReach.INCLUDE_CLIENTS)) {
      sub.put(AgencyReach.INCLUDE_CLIENTS, includeClients(call, body));
    }
    if (body.has(Fields.DESCRIPTION)) {
      Json.putNullable(sub, Fields.DESCRIPTION, Json.text(body, Fields.DESCRIPTION));
    }
    if (body.has(Fields.ENABLED)) {
      boolean enabled = body.get(Fields.ENABLED).asBoolean();
      sub.put(Fields.ENABLED, enabled);
      sub.put(Fields.STATUS, enabled ? "enabled" : "disabled");
      Json.putNullable(sub, Fields.DISABLED_REASON, enabled ? null : "manual");
    }
    sub.put(Fields.UPDATED_AT, Json.time(clock.instant()));
    ledger.save(call.workspace(), Collections.WEBHOOK_SUBSCRIPTION, sub);
    return ApiResponse.ok(sub);
  }

  private ApiResponse rotate(ApiCall call) {
    ObjectNode sub = find(call);
    long grace =
        call.body == null ? 86400 : call.body.path(Fields.GRACE_PERIOD_SECONDS).asLong(86400);
    Instant now = clock.instant();
    ObjectNode old =
        store.get(call.workspace(), Collections.WEBHOOK_SECRET, sub.get(Fields.ID).asText());
    String secret = secrets.get();
    Instant expires = now.plusSeconds(grace);
    saveSecret(
        call.workspace(), sub, secret, old == null ? null : Json.text(old, Fields.SECRET), expires);
    ObjectNode result = sub.deepCopy();
    result.put(Fields.SECRET, secret);
    result.put(Fields.PREVIOUS_SECRET_EXPIRES_AT, Json.time(expires));
    return ApiResponse.ok(result);
  }

  private void saveSecret(
      String workspaceId, ObjectNode sub, String secret, String previous, Instant previousExpires) {
    ObjectNode doc = Json.object();
    doc.put(Fields.ID, sub.get(Fields.ID).asText());
    doc.put(Fields.CREATED_AT, sub.get(Fields.CREATED_AT).asText());
    doc.put(Fields.SECRET, secret);
    Json.putNullable(doc, "previous_secret", previous);
    Json.putNullable(
        doc,
        Fields.PREVIOUS_SECRET_EXPIRES_AT,
        previousExpires == null ? null : Json.time(previousExpires));
    store.put(workspaceId, Collections.WEBHOOK_SECRET, doc);
  }

  /**
   * The requested {@code include_client_workspaces} (false when absent): {@code true} only in an
   * agency workspace; {@code false}, every other workspace's value, is accepted anywhere.
   */
  private boolean includeClients(ApiCall call, JsonNode body) {
    boolean include = body.path(AgencyReach.INCLUDE_CLIENTS).asBoolean(false);
    if (include && !reach.isAgency(call.workspace())) {
      throw ApiException.invalid(
          "parameter_invalid",
          "include_client_workspaces can only be true for a subscription of an agency workspace.",
          AgencyReach.INCLUDE_CLIENTS);
    }
    return include;
  }

  /** Only what a delivery can reach: http(s), a host, a port in 1..65535. */
  private static String checkUrl(String url) {
    if (WebhookSender.target(url) == null) {
      throw ApiException.invalid(
          "parameter_invalid",
          "url must be an http or https URL with a host (and, if given, a port from 1 to 65535).",
          "url");
    }
    return url;
  }

  private void checkEventTypes(JsonNode types) {
    if (eventTypes.isEmpty()) {
      return;
    }
    for (int i = 0; i < types.size(); i++) {
      String t = types.get(i).asText();
      boolean ok =
          t.equals("*")
              || eventTypes.contains(t)
              || (t.endsWith(".*")
                  && eventTypes.stream()
                      .anyMatch(e -> e.startsWith(t.substring(0, t.length() - 1))));
      if (!ok) {
        throw ApiException.invalid(
            "parameter_invalid",
            "'" + t + "' is not an event type, a 'prefix.*' pattern or '*'.",
            "event_types[" + i + "]");
      }
    }
  }

  private ObjectNode find(ApiCall call) {
    return call.require(store, Collections.WEBHOOK_SUBSCRIPTION, "webhook subscription");
  }
}
