package com.kaicalls.mock.internal.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kaicalls.mock.internal.access.Workspaces;
import com.kaicalls.mock.internal.clock.Scheduler;
import com.kaicalls.mock.internal.documents.Collections;
import com.kaicalls.mock.internal.documents.Fields;
import com.kaicalls.mock.internal.events.Ledger;
import com.kaicalls.mock.internal.store.Json;
import com.kaicalls.mock.internal.store.Store;
import com.kaicalls.mock.internal.store.Transactions;
import com.kaicalls.webhooks.WebhookSigner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends webhook deliveries: live deliveries for each new event to the subscriptions it matches (its
 * workspace's, and for a client's event its agency's that include clients), and every due attempt
 * (live, test, replay, backfill) as a signed POST through the {@link EndpointQueue}, never on an
 * API request thread; the {@link AttemptRecorder} records each attempt and plans the next (virtual
 * time).
 */
public final class Dispatcher implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger("com.kaicalls.mock");

  private final Store store;
  private final Clock clock;
  private final Clock wallClock;
  private final Scheduler scheduler;
  private final Transactions tx;
  private final Deliveries deliveries;
  private final AgencyReach reach;
  private final EndpointQueue queue;
  private final WebhookSender sender;
  private final List<DeliveryListener> listeners = new CopyOnWriteArrayList<>();
  private final AttemptRecorder recorder;

  /** Bumped by a reset or close: results of attempts started before are dropped. */
  private final AtomicLong generation = new AtomicLong();

  /**
   * {@code clock} is virtual time (schedules, {@code attempted_at}); {@code wallClock} is real
   * time, what receivers compare {@code webhook-timestamp} with; {@code timeout} is each attempt's
   * overall deadline; {@code workspaces} tells which agency receives a client's events.
   */
  public Dispatcher(
      Store store,
      Ledger ledger,
      Clock clock,
      Clock wallClock,
      Scheduler scheduler,
      Transactions tx,
      Deliveries deliveries,
      Workspaces workspaces,
      Duration timeout) {
    this.store = store;
    this.clock = clock;
    this.wallClock = wallClock;
    this.scheduler = scheduler;
    this.tx = tx;
    this.deliveries = deliveries;
    this.reach = new AgencyReach(store, workspaces);
    // Shutting down: the attempt stays pending in the store.
    this.queue = new EndpointQueue(scheduler::endWork);
    this.sender = new WebhookSender(queue.pool(), timeout);
    this.recorder =
        new AttemptRecorder(store, clock, deliveries, new SubscriptionHealth(store), listeners);
    scheduler.register(Deliveries.DELIVER, this::attempt);
    ledger.onEvent(this::live);
  }

  /**
   * Adds a listener told of every delivery's first attempt and final status (e.g. {@link
   * Backfills}).
   */
  public void addListener(DeliveryListener listener) {
    listeners.add(listener);
  }

  /** Forgets in-flight attempts (reset): their results are dropped. */
  public void clear() {
    generation.incrementAndGet();
  }

  /** After a restart: every pending delivery gets its attempt planned again (at-least-once). */
  public void recover(List<String> workspaceIds) {
    for (String ws : workspaceIds) {
      for (ObjectNode d : store.all(ws, Collections.EVENT_DELIVERY)) {
        String id = d.get(Fields.ID).asText();
        if ("pending".equals(d.path(Fields.STATUS).asText())
            && !scheduler.scheduled(ws, "dlv:" + id)) {
          JsonNode next = d.get(Fields.NEXT_ATTEMPT_AT);
          deliveries.plan(
              ws,
              id,
              next == null || next.isNull() ? clock.instant() : Instant.parse(next.asText()));
        }
      }
    }
  }

  private void live(String ws, ObjectNode event) {
    String type = event.get(Fields.TYPE).asText();
    if (type.equals("webhook_subscription.test")) {
      return; // sent only to its subscription, by the test route
    }
    for (ObjectNode sub : store.all(ws, Collections.WEBHOOK_SUBSCRIPTION)) {
      if (sub.path(Fields.ENABLED).asBoolean() && Deliveries.matches(sub, type)) {
        deliveries.create(ws, event, sub, "live", null);
      }
    }
    // A client's event also goes to its agency's subscriptions that include clients; the delivery
    // is the agency's, like the subscription.
    reach
        .agencyOf(ws)
        .ifPresent(
            agency -> {
              for (ObjectNode sub : store.all(agency, Collections.WEBHOOK_SUBSCRIPTION)) {
                if (sub.path(Fields.ENABLED).asBoolean()
                    && reach.covers(agency, sub, ws)
                    && Deliveries.matches(sub, type)) {
                  deliveries.create(agency, event, sub, "live", null);
                }
              }
            });
  }

  /** A delivery's attempt is due (inside a transaction): sign and hand it to the queue. */
  private void attempt(String ws, ObjectNode timer) {
    ObjectNode d = store.get(ws, Collections.EVENT_DELIVERY, timer.get("delivery_id").asText());
    if (d == null || !"pending".equals(d.path(Fields.STATUS).asText())) {
      return;
    }
    Instant now = clock.instant();
    ObjectNode sub =
        store.get(ws, Collections.WEBHOOK_SUBSCRIPTION, d.get(Fields.SUBSCRIPTION_ID).asText());
    String trigger = d.get(Fields.TRIGGER).asText();
    AgencyReach.Located located = reach.locate(ws, d.get(Fields.EVENT_ID).asText());
    ObjectNode event = located == null ? null : located.event();
    if (sub == null || event == null) {
      record(
          ws,
          d.get(Fields.ID).asText(),
          generation.get(),
          now,
          Map.of(),
          AttemptRecorder.Outcome.error(sub == null ? "subscription_deleted" : "event_expired"));
      return;
    }
    if (!sub.path(Fields.ENABLED).asBoolean()
        && (trigger.equals("live") || trigger.equals("backfill"))) {
      record(
          ws,
          d.get(Fields.ID).asText(),
          generation.get(),
          now,
          Map.of(),
          AttemptRecorder.Outcome.error("subscription_disabled"));
      return;
    }
    byte[] body = Json.bytes(event);
    String eventId = event.get(Fields.ID).asText();
    WebhookSigner signer = signer(ws, sub, now);
    Map<String, String> headers = new LinkedHashMap<>();
    String url = d.get(Fields.URL).asText();
    String deliveryId = d.get(Fields.ID).asText();
    long gen = generation.get();
    scheduler.beginWork();
    queue.submit(
        url,
        () -> {
          AttemptRecorder.Outcome outcome = null;
          try {
            headers.put("content-type", "application/json");
            headers.put("user-agent", "KaiCalls-Webhooks/1 (emulator)");
            // Signed when sent, with real time: receivers check it against their own clock, not the
            // virtual one.
            headers.putAll(signer.headers(eventId, wallClock.instant().getEpochSecond(), body));
            WebhookSender.Result sent = sender.send(url, headers, body);
            outcome =
                new AttemptRecorder.Outcome(
                    sent.status(),
                    sent.headers(),
                    sent.body(),
                    sent.error(),
                    sent.durationMs(),
                    RetryAfter.parse(sent.retryAfter(), clock.instant()));
          } catch (RuntimeException e) {
            outcome = AttemptRecorder.Outcome.error("internal_error");
            LOG.log(
                System.Logger.Level.WARNING,
                "Webhook attempt " + deliveryId + " to " + url + " failed: " + e);
          } finally {
            AttemptRecorder.Outcome o = outcome;
            try {
              tx.run(() -> record(ws, deliveryId, gen, now, headers, o));
            } catch (RuntimeException e) {
              LOG.log(
                  System.Logger.Level.WARNING,
                  "Could not record webhook attempt " + deliveryId + ": " + e);
            } finally {
              scheduler.endWork();
            }
          }
        });
  }

  /**
   * The signer for a subscription now: its secret, plus the previous one during the grace period.
   */
  private WebhookSigner signer(String ws, ObjectNode sub, Instant now) {
    ObjectNode secret = store.get(ws, Collections.WEBHOOK_SECRET, sub.get(Fields.ID).asText());
    List<String> secrets = new ArrayList<>();
    secrets.add(secret.get(Fields.SECRET).asText());
    String previous = Json.text(secret, "previous_secret");
    String expires = Json.text(secret, Fields.PREVIOUS_SECRET_EXPIRES_AT);
    if (previous != null && expires != null && now.isBefore(Instant.parse(expires))) {
      secrets.add(previous);
    }
    return WebhookSigner.of(secrets);
  }

  /**
   * Records an attempt's outcome unless a reset came since, or the delivery is no longer pending
   * (in a transaction).
   */
  private void record(
      String ws,
      String deliveryId,
      long gen,
      Instant attemptedAt,
      Map<String, String> headers,
      AttemptRecorder.Outcome outcome) {
    ObjectNode stored = store.get(ws, Collections.EVENT_DELIVERY, deliveryId);
    if (gen != generation.get()
        || stored == null
        || !"pending".equals(stored.path(Fields.STATUS).asText())) {
      return;
    }
    recorder.record(ws, stored.deepCopy(), attemptedAt, Json.MAPPER.valueToTree(headers), outcome);
  }

  @Override
  public void close() {
    generation.incrementAndGet();
    queue.close();
  }
}
