package com.kaicalls.mock.internal.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kaicalls.mock.internal.access.Workspaces;
import com.kaicalls.mock.internal.api.ApiCall;
import com.kaicalls.mock.internal.api.ApiException;
import com.kaicalls.mock.internal.api.ApiResponse;
import com.kaicalls.mock.internal.api.Handler;
import com.kaicalls.mock.internal.api.Lists;
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

  static final String TYPE = "webhook_subscription";
  static final String SECRET_TYPE = "webhook_secret";

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
                store.list(call.workspace(), TYPE, Lists.query(call, null, false)).toJson()));
    handlers.put("getWebhookSubscription", call -> ApiResponse.ok(find(call)));
    handlers.put("updateWebhookSubscription", this::update);
    handlers.put(
        "deleteWebhookSubscription",
        call -> {
          ObjectNode sub = find(call);
          store.remove(call.workspace(), TYPE, sub.get("id").asText());
          store.remove(call.workspace(), SECRET_TYPE, sub.get("id").asText());
          ObjectNode deleted = Json.object();
          deleted.put("id", sub.get("id").asText());
          deleted.put("object", "webhook_subscription");
          deleted.put("deleted", true);
          return ApiResponse.ok(deleted);
        });
    handlers.put(
        "testWebhookSubscription",
        call -> {
          ObjectNode sub = find(call);
          ObjectNode payload = Json.object();
          payload.put("object", "webhook_test");
          payload.put("subscription_id", sub.get("id").asText());
          payload.put("message", "This is a test event from KaiCalls.");
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
    sub.put("id", ids.next("whsub_"));
    sub.put("object", "webhook_subscription");
    sub.put("url", url);
    sub.set("event_types", types.deepCopy());
    sub.put(AgencyReach.INCLUDE_CLIENTS, includeClients);
    Json.putNullable(sub, "description", description);
    sub.put("enabled", enabled);
    sub.put("status", enabled ? "enabled" : "disabled");
    Json.putNullable(sub, "disabled_reason", enabled ? null : "manual");
    sub.put("created_at", now);
    sub.put("updated_at", now);
    ledger.save(workspaceId, TYPE, sub);
    saveSecret(workspaceId, sub, secret, null, null);
    return sub;
  }

  private ApiResponse create(ApiCall call) {
    checkUrl(call.body.get("url").asText());
    checkEventTypes(call.body.get("event_types"));
    boolean includeClients = includeClients(call, call.body);
    String secret = secrets.get();
    ObjectNode sub =
        createSubscriptionAt(
            call.workspace(),
            call.body.get("url").asText(),
            call.body.get("event_types"),
            Json.text(call.body, "description"),
            call.body.path("enabled").asBoolean(true),
            includeClients,
            secret,
            clock.instant());
    ObjectNode withSecret = sub.deepCopy();
    withSecret.put("secret", secret);
    withSecret.putNull("previous_secret_expires_at");
    return ApiResponse.json(201, withSecret);
  }

  private ApiResponse update(ApiCall call) {
    ObjectNode sub = find(call).deepCopy();
    JsonNode body = call.body == null ? Json.object() : call.body;
    if (body.has("url")) {
      sub.put("url", checkUrl(body.get("url").asText()));
    }
    if (body.has("event_types")) {
      checkEventTypes(body.get("event_types"));
      sub.set("event_types", body.get("event_types").deepCopy());
    }
    if (body.has(AgencyReach.INCLUDE_CLIENTS)) {
      sub.put(AgencyReach.INCLUDE_CLIENTS, includeClients(call, body));
    }
    if (body.has("description")) {
      Json.putNullable(sub, "description", Json.text(body, "description"));
    }
    if (body.has("enabled")) {
      boolean enabled = body.get("enabled").asBoolean();
      sub.put("enabled", enabled);
      sub.put("status", enabled ? "enabled" : "disabled");
      Json.putNullable(sub, "disabled_reason", enabled ? null : "manual");
    }
    sub.put("updated_at", Json.time(clock.instant()));
    ledger.save(call.workspace(), TYPE, sub);
    return ApiResponse.ok(sub);
  }

  private ApiResponse rotate(ApiCall call) {
    ObjectNode sub = find(call);
    long grace = call.body == null ? 86400 : call.body.path("grace_period_seconds").asLong(86400);
    Instant now = clock.instant();
    ObjectNode old = store.get(call.workspace(), SECRET_TYPE, sub.get("id").asText());
    String secret = secrets.get();
    Instant expires = now.plusSeconds(grace);
    saveSecret(
        call.workspace(), sub, secret, old == null ? null : Json.text(old, "secret"), expires);
    ObjectNode result = sub.deepCopy();
    result.put("secret", secret);
    result.put("previous_secret_expires_at", Json.time(expires));
    return ApiResponse.ok(result);
  }

  private void saveSecret(
      String workspaceId, ObjectNode sub, String secret, String previous, Instant previousExpires) {
    ObjectNode doc = Json.object();
    doc.put("id", sub.get("id").asText());
    doc.put("created_at", sub.get("created_at").asText());
    doc.put("secret", secret);
    Json.putNullable(doc, "previous_secret", previous);
    Json.putNullable(
        doc,
        "previous_secret_expires_at",
        previousExpires == null ? null : Json.time(previousExpires));
    store.put(workspaceId, SECRET_TYPE, doc);
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
    return call.require(store, TYPE, "webhook subscription");
  }
}
