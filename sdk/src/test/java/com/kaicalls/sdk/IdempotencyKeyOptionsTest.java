package com.kaicalls.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdempotencyKeyOptionsTest {
  @ParameterizedTest(name = "[{0}] is refused")
  @ValueSource(strings = {"", " ", "\t\n"})
  void a_blank_idempotency_key_is_refused(String key) {
    assertThatThrownBy(() -> RequestOptions.builder().idempotencyKey(key))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("blank");
  }

  @Test
  void an_idempotency_key_longer_than_255_characters_is_refused() {
    assertThatThrownBy(() -> RequestOptions.builder().idempotencyKey("k".repeat(256)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("255");
  }

  @Test
  void an_idempotency_key_of_exactly_255_characters_is_accepted() {
    RequestOptions options = RequestOptions.builder().idempotencyKey("k".repeat(255)).build();

    assertThat(options.idempotencyKey()).contains("k".repeat(255));
  }

  @Test
  void omitting_the_key_after_setting_one_clears_it() {
    RequestOptions options =
        RequestOptions.builder().idempotencyKey("abc").omitIdempotencyKey().build();

    assertThat(options.idempotencyKey()).isEmpty();
    assertThat(options.omitsIdempotencyKey()).isTrue();
  }

  @Test
  void the_short_form_sets_only_the_key() {
    RequestOptions options = RequestOptions.idempotencyKey("order-1234-reminders");

    assertThat(options.idempotencyKey()).contains("order-1234-reminders");
    assertThat(options.omitsIdempotencyKey()).isFalse();
    assertThat(options.timeout()).isEmpty();
    assertThat(options.maxRetries()).isEmpty();
    assertThat(options.headers()).isEmpty();
  }

  @Test
  void the_short_form_checks_the_key_like_the_builder() {
    assertThatThrownBy(() -> RequestOptions.idempotencyKey(" "))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
