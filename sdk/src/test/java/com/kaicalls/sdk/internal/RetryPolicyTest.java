package com.kaicalls.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The retry decision and the wait before a retry, at their edges. */
class RetryPolicyTest {
  private final RetryPolicy policy =
      new RetryPolicy(
          Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), () -> 0.0);

  @Test
  void a_request_that_may_not_be_repeated_is_retried_after_a_refused_connection() {
    assertThat(policy.isRetryable(new ConnectException("refused"), false)).isTrue();
  }

  @Test
  void a_request_that_may_not_be_repeated_is_not_retried_after_another_io_failure() {
    assertThat(policy.isRetryable(new IOException("reset"), false)).isFalse();
  }

  @Test
  void a_retry_after_of_zero_seconds_retries_at_once() {
    assertThat(policy.delayBefore(1, "0")).isEqualTo(Duration.ZERO);
  }

  @Test
  void a_retry_after_of_exactly_the_cap_is_kept() {
    assertThat(policy.delayBefore(1, "60")).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void a_negative_retry_after_is_ignored_for_the_backoff() {
    assertThat(policy.delayBefore(2, "-1")).isEqualTo(Duration.ofSeconds(1));
  }
}
