package com.kaicalls.mock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Idempotency keys per workspace (IETF draft semantics): the first request claims the key; a
 * repeat with the same fingerprint replays the stored response, with another fingerprint is 422,
 * and while the first is in flight is 409. Only 2xx responses are kept (24 h); any other outcome
 * releases the key so a retry runs again.
 */
final class IdempotencyCache {

  static final Duration RETENTION = Duration.ofHours(24);

  private record CacheKey(String workspaceId, String key) {}

  /** A claim on a key; complete it with the response. */
  static final class Entry {
    final String fingerprintOperation;
    final JsonNode fingerprintBody;
    final Instant createdAt;
    volatile ApiResponse response;

    Entry(String operation, JsonNode body, Instant createdAt) {
      this.fingerprintOperation = operation;
      this.fingerprintBody = body;
      this.createdAt = createdAt;
    }
  }

  static final String TYPE = "_idempotency";

  private final Clock clock;
  private final Store store;
  private final Map<CacheKey, Entry> entries = new ConcurrentHashMap<>();

  IdempotencyCache(Clock clock, Store store) {
    this.clock = clock;
    this.store = store;
  }

  /** Restores the stored responses (after a restart). */
  void reload(Iterable<String> workspaceIds) {
    for (String ws : workspaceIds) {
      for (ObjectNode doc : store.all(ws, TYPE)) {
        Entry entry = new Entry(doc.get("operation").asText(), doc.get("body").isNull() ? null : doc.get("body"),
            Instant.parse(doc.get("claimed_at").asText()));
        JsonNode r = doc.get("response");
        ApiResponse response = new ApiResponse(r.get("status").asInt(), r.get("content_type").asText(),
            Base64.getDecoder().decode(r.get("body").asText()));
        r.get("headers").fields().forEachRemaining(h -> response.headers.put(h.getKey(), h.getValue().asText()));
        entry.response = response;
        entries.put(new CacheKey(ws, doc.get("id").asText()), entry);
      }
    }
  }

  void clear() {
    entries.clear();
  }

  /**
   * Claims the key, or returns the finished entry to replay.
   *
   * @return a new entry (caller owns it and must {@link #complete}), or a finished entry to replay
   */
  Entry claim(String workspaceId, String key, String operation, String path, JsonNode body) {
    Instant now = clock.instant();
    String fingerprint = operation + " " + path;
    CacheKey cacheKey = new CacheKey(workspaceId, key);
    Entry fresh = new Entry(fingerprint, body, now);
    Entry existing = entries.compute(cacheKey, (k, current) ->
        current == null || !now.isBefore(current.createdAt.plus(RETENTION)) ? fresh : current);
    if (existing == fresh) {
      return fresh;
    }
    if (!existing.fingerprintOperation.equals(fingerprint) || !Objects.equals(existing.fingerprintBody, body)) {
      throw new ApiException(422, "idempotency_key_reused", "idempotency_key_reused",
          "Idempotency-Key '" + key + "' was already used with a different request.", "Idempotency-Key");
    }
    if (existing.response == null) {
      throw new ApiException(409, "conflict", "idempotency_key_in_use",
          "A request with Idempotency-Key '" + key + "' is still in progress; retry shortly.",
          "Idempotency-Key", Map.of("Retry-After", "1"));
    }
    return existing;
  }

  /** Stores a 2xx response for replay; releases the key otherwise. */
  void complete(String workspaceId, String key, Entry entry, ApiResponse response) {
    if (response != null && response.status >= 200 && response.status < 300) {
      entry.response = response.copy();
      ObjectNode doc = Json.object();
      doc.put("id", key);
      doc.put("created_at", Json.time(entry.createdAt));
      doc.put("claimed_at", entry.createdAt.toString());
      doc.put("operation", entry.fingerprintOperation);
      doc.set("body", entry.fingerprintBody == null ? Json.object().nullNode() : entry.fingerprintBody);
      ObjectNode r = doc.putObject("response");
      r.put("status", response.status);
      r.put("content_type", response.contentType);
      r.put("body", Base64.getEncoder().encodeToString(response.body));
      ObjectNode headers = r.putObject("headers");
      response.headers.forEach(headers::put);
      store.put(workspaceId, TYPE, doc);
    } else {
      entries.remove(new CacheKey(workspaceId, key), entry);
    }
  }
}
