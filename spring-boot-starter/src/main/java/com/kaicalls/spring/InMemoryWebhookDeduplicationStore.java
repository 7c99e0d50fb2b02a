package com.kaicalls.spring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The default {@link WebhookDeduplicationStore}: the ids handled in the last {@value
 * #DEFAULT_RETENTION_HOURS} hours, at most {@value #DEFAULT_MAX_ENTRIES} of them (the oldest are
 * forgotten first), in this process's memory. It is lost on restart and not shared between
 * instances; define your own store for that.
 */
public final class InMemoryWebhookDeduplicationStore implements WebhookDeduplicationStore {

  /** How many ids the default store keeps. */
  public static final int DEFAULT_MAX_ENTRIES = 10_000;

  /** How long the default store keeps an id, in hours. */
  public static final int DEFAULT_RETENTION_HOURS = 24;

  private final int maxEntries;
  private final Duration retention;
  private final Clock clock;
  // Insertion order is handling order, so the oldest entries are always at the head.
  private final LinkedHashMap<String, Instant> handledAt = new LinkedHashMap<>();

  /**
   * A store with the default size and retention.
   *
   * @param clock tells when an id expires
   */
  public InMemoryWebhookDeduplicationStore(Clock clock) {
    this(DEFAULT_MAX_ENTRIES, Duration.ofHours(DEFAULT_RETENTION_HOURS), clock);
  }

  /**
   * A store of another size or retention.
   *
   * @param maxEntries how many ids to keep, at least 1
   * @param retention how long to keep an id, positive
   * @param clock tells when an id expires
   */
  public InMemoryWebhookDeduplicationStore(int maxEntries, Duration retention, Clock clock) {
    if (maxEntries < 1)
      throw new IllegalArgumentException("maxEntries must be at least 1: " + maxEntries);
    Objects.requireNonNull(retention, "retention");
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("retention must be positive: " + retention);
    }
    this.maxEntries = maxEntries;
    this.retention = retention;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public synchronized boolean isHandled(String webhookId) {
    dropExpired(clock.instant());
    return handledAt.containsKey(webhookId);
  }

  @Override
  public synchronized void markHandled(String webhookId) {
    Instant now = clock.instant();
    dropExpired(now);
    handledAt.remove(webhookId);
    handledAt.put(webhookId, now);
    if (handledAt.size() > maxEntries) {
      Iterator<String> eldest = handledAt.keySet().iterator();
      eldest.next();
      eldest.remove();
    }
  }

  /** Returns how many ids are kept now. */
  public synchronized int size() {
    dropExpired(clock.instant());
    return handledAt.size();
  }

  private void dropExpired(Instant now) {
    Instant oldestKept = now.minus(retention);
    Iterator<Map.Entry<String, Instant>> it = handledAt.entrySet().iterator();
    while (it.hasNext() && !it.next().getValue().isAfter(oldestKept)) {
      it.remove();
    }
  }

  @Override
  public String toString() {
    return "InMemoryWebhookDeduplicationStore{maxEntries="
        + maxEntries
        + ", retention="
        + retention
        + '}';
  }
}
