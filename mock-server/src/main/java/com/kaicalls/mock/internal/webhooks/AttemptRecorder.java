package com.kaicalls.mock.internal.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
    int number = d.get("attempt").asInt() + 1;
    ObjectNode attempt = Json.object();
    attempt.put("attempt", number);
    attempt.set("request_headers", headers);
    putInt(attempt, "response_status", outcome.status());
    attempt.set(
        "response_headers",
        outcome.headers() == null
            ? Json.MAPPER.nullNode()
            : Json.MAPPER.valueToTree(outcome.headers()));
    Json.putNullable(attempt, "response_body", outcome.body());
    Json.putNullable(attempt, "error", outcome.error());
    attempt.put("duration_ms", outcome.durationMs());
    attempt.put("attempted_at", Json.time(attemptedAt));
    ((ArrayNode) d.get("attempts")).add(attempt);
    d.put("attempt", number);
    d.set("request_headers", headers);
    putInt(d, "response_status", outcome.status());
    Json.putNullable(d, "response_body", outcome.body());
    Json.putNullable(d, "error", outcome.error());
    d.put("duration_ms", outcome.durationMs());
    d.put("last_attempt_at", Json.time(attemptedAt));
    Integer status = outcome.status();
    boolean ok = status != null && status >= 200 && status < 300;
    boolean gone = status != null && status == 410;
    boolean unrecoverable =
        (outcome.error() != null && outcome.error().startsWith("subscription_"))
            || "event_expired".equals(outcome.error())
            || "invalid_url".equals(outcome.error());
    String subId = d.get("subscription_id").asText();
    if (ok) {
      d.put("status", "succeeded");
      d.putNull("next_attempt_at");
      health.delivered(ws, subId);
    } else if (gone || unrecoverable || number >= SCHEDULE.size()) {
      d.put("status", "failed");
      d.putNull("next_attempt_at");
    } else {
      Duration delay = SCHEDULE.get(number);
      if (outcome.retryAfter() != null && outcome.retryAfter().compareTo(delay) > 0) {
        delay = outcome.retryAfter();
      }
      Instant next = now.plus(delay);
      d.put("next_attempt_at", Json.time(next));
      deliveries.plan(ws, d.get("id").asText(), next);
    }
    store.put(ws, Deliveries.TYPE, d);
    if (number == 1) {
      listeners.forEach(listener -> listener.firstAttemptEnded(ws, d));
    }
    if (gone) {
      health.gone(ws, subId, now);
    } else if (!ok && !unrecoverable) {
      health.failed(ws, subId, attemptedAt, now);
    }
    if (!"pending".equals(d.get("status").asText())) {
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
