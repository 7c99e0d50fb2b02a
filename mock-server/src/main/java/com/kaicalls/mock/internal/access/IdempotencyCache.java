package com.kaicalls.mock.internal.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kaicalls.mock.internal.api.ApiException;
import com.kaicalls.mock.internal.api.ApiResponse;
import com.kaicalls.mock.internal.documents.Collections;
import com.kaicalls.mock.internal.documents.Fields;
import com.kaicalls.mock.internal.store.Json;
import com.kaicalls.mock.internal.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Idempotency keys per workspace (IETF draft semantics): the first request claims the key; a repeat
 * with the same fingerprint replays the stored response, with another fingerprint is 422, and while
 * the first is in flight is 409. Only 2xx responses are kept, for {@link #RETENTION} of virtual
 * time and at most {@link #MAX_RECORDS} at once (the oldest go first); any other outcome releases
 * the key so a retry runs again. A response carrying a secret shown once is never kept: its replay
 * is refused ({@link ApiResponse#refuseReplay}).
 */
public final class IdempotencyCache {

  public static final Duration RETENTION = Duration.ofHours(24);

  /** About 2 KB each: the records of a busy test run stay within ~20 MB of heap. */
  static final int MAX_RECORDS = 10_000;

  public static final String TYPE = Collections.IDEMPOTENCY;

  private record CacheKey(String workspaceId, String key) {}

  /** A claim on a key; complete it with the response. */
  public static final class Entry {
    final String fingerprintOperation;
    final JsonNode fingerprintBody;
    final Instant createdAt;
    volatile ApiResponse response;
    volatile ApiException refusal;

    Entry(String operation, JsonNode body, Instant createdAt) {
      this.fingerprintOperation = operation;
      this.fingerprintBody = body;
      this.createdAt = createdAt;
    }

    boolean finished() {
      return response != null || refusal != null;
    }

    /**
     * The stored response to replay, or {@code null} while the first request runs or when it was
     * refused.
     */
    public ApiResponse response() {
      return response;
    }
  }

  private final Clock clock;
  private final Store store;

  /** Oldest claim first; guarded by {@code this}. */
  private final LinkedHashMap<CacheKey, Entry> entries = new LinkedHashMap<>();

  public IdempotencyCache(Clock clock, Store store) {
    this.clock = clock;
    this.store = store;
  }

  /**
   * Restores the stored records (after a restart), dropping those expired meanwhile; call inside a
   * transaction.
   */
  public void reload(Iterable<String> workspaceIds) {
    List<ObjectNode> docs = new ArrayList<>();
    java.util.IdentityHashMap<ObjectNode, String> workspaceOf = new java.util.IdentityHashMap<>();
    for (String ws : workspaceIds) {
      for (ObjectNode doc : store.all(ws, TYPE)) {
        docs.add(doc);
        workspaceOf.put(doc, ws);
      }
    }
    docs.sort(Comparator.comparing(doc -> Instant.parse(doc.get("claimed_at").asText())));
    synchronized (this) {
      for (ObjectNode doc : docs) {
        Entry entry =
            new Entry(
                doc.get("operation").asText(),
                doc.get("body").isNull() ? null : doc.get("body"),
                Instant.parse(doc.get("claimed_at").asText()));
        JsonNode refusal = doc.get("refusal");
        if (refusal != null) {
          entry.refusal =
              new ApiException(
                  refusal.get("status").asInt(),
                  refusal.get("type").asText(),
                  refusal.get("code").asText(),
                  refusal.get("message").asText(),
                  Json.text(refusal, "param"));
        } else {
          entry.response = response(doc.get("response"));
        }
        entries.put(new CacheKey(workspaceOf.get(doc), doc.get(Fields.ID).asText()), entry);
      }
    }
    evict(clock.instant());
  }

  public synchronized void clear() {
    entries.clear();
  }

  synchronized int size() {
    return entries.size();
  }

  /**
   * Claims the key, or returns the finished entry to replay.
   *
   * @return a new entry (caller owns it and must {@link #complete}), or a finished entry to replay
   */
  public Entry claim(String workspaceId, String key, String operation, String path, JsonNode body) {
    Instant now = clock.instant();
    String fingerprint = operation + " " + path;
    CacheKey cacheKey = new CacheKey(workspaceId, key);
    Entry existing;
    Entry fresh = new Entry(fingerprint, body, now);
    synchronized (this) {
      existing = entries.get(cacheKey);
      if (existing == null || expired(existing, now)) {
        entries.remove(cacheKey); // re-inserted last: the map stays in claim order
        entries.put(cacheKey, fresh);
      }
    }
    if (existing == null || expired(existing, now)) {
      if (existing != null && existing.finished()) {
        store.remove(workspaceId, TYPE, key); // the expired record's stored copy
      }
      return fresh;
    }
    if (!existing.fingerprintOperation.equals(fingerprint)
        || !Objects.equals(existing.fingerprintBody, body)) {
      throw new ApiException(
          422,
          "idempotency_key_reused",
          "idempotency_key_reused",
          "Idempotency-Key '" + key + "' was already used with a different request.",
          "Idempotency-Key");
    }
    if (existing.refusal != null) {
      throw existing.refusal;
    }
    if (existing.response == null) {
      throw new ApiException(
          409,
          "conflict",
          "idempotency_key_in_use",
          "A request with Idempotency-Key '" + key + "' is still in progress; retry shortly.",
          "Idempotency-Key",
          Map.of("Retry-After", "1"));
    }
    return existing;
  }

  /**
   * Stores a 2xx response for replay (inside the request's transaction); releases the key
   * otherwise.
   */
  public void complete(String workspaceId, String key, Entry entry, ApiResponse response) {
    CacheKey cacheKey = new CacheKey(workspaceId, key);
    if (response == null || response.status < 200 || response.status >= 300) {
      synchronized (this) {
        entries.remove(cacheKey, entry);
      }
      return;
    }
    synchronized (this) {
      if (entries.get(cacheKey) != entry) {
        return; // evicted while in flight: nothing to keep
      }
    }
    ObjectNode doc = Json.object();
    doc.put(Fields.ID, key);
    doc.put(Fields.CREATED_AT, Json.time(entry.createdAt));
    doc.put("claimed_at", entry.createdAt.toString());
    doc.put("operation", entry.fingerprintOperation);
    doc.set(
        "body", entry.fingerprintBody == null ? Json.object().nullNode() : entry.fingerprintBody);
    ApiException refusal = response.replayRefusal();
    if (refusal != null) {
      ObjectNode r = doc.putObject("refusal");
      r.put("status", refusal.status)
          .put("type", refusal.type)
          .put("code", refusal.code)
          .put("message", refusal.getMessage())
          .put("param", refusal.param);
      entry.refusal = refusal;
    } else {
      ObjectNode r = doc.putObject("response");
      r.put("status", response.status);
      r.put("content_type", response.contentType);
      r.put("body", Base64.getEncoder().encodeToString(response.body));
      ObjectNode headers = r.putObject("headers");
      response.headers.forEach(headers::put);
      entry.response = response.copy();
    }
    store.put(workspaceId, TYPE, doc);
    evict(clock.instant());
  }

  /** Drops expired records, then the oldest while over the bound (with their stored copies). */
  private void evict(Instant now) {
    List<CacheKey> dropped = new ArrayList<>();
    synchronized (this) {
      Iterator<Map.Entry<CacheKey, Entry>> oldestFirst = entries.entrySet().iterator();
      while (oldestFirst.hasNext()) {
        Map.Entry<CacheKey, Entry> e = oldestFirst.next();
        if (entries.size() <= MAX_RECORDS && !expired(e.getValue(), now)) {
          break;
        }
        oldestFirst.remove();
        if (e.getValue().finished()) {
          dropped.add(e.getKey());
        }
      }
    }
    for (CacheKey k : dropped) {
      store.remove(k.workspaceId(), TYPE, k.key());
    }
  }

  private static boolean expired(Entry entry, Instant now) {
    return !now.isBefore(entry.createdAt.plus(RETENTION));
  }

  private static ApiResponse response(JsonNode r) {
    ApiResponse response =
        new ApiResponse(
            r.get("status").asInt(),
            r.get("content_type").asText(),
            Base64.getDecoder().decode(r.get("body").asText()));
    r.get("headers")
        .properties()
        .forEach(h -> response.headers.put(h.getKey(), h.getValue().asText()));
    return response;
  }
}
