package com.kaicalls.mock.internal.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kaicalls.mock.internal.documents.Collections;
import com.kaicalls.mock.internal.documents.Fields;
import com.kaicalls.mock.internal.store.Json;
import com.kaicalls.mock.internal.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The delivery state machine: records an attempt's outcome on its delivery and decides what follows
 * (succeeded; retried on {@link #SCHEDULE}, later when the receiver's {@code Retry-After} says so;
 * or failed), then tells the subscription's health and the delivery listeners. Runs inside the
 * transaction that records the attempt.
 */
final class AttemptRecorder {

  /** Delay before attempt n+1 after attempt n failed; attempt 1 is immediate. */
  static final List<Duration> SCHEDULE =
      List.of(
          Duration.ZERO,
          Duration.ofSeconds(5),
          Duration.ofMinutes(5),
          Duration.ofMinutes(30),
          Duration.ofHours(2),
          Duration.ofHours(5),
          Duration.ofHours(10),
          Duration.ofHours(10));

  /**
   * What came of one attempt: a response (status, bounded headers, head of the body) or an error
   * code.
   */
  record Outcome(
      Integer status,
      Map<String, String> headers,
      String body,
      String error,
      long durationMs,
      Duration retryAfter) {

    /** An attempt that never reached the receiver, for the reason {@code error}. */
    static Outcome error(String error) {
      return new Outcome(null, null, null, error, 0, null);
    }
  }

  private final Store store;
  private final Clock clock;
  private final Deliveries deliveries;
  private final SubscriptionHealth health;
  private final List<DeliveryListener> listeners;

  /** {@code listeners}: read at each attempt (the dispatcher's live list). */
  AttemptRecorder(
      Store store,
      Clock clock,
      Deliveries deliveries,
      SubscriptionHealth health,
      List<DeliveryListener> listeners) {
    this.store = store;
    this.clock = clock;
    this.deliveries = deliveries;
    this.health = health;
    this.listeners = listeners;
  }

  /**
   * Records attempt {@code d.attempt + 1} of the pending delivery {@code d} (a copy, stored again
   * here).
   */
  void record(String ws, ObjectNode d, Instant attemptedAt, JsonNode headers, Outcome outcome) {
    Instant now = clock.instant();
    int number = d.get(Fields.ATTEMPT).asInt() + 1;
    ObjectNode attempt = Json.object();
    attempt.put(Fields.ATTEMPT, number);
    attempt.set(Fields.REQUEST_HEADERS, headers);
    putInt(attempt, Fields.RESPONSE_STATUS, outcome.status());
    attempt.set(
        Fields.RESPONSE_HEADERS,
        outcome.headers() == null
            ? Json.MAPPER.nullNode()
            : Json.MAPPER.valueToTree(outcome.headers()));
    Json.putNullable(attempt, Fields.RESPONSE_BODY, outcome.body());
    Json.putNullable(attempt, Fields.ERROR, outcome.error());
    attempt.put(Fields.DURATION_MS, outcome.durationMs());
    attempt.put(Fields.ATTEMPTED_AT, Json.time(attemptedAt));
    ((ArrayNode) d.get(Fields.ATTEMPTS)).add(attempt);
    d.put(Fields.ATTEMPT, number);
    d.set(Fields.REQUEST_HEADERS, headers);
    putInt(d, Fields.RESPONSE_STATUS, outcome.status());
    Json.putNullable(d, Fields.RESPONSE_BODY, outcome.body());
    Json.putNullable(d, Fields.ERROR, outcome.error());
    d.put(Fields.DURATION_MS, outcome.durationMs());
    d.put(Fields.LAST_ATTEMPT_AT, Json.time(attemptedAt));
    Integer status = outcome.status();
    boolean ok = status != null && status >= 200 && status < 300;
    boolean gone = status != null && status == 410;
    boolean unrecoverable =
        (outcome.error() != null && outcome.error().startsWith("subscription_"))
            || "event_expired".equals(outcome.error())
            || "invalid_url".equals(outcome.error());
    String subId = d.get(Fields.SUBSCRIPTION_ID).asText();
    if (ok) {
      d.put(Fields.STATUS, "succeeded");
      d.putNull(Fields.NEXT_ATTEMPT_AT);
      health.delivered(ws, subId);
    } else if (gone || unrecoverable || number >= SCHEDULE.size()) {
      d.put(Fields.STATUS, "failed");
      d.putNull(Fields.NEXT_ATTEMPT_AT);
    } else {
      Duration delay = SCHEDULE.get(number);
      if (outcome.retryAfter() != null && outcome.retryAfter().compareTo(delay) > 0) {
        delay = outcome.retryAfter();
      }
      Instant next = now.plus(delay);
      d.put(Fields.NEXT_ATTEMPT_AT, Json.time(next));
      deliveries.plan(ws, d.get(Fields.ID).asText(), next);
    }
    store.put(ws, Collections.EVENT_DELIVERY, d);
    if (number == 1) {
      listeners.forEach(listener -> listener.firstAttemptEnded(ws, d));
    }
    if (gone) {
      health.gone(ws, subId, now);
    } else if (!ok && !unrecoverable) {
      health.failed(ws, subId, attemptedAt, now);
    }
    if (!"pending".equals(d.get(Fields.STATUS).asText())) {
      listeners.forEach(listener -> listener.finished(ws, d, ok));
    }
  }

  private static void putInt(ObjectNode node, String field, Integer value) {
    if (value == null) {
      node.putNull(field);
    } else {
      node.put(field, value);
    }
  }
}
