package com.kaicalls.mock.internal.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kaicalls.mock.internal.access.Workspaces;
import com.kaicalls.mock.internal.clock.Scheduler;
import com.kaicalls.mock.internal.documents.Collections;
import com.kaicalls.mock.internal.documents.Fields;
import com.kaicalls.mock.internal.store.Ids;
import com.kaicalls.mock.internal.store.Json;
import com.kaicalls.mock.internal.store.ListQuery;
import com.kaicalls.mock.internal.store.Page;
import com.kaicalls.mock.internal.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Backfills as asynchronous jobs: the request counts the matching events and returns; then one
 * scheduled step per page of {@link #PAGE} events (oldest first, by cursor, so the store is never
 * loaded at once) creates their deliveries. A subscription that includes client workspaces gets
 * their events too, paged as one list. Deliveries report back through {@link #finished}.
 */
public final class Backfills implements DeliveryListener {

  static final int PAGE = 100;

  /**
   * Back-pressure: a page is created only while fewer than this many of the backfill's deliveries
   * await their first attempt; otherwise paging waits until {@link #firstAttemptEnded} brings them
   * down to {@link #PAGE}. Without it every page ran at once: a 100,000-event backfill queued
   * 100,000 attempts (and their timers and signed bodies) in memory. Retries do not hold paging
   * back.
   */
  static final int MAX_UNATTEMPTED = 2 * PAGE;

  private static final String STEP = "backfill.page";

  private final Store store;
  private final Deliveries deliveries;
  private final Ids ids;
  private final Clock clock;
  private final Scheduler scheduler;
  private final AgencyReach reach;

  public Backfills(
      Store store,
      Deliveries deliveries,
      Ids ids,
      Clock clock,
      Scheduler scheduler,
      Workspaces workspaces) {
    this.store = store;
    this.reach = new AgencyReach(store, workspaces);
    this.deliveries = deliveries;
    this.ids = ids;
    this.clock = clock;
    this.scheduler = scheduler;
    scheduler.register(STEP, this::page);
  }

  ObjectNode start(String ws, ObjectNode sub, Instant after, Instant before, boolean onlyFailed) {
    Instant now = clock.instant();
    String id = ids.next("bf_");
    ListQuery counted = new ListQuery(selection(ws, sub, onlyFailed), after, before, null, 0, true);
    long total = 0;
    for (String source : reach.sources(ws, sub)) {
      total += store.count(source, Collections.EVENT, counted);
    }
    ObjectNode backfill = Json.object();
    backfill.put(Fields.ID, id);
    backfill.put(Fields.OBJECT, Collections.BACKFILL);
    backfill.put(Fields.SUBSCRIPTION_ID, sub.get(Fields.ID).asText());
    backfill.put(Fields.CREATED_AFTER, Json.time(after));
    backfill.put(Fields.CREATED_BEFORE, Json.time(before));
    backfill.put(Fields.ONLY_FAILED, onlyFailed);
    backfill.put(Fields.STATUS, total == 0 ? "completed" : "pending");
    backfill.put(Fields.TOTAL, total);
    backfill.put(Fields.QUEUED, total);
    backfill.put(Fields.DELIVERED, 0);
    backfill.put(Fields.FAILED, 0);
    backfill.put(Fields.CREATED_AT, Json.time(now));
    Json.putNullable(backfill, Fields.COMPLETED_AT, total == 0 ? Json.time(now) : null);
    store.put(ws, Collections.BACKFILL, backfill);
    if (total > 0) {
      ObjectNode cursor =
          Json.object()
              .put(Fields.ID, id)
              .put(Fields.CREATED_AT, Json.time(now))
              .put("created", 0)
              .put("attempted", 0);
      cursor.putNull("cursor");
      store.put(ws, Collections.BACKFILL_CURSOR, cursor);
      scheduler.schedule(ws, "bf:" + id, STEP, now, Json.object().put("backfill_id", id));
    }
    return backfill;
  }

  /**
   * Events this backfill sends: matching the subscription, and with only_failed never delivered to
   * it.
   */
  private Predicate<JsonNode> selection(String ws, JsonNode sub, boolean onlyFailed) {
    Set<String> delivered = onlyFailed ? delivered(ws, sub.get(Fields.ID).asText()) : Set.of();
    return e ->
        Deliveries.matches(sub, e.get(Fields.TYPE).asText())
            && !delivered.contains(e.get(Fields.ID).asText());
  }

  /** Ids of the events delivered successfully to a subscription (ids only, not the events). */
  private Set<String> delivered(String ws, String subId) {
    Set<String> ids = new HashSet<>();
    store
        .list(
            ws,
            Collections.EVENT_DELIVERY,
            ListQuery.all(
                d ->
                    subId.equals(d.path(Fields.SUBSCRIPTION_ID).asText())
                        && "succeeded".equals(d.path(Fields.STATUS).asText())))
        .data()
        .forEach(d -> ids.add(d.get(Fields.EVENT_ID).asText()));
    return ids;
  }

  private void page(String ws, ObjectNode timer) {
    String id = timer.get("backfill_id").asText();
    ObjectNode backfill = store.get(ws, Collections.BACKFILL, id);
    ObjectNode cursor = store.get(ws, Collections.BACKFILL_CURSOR, id);
    if (backfill == null || cursor == null) {
      return;
    }
    ObjectNode sub =
        store.get(
            ws, Collections.WEBHOOK_SUBSCRIPTION, backfill.get(Fields.SUBSCRIPTION_ID).asText());
    if (sub == null) {
      ObjectNode failed =
          backfill
              .deepCopy()
              .put(Fields.STATUS, "failed")
              .put(Fields.COMPLETED_AT, Json.time(clock.instant()));
      store.put(ws, Collections.BACKFILL, failed);
      store.remove(ws, Collections.BACKFILL_CURSOR, id);
      return;
    }
    Page page =
        store.list(
            reach.sources(ws, sub),
            Collections.EVENT,
            new ListQuery(
                selection(ws, sub, backfill.get(Fields.ONLY_FAILED).asBoolean()),
                Json.instant(backfill.get(Fields.CREATED_AFTER)),
                Json.instant(backfill.get(Fields.CREATED_BEFORE)),
                Json.text(cursor, "cursor"),
                PAGE,
                true));
    List<ObjectNode> events = page.data();
    for (ObjectNode event : events) {
      deliveries.create(ws, event, sub, "backfill", id);
    }
    long created = cursor.get("created").asLong() + events.size();
    ObjectNode updated = backfill.deepCopy();
    if (page.hasMore()) {
      boolean wait = created - cursor.path("attempted").asLong() >= MAX_UNATTEMPTED;
      store.put(
          ws,
          Collections.BACKFILL_CURSOR,
          cursor
              .deepCopy()
              .put("cursor", page.nextCursor())
              .put("created", created)
              .put("waiting", wait));
      if (!wait) {
        scheduleNextPage(scheduler, clock, ws, id);
      }
    } else {
      store.remove(ws, Collections.BACKFILL_CURSOR, id);
      long total = updated.get(Fields.TOTAL).asLong();
      if (created != total) { // events changed between the count and the pages
        updated.put(Fields.QUEUED, updated.get(Fields.QUEUED).asLong() + created - total);
        updated.put(Fields.TOTAL, created);
      }
    }
    updated.put(Fields.STATUS, "running");
    store.put(ws, Collections.BACKFILL, updated);
    completeIfDone(store, clock, ws, updated);
  }

  private static void scheduleNextPage(Scheduler scheduler, Clock clock, String ws, String id) {
    scheduler.schedule(ws, "bf:" + id, STEP, clock.instant(), Json.object().put("backfill_id", id));
  }

  /**
   * The first attempt of a backfill delivery ended; resumes paging once few await their first
   * attempt.
   */
  @Override
  public void firstAttemptEnded(String ws, ObjectNode delivery) {
    if (delivery.path(Fields.BACKFILL_ID).isNull()) {
      return;
    }
    String backfillId = delivery.get(Fields.BACKFILL_ID).asText();
    ObjectNode cursor = store.get(ws, Collections.BACKFILL_CURSOR, backfillId);
    if (cursor == null) {
      return; // all pages created
    }
    long attempted = cursor.path("attempted").asLong() + 1;
    boolean resume =
        cursor.path("waiting").asBoolean() && cursor.get("created").asLong() - attempted <= PAGE;
    store.put(
        ws,
        Collections.BACKFILL_CURSOR,
        cursor
            .deepCopy()
            .put("attempted", attempted)
            .put("waiting", cursor.path("waiting").asBoolean() && !resume));
    if (resume) {
      scheduleNextPage(scheduler, clock, ws, backfillId);
    }
  }

  /** A backfill delivery reached a final status. */
  @Override
  public void finished(String ws, ObjectNode delivery, boolean delivered) {
    if (delivery.path(Fields.BACKFILL_ID).isNull()) {
      return;
    }
    String backfillId = delivery.get(Fields.BACKFILL_ID).asText();
    ObjectNode stored = store.get(ws, Collections.BACKFILL, backfillId);
    if (stored == null) {
      return;
    }
    ObjectNode backfill = stored.deepCopy();
    backfill.put(Fields.QUEUED, Math.max(0, backfill.get(Fields.QUEUED).asLong() - 1));
    backfill.put(
        delivered ? Fields.DELIVERED : Fields.FAILED,
        backfill.get(delivered ? Fields.DELIVERED : Fields.FAILED).asLong() + 1);
    if ("pending".equals(backfill.get(Fields.STATUS).asText())) {
      backfill.put(Fields.STATUS, "running");
    }
    store.put(ws, Collections.BACKFILL, backfill);
    completeIfDone(store, clock, ws, backfill);
  }

  private static void completeIfDone(Store store, Clock clock, String ws, ObjectNode backfill) {
    boolean paging =
        store.get(ws, Collections.BACKFILL_CURSOR, backfill.get(Fields.ID).asText()) != null;
    if (!paging
        && backfill.get(Fields.QUEUED).asLong() == 0
        && "running".equals(backfill.get(Fields.STATUS).asText())) {
      backfill.put(Fields.STATUS, "completed");
      backfill.put(Fields.COMPLETED_AT, Json.time(clock.instant()));
      store.put(ws, Collections.BACKFILL, backfill);
    }
  }
}
