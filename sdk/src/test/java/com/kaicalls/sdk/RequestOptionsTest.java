package com.kaicalls.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Per-call options: what each setter accepts, refuses, and what a copy keeps. */
class RequestOptionsTest {

  @Test
  void no_options_set_nothing() {
    RequestOptions none = RequestOptions.none();

    assertThat(none.idempotencyKey()).isEmpty();
    assertThat(none.omitsIdempotencyKey()).isFalse();
    assertThat(none.timeout()).isEmpty();
    assertThat(none.maxRetries()).isEmpty();
    assertThat(none.headers()).isEmpty();
  }

  @Test
  void an_idempotency_key_of_255_characters_is_accepted() {
    String key = "k".repeat(255);

    assertThat(RequestOptions.builder().idempotencyKey(key).build().idempotencyKey()).contains(key);
  }

  @Test
  void an_idempotency_key_of_256_characters_is_refused_with_its_length() {
    assertThatThrownBy(() -> RequestOptions.builder().idempotencyKey("k".repeat(256)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("idempotencyKey must be at most 255 characters, was 256");
  }

  @Test
  void a_blank_idempotency_key_is_refused() {
    assertThatThrownBy(() -> RequestOptions.builder().idempotencyKey("  "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("idempotencyKey must not be blank");
  }

  @Test
  void setting_a_key_after_omitting_one_sends_the_key() {
    RequestOptions options =
        RequestOptions.builder().omitIdempotencyKey().idempotencyKey("k1").build();

    assertThat(options.omitsIdempotencyKey()).isFalse();
    assertThat(options.idempotencyKey()).contains("k1");
  }

  @Test
  void omitting_the_key_after_setting_one_drops_the_key() {
    RequestOptions options =
        RequestOptions.builder().idempotencyKey("k1").omitIdempotencyKey().build();

    assertThat(options.omitsIdempotencyKey()).isTrue();
    assertThat(options.idempotencyKey()).isEmpty();
  }

  @Test
  void a_zero_timeout_is_refused() {
    assertThatThrownBy(() -> RequestOptions.builder().timeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeout must be positive, was PT0S");
  }

  @Test
  void a_one_nanosecond_timeout_is_accepted() {
    assertThat(RequestOptions.builder().timeout(Duration.ofNanos(1)).build().timeout())
        .contains(Duration.ofNanos(1));
  }

  @Test
  void zero_retries_are_accepted() {
    assertThat(RequestOptions.builder().maxRetries(0).build().maxRetries()).contains(0);
  }

  @Test
  void negative_retries_are_refused() {
    assertThatThrownBy(() -> RequestOptions.builder().maxRetries(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxRetries must not be negative, was -1");
  }

  @Test
  void an_authorization_header_in_any_case_is_refused() {
    assertThatThrownBy(() -> RequestOptions.builder().header("AUTHORIZATION", "Bearer x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void to_builder_copies_every_option_and_the_copy_changes_independently() {
    RequestOptions original =
        RequestOptions.builder()
            .idempotencyKey("k1")
            .timeout(Duration.ofSeconds(3))
            .maxRetries(4)
            .header("X-A", "1")
            .build();

    RequestOptions copy = original.toBuilder().header("X-B", "2").build();

    assertThat(copy.idempotencyKey()).contains("k1");
    assertThat(copy.timeout()).contains(Duration.ofSeconds(3));
    assertThat(copy.maxRetries()).contains(4);
    assertThat(copy.headers())
        .containsExactly(java.util.Map.entry("X-A", "1"), java.util.Map.entry("X-B", "2"));
    assertThat(original.headers()).containsOnlyKeys("X-A");
  }

  @Test
  void to_builder_keeps_an_omitted_key_omitted() {
    RequestOptions copy = RequestOptions.builder().omitIdempotencyKey().build().toBuilder().build();

    assertThat(copy.omitsIdempotencyKey()).isTrue();
  }
}
