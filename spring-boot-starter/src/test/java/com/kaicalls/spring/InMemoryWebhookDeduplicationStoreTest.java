package com.kaicalls.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryWebhookDeduplicationStoreTest {
  private final TestClock clock = new TestClock(Instant.parse("2026-12-01T17:00:00Z"));

  @Test
  void anIdMarkedHandledIsHandled() {
    InMemoryWebhookDeduplicationStore store = new InMemoryWebhookDeduplicationStore(clock);

    store.markHandled("evt_1");

    assertThat(store.isHandled("evt_1")).isTrue();
    assertThat(store.isHandled("evt_2")).isFalse();
  }

  @Test
  void theDefaultStoreForgetsAnIdAfter24Hours() {
    InMemoryWebhookDeduplicationStore store = new InMemoryWebhookDeduplicationStore(clock);
    store.markHandled("evt_1");

    clock.advance(Duration.ofHours(24).minusSeconds(1));
    assertThat(store.isHandled("evt_1")).isTrue();
    clock.advance(Duration.ofSeconds(1));

    assertThat(store.isHandled("evt_1")).isFalse();
    assertThat(store.size()).isZero();
  }

  @Test
  void theDefaultStoreKeeps10000IdsAndForgetsTheOldestFirst() {
    InMemoryWebhookDeduplicationStore store = new InMemoryWebhookDeduplicationStore(clock);

    for (int i = 0; i <= 10_000; i++) {
      store.markHandled("evt_" + i);
    }

    assertThat(store.size()).isEqualTo(10_000);
    assertThat(store.isHandled("evt_0")).isFalse();
    assertThat(store.isHandled("evt_1")).isTrue();
    assertThat(store.isHandled("evt_10000")).isTrue();
  }

  @Test
  void markingAnIdAgainMakesItTheNewestAndRestartsItsRetention() {
    InMemoryWebhookDeduplicationStore store =
        new InMemoryWebhookDeduplicationStore(2, Duration.ofHours(1), clock);
    store.markHandled("evt_a");
    clock.advance(Duration.ofMinutes(40));
    store.markHandled("evt_b");
    store.markHandled("evt_a");

    clock.advance(Duration.ofMinutes(30));
    store.markHandled("evt_c");

    assertThat(store.isHandled("evt_a")).isTrue();
    assertThat(store.isHandled("evt_b")).isFalse();
    assertThat(store.isHandled("evt_c")).isTrue();
  }

  @Test
  void refusesASizeOrRetentionThatCouldKeepNothing() {
    assertThatThrownBy(() -> new InMemoryWebhookDeduplicationStore(0, Duration.ofHours(1), clock))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxEntries");
    assertThatThrownBy(() -> new InMemoryWebhookDeduplicationStore(1, Duration.ZERO, clock))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("retention");
  }
}
