package com.kaicalls.mock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kaicalls.webhooks.WebhookSigner;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends webhook deliveries: live deliveries for each new event to the subscriptions it matches,
 * and every due attempt (live, test, replay, backfill) as a signed POST on a bounded worker pool,
 * at most {@link #PER_ENDPOINT} at a time per endpoint, never on an API request thread. Records
 * each attempt and plans the next on {@link #SCHEDULE} (virtual time), honouring Retry-After.
 */
final class Dispatcher implements AutoCloseable {

  /** Delay before attempt n+1 after attempt n failed; attempt 1 is immediate. */
  static final List<Duration> SCHEDULE = List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5),
      Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10));
  static final Duration DISABLE_AFTER = Duration.ofDays(5);
  static final int PER_ENDPOINT = 4;
  static final int WORKERS = 16;
  static final String HEALTH_TYPE = "_webhook_health";
  private static final System.Logger LOG = System.getLogger("com.kaicalls.mock");

  private record Outcome(Integer status, Map<String, String> headers, String body, String error, long durationMs,
      Duration retryAfter) {}

  private static final class Endpoint {
    int active;
    final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
  }

  private final Store store;
  private final Clock clock;
  private final Scheduler scheduler;
  private final Transactions tx;
  private final Deliveries deliveries;
  private final Clock wallClock;
  private final WebhookSender sender;
  private final ExecutorService pool;
  private final Map<String, Endpoint> endpoints = new HashMap<>();
  private final AtomicLong generation = new AtomicLong();

  /**
   * {@code clock} is virtual time (schedules, {@code attempted_at}); {@code wallClock} is real time, what
   * receivers compare {@code webhook-timestamp} with; {@code timeout} is each attempt's overall deadline.
   */
  Dispatcher(Store store, Ledger ledger, Clock clock, Clock wallClock, Scheduler scheduler, Transactions tx,
      Deliveries deliveries, Duration timeout) {
    this.store = store;
    this.clock = clock;
    this.wallClock = wallClock;
    this.scheduler = scheduler;
    this.tx = tx;
    this.deliveries = deliveries;
    AtomicInteger threads = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(WORKERS, r -> {
      Thread t = new Thread(r, "kaicalls-mock-webhooks-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.sender = new WebhookSender(pool, timeout);
    scheduler.register(Deliveries.DELIVER, this::attempt);
    ledger.onEvent(this::live);
  }

  /** Forgets in-flight attempts (reset): their results are dropped. */
  void clear() {
    generation.incrementAndGet();
  }

  /** After a restart: every pending delivery gets its attempt planned again (at-least-once). */
  void recover(List<String> workspaceIds) {
    for (String ws : workspaceIds) {
      for (ObjectNode d : store.all(ws, Deliveries.TYPE)) {
        String id = d.get("id").asText();
        if ("pending".equals(d.path("status").asText()) && !scheduler.scheduled(ws, "dlv:" + id)) {
          JsonNode next = d.get("next_attempt_at");
          deliveries.plan(ws, id, next == null || next.isNull() ? clock.instant() : Instant.parse(next.asText()));
        }
      }
    }
  }

  private void live(String ws, ObjectNode event) {
    String type = event.get("type").asText();
    if (type.equals("webhook_subscription.test")) {
      return; // sent only to its subscription, by the test route
    }
    for (ObjectNode sub : store.all(ws, WebhookHandlers.TYPE)) {
      if (sub.path("enabled").asBoolean() && Deliveries.matches(sub, type)) {
        deliveries.create(ws, event, sub, "live", null);
      }
    }
  }

  /** A delivery's attempt is due (inside a transaction): sign and hand it to the pool. */
  private void attempt(String ws, ObjectNode timer) {
    ObjectNode d = store.get(ws, Deliveries.TYPE, timer.get("delivery_id").asText());
    if (d == null || !"pending".equals(d.path("status").asText())) {
      return;
    }
    Instant now = clock.instant();
    ObjectNode sub = store.get(ws, WebhookHandlers.TYPE, d.get("subscription_id").asText());
    String trigger = d.get("trigger").asText();
    ObjectNode event = store.get(ws, "event", d.get("event_id").asText());
    if (sub == null || event == null) {
      record(ws, d.get("id").asText(), generation.get(), now, Map.of(),
          new Outcome(null, null, null, sub == null ? "subscription_deleted" : "event_expired", 0, null));
      return;
    }
    if (!sub.path("enabled").asBoolean() && (trigger.equals("live") || trigger.equals("backfill"))) {
      record(ws, d.get("id").asText(), generation.get(), now, Map.of(),
          new Outcome(null, null, null, "subscription_disabled", 0, null));
      return;
    }
    byte[] body = Json.bytes(event);
    String eventId = event.get("id").asText();
    WebhookSigner signer = signer(ws, sub, now);
    Map<String, String> headers = new LinkedHashMap<>();
    String url = d.get("url").asText();
    String deliveryId = d.get("id").asText();
    long gen = generation.get();
    scheduler.beginWork();
    submit(endpointKey(url), () -> {
      Outcome outcome = null;
      try {
        headers.put("content-type", "application/json");
        headers.put("user-agent", "KaiCalls-Webhooks/1 (emulator)");
        // Signed when sent, with real time: receivers check it against their own clock, not the virtual one.
        headers.putAll(signer.headers(eventId, wallClock.instant().getEpochSecond(), body));
        WebhookSender.Result sent = sender.send(url, headers, body);
        outcome = new Outcome(sent.status(), sent.headers(), sent.body(), sent.error(), sent.durationMs(),
            retryAfter(sent.retryAfter()));
      } catch (RuntimeException e) {
        outcome = new Outcome(null, null, null, "internal_error", 0, null);
        LOG.log(System.Logger.Level.WARNING, "Webhook attempt " + deliveryId + " to " + url + " failed: " + e);
      } finally {
        Outcome o = outcome;
        try {
          tx.run(() -> record(ws, deliveryId, gen, now, headers, o));
        } catch (RuntimeException e) {
          LOG.log(System.Logger.Level.WARNING, "Could not record webhook attempt " + deliveryId + ": " + e);
        } finally {
          scheduler.endWork();
        }
      }
    });
  }

  /** The signer for a subscription now: its secret, plus the previous one during the grace period. */
  private WebhookSigner signer(String ws, ObjectNode sub, Instant now) {
    ObjectNode secret = store.get(ws, WebhookHandlers.SECRET_TYPE, sub.get("id").asText());
    List<String> secrets = new ArrayList<>();
    secrets.add(secret.get("secret").asText());
    String previous = Json.text(secret, "previous_secret");
    String expires = Json.text(secret, "previous_secret_expires_at");
    if (previous != null && expires != null && now.isBefore(Instant.parse(expires))) {
      secrets.add(previous);
    }
    return WebhookSigner.of(secrets);
  }

  /** Records an attempt's outcome and decides: done, retry (when) or give up (inside a transaction). */
  private void record(String ws, String deliveryId, long gen, Instant attemptedAt, Map<String, String> headers,
      Outcome outcome) {
    ObjectNode stored = store.get(ws, Deliveries.TYPE, deliveryId);
    if (gen != generation.get() || stored == null || !"pending".equals(stored.path("status").asText())) {
      return;
    }
    record(ws, stored.deepCopy(), attemptedAt, Json.MAPPER.valueToTree(headers), outcome);
  }

  private void record(String ws, ObjectNode d, Instant attemptedAt, JsonNode headers, Outcome outcome) {
    Instant now = clock.instant();
    int number = d.get("attempt").asInt() + 1;
    ObjectNode attempt = Json.object();
    attempt.put("attempt", number);
    attempt.set("request_headers", headers);
    putInt(attempt, "response_status", outcome.status());
    attempt.set("response_headers", outcome.headers() == null ? Json.MAPPER.nullNode()
        : Json.MAPPER.valueToTree(outcome.headers()));
    RunHandlers.putNullable(attempt, "response_body", outcome.body());
    RunHandlers.putNullable(attempt, "error", outcome.error());
    attempt.put("duration_ms", outcome.durationMs());
    attempt.put("attempted_at", Json.time(attemptedAt));
    ((ArrayNode) d.get("attempts")).add(attempt);
    d.put("attempt", number);
    d.set("request_headers", headers);
    putInt(d, "response_status", outcome.status());
    RunHandlers.putNullable(d, "response_body", outcome.body());
    RunHandlers.putNullable(d, "error", outcome.error());
    d.put("duration_ms", outcome.durationMs());
    d.put("last_attempt_at", Json.time(attemptedAt));
    Integer status = outcome.status();
    boolean ok = status != null && status >= 200 && status < 300;
    boolean gone = status != null && status == 410;
    boolean unrecoverable = (outcome.error() != null && outcome.error().startsWith("subscription_"))
        || "event_expired".equals(outcome.error()) || "invalid_url".equals(outcome.error());
    String subId = d.get("subscription_id").asText();
    if (ok) {
      d.put("status", "succeeded");
      d.putNull("next_attempt_at");
      store.remove(ws, HEALTH_TYPE, subId);
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
    if (number == 1 && !d.path("backfill_id").isNull()) {
      Backfills.attempted(store, clock, scheduler, ws, d.get("backfill_id").asText());
    }
    if (gone) {
      disable(ws, subId, "endpoint_gone", now);
    } else if (!ok && !unrecoverable) {
      failing(ws, subId, attemptedAt, now);
    }
    if (!"pending".equals(d.get("status").asText()) && !d.path("backfill_id").isNull()) {
      Backfills.finished(store, clock, ws, d.get("backfill_id").asText(), ok);
    }
  }

  /** Tracks since when a subscription's deliveries fail; disables it after {@link #DISABLE_AFTER}. */
  private void failing(String ws, String subId, Instant attemptedAt, Instant now) {
    ObjectNode health = store.get(ws, HEALTH_TYPE, subId);
    if (health == null) {
      health = Json.object().put("id", subId).put("created_at", Json.time(attemptedAt))
          .put("failing_since", attemptedAt.toString());
      store.put(ws, HEALTH_TYPE, health);
    } else if (!now.isBefore(Instant.parse(health.get("failing_since").asText()).plus(DISABLE_AFTER))) {
      disable(ws, subId, "failing", now);
    }
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

  private void submit(String key, Runnable job) {
    synchronized (endpoints) {
      Endpoint e = endpoints.computeIfAbsent(key, k -> new Endpoint());
      if (e.active < PER_ENDPOINT) {
        e.active++;
        execute(() -> runThenNext(key, job));
      } else {
        e.waiting.add(job);
      }
    }
  }

  private void runThenNext(String key, Runnable job) {
    try {
      job.run();
    } finally {
      synchronized (endpoints) {
        Endpoint e = endpoints.get(key);
        Runnable next = e.waiting.poll();
        if (next != null) {
          execute(() -> runThenNext(key, next));
        } else {
          e.active--;
          if (e.active == 0) {
            endpoints.remove(key);
          }
        }
      }
    }
  }

  private void execute(Runnable task) {
    try {
      pool.execute(task);
    } catch (java.util.concurrent.RejectedExecutionException closing) {
      scheduler.endWork(); // shutting down: the attempt stays pending in the store
    }
  }

  private static String endpointKey(String url) {
    try {
      URI uri = URI.create(url);
      return (uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort()).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return url;
    }
  }

  static boolean reserved(String host) {
    if (host == null) {
      return true;
    }
    String h = host.toLowerCase(Locale.ROOT);
    for (String domain : List.of("example.com", "example.net", "example.org")) {
      if (h.equals(domain) || h.endsWith("." + domain)) {
        return true;
      }
    }
    return h.endsWith(".example") || h.endsWith(".test") || h.endsWith(".invalid");
  }

  /** {@code Retry-After} as seconds or an HTTP date, or {@code null}. */
  private Duration retryAfter(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
    } catch (NumberFormatException e) {
      try {
        Instant at = java.time.ZonedDateTime.parse(value.trim(), java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
            .toInstant();
        Duration d = Duration.between(clock.instant(), at);
        return d.isNegative() ? Duration.ZERO : d;
      } catch (java.time.format.DateTimeParseException ignored) {
        return null;
      }
    }
  }

  private static void putInt(ObjectNode node, String field, Integer value) {
    if (value == null) {
      node.putNull(field);
    } else {
      node.put(field, value);
    }
  }

  @Override
  public void close() {
    generation.incrementAndGet();
    pool.shutdownNow();
  }
}
