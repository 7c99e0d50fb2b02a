package com.kaicalls.mock.internal.webhooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kaicalls.mock.internal.documents.Collections;
import com.kaicalls.mock.internal.documents.Fields;
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

  private final Store store;

  SubscriptionHealth(Store store) {
    this.store = store;
  }

  /** An attempt succeeded: the subscription is healthy again. */
  void delivered(String ws, String subId) {
    store.remove(ws, Collections.WEBHOOK_HEALTH, subId);
  }

  /**
   * An attempt failed (retryably): starts the failing period, or disables a subscription failing
   * too long.
   */
  void failed(String ws, String subId, Instant attemptedAt, Instant now) {
    ObjectNode health = store.get(ws, Collections.WEBHOOK_HEALTH, subId);
    if (health == null) {
      health =
          Json.object()
              .put(Fields.ID, subId)
              .put(Fields.CREATED_AT, Json.time(attemptedAt))
              .put("failing_since", attemptedAt.toString());
      store.put(ws, Collections.WEBHOOK_HEALTH, health);
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
    ObjectNode sub = store.get(ws, Collections.WEBHOOK_SUBSCRIPTION, subId);
    if (sub == null || !sub.path(Fields.ENABLED).asBoolean()) {
      return;
    }
    ObjectNode copy = sub.deepCopy();
    copy.put(Fields.ENABLED, false);
    copy.put(Fields.STATUS, "disabled");
    copy.put(Fields.DISABLED_REASON, reason);
    copy.put(Fields.UPDATED_AT, Json.time(now));
    store.put(ws, Collections.WEBHOOK_SUBSCRIPTION, copy);
    store.remove(ws, Collections.WEBHOOK_HEALTH, subId);
  }
}
