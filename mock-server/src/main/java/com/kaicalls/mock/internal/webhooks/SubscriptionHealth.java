package com.kaicalls.mock.internal.webhooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kaicalls.mock.internal.store.Json;
import com.kaicalls.mock.internal.store.Store;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether a subscription still deserves deliveries: since when its attempts fail (a {@code
 * _webhook_health} document), disabled after {@link #DISABLE_AFTER} of failures or at once when its
 * endpoint answers 410 Gone. Called inside the transaction that records the attempt.
 */
final class SubscriptionHealth {

  static final Duration DISABLE_AFTER = Duration.ofDays(5);
  static final String HEALTH_TYPE = "_webhook_health";

  private final Store store;

  SubscriptionHealth(Store store) {
    this.store = store;
  }

  /** An attempt succeeded: the subscription is healthy again. */
  void delivered(String ws, String subId) {
    store.remove(ws, HEALTH_TYPE, subId);
  }

  /**
   * An attempt failed (retryably): starts the failing period, or disables a subscription failing
   * too long.
   */
  void failed(String ws, String subId, Instant attemptedAt, Instant now) {
    ObjectNode health = store.get(ws, HEALTH_TYPE, subId);
    if (health == null) {
      health =
          Json.object()
              .put("id", subId)
              .put("created_at", Json.time(attemptedAt))
              .put("failing_since", attemptedAt.toString());
      store.put(ws, HEALTH_TYPE, health);
    } else if (!now.isBefore(
        Instant.parse(health.get("failing_since").asText()).plus(DISABLE_AFTER))) {
      disable(ws, subId, "failing", now);
    }
  }

  /** The endpoint answered 410 Gone: the subscription is disabled now. */
  void gone(String ws, String subId, Instant now) {
    disable(ws, subId, "endpoint_gone", now);
  }

  private void disable(String ws, String subId, String reason, Instant now) {
    ObjectNode sub = store.get(ws, WebhookHandlers.TYPE, subId);
    if (sub == null || !sub.path("enabled").asBoolean()) {
      return;
    }
    ObjectNode copy = sub.deepCopy();
    copy.put("enabled", false);
    copy.put("status", "disabled");
    copy.put("disabled_reason", reason);
    copy.put("updated_at", Json.time(now));
    store.put(ws, WebhookHandlers.TYPE, copy);
    store.remove(ws, HEALTH_TYPE, subId);
  }
}
