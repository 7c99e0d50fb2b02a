package com.kaicalls.mock.internal.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kaicalls.mock.MutableClock;
import com.kaicalls.mock.internal.api.ApiResponse;
import com.kaicalls.mock.internal.store.InMemoryStore;
import com.kaicalls.mock.internal.store.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Idempotency records expire after 24 h of virtual time and are bounded, oldest evicted first. */
class IdempotencyRetentionTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T15:00:00Z"));
  private final InMemoryStore store = new InMemoryStore();
  private final IdempotencyCache cache = new IdempotencyCache(clock, store);

  private void succeed(String key, String body) {
    ObjectNode json = Json.object().put("b", body);
    IdempotencyCache.Entry entry = cache.claim("ws", key, "op", "/v1/x", json);
    cache.complete(
        "ws",
        key,
        entry,
        new ApiResponse(200, "application/json", "{}".getBytes(StandardCharsets.UTF_8)));
  }

  private List<String> storedKeys() {
    List<String> keys = new ArrayList<>();
    store.all("ws", IdempotencyCache.TYPE).forEach(d -> keys.add(d.get("id").asText()));
    return keys;
  }

  @Test
  void aRecordAndItsStoredCopyAreDroppedOnce24HoursOfVirtualTimeHavePassed() {
    succeed("old", "a");
    clock.advance(Duration.ofHours(24));

    succeed("new", "b");

    assertThat(storedKeys()).containsExactly("new");
    assertThat(cache.size()).isEqualTo(1);
  }

  @Test
  void beyondTheBoundTheOldestRecordsAreEvictedFirst() {
    for (int i = 0; i < IdempotencyCache.MAX_RECORDS + 3; i++) {
      succeed("k" + i, "same");
      clock.advance(Duration.ofMillis(1));
    }

    assertThat(cache.size()).isEqualTo(IdempotencyCache.MAX_RECORDS);
    assertThat(storedKeys())
        .hasSize(IdempotencyCache.MAX_RECORDS)
        .doesNotContain("k0", "k1", "k2")
        .contains("k3");
    assertThat(cache.claim("ws", "k0", "op", "/v1/x", Json.object().put("b", "other")).response)
        .isNull();
    assertThatThrownBy(
            () -> cache.claim("ws", "k3", "op", "/v1/x", Json.object().put("b", "other")))
        .hasMessageContaining("already used with a different request");
  }
}
