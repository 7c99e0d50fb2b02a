package com.kaicalls.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.kaicalls.mock.junit.KaiCallsMockExtension;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RateLimitTest {

  static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));

  @RegisterExtension
  static final KaiCallsMockExtension MOCK =
      KaiCallsMockExtension.builder()
          .seed(Seed.EMPTY)
          .rateLimit(RateLimit.perMinute(3))
          .clock(CLOCK)
          .build();

  @Test
  void theFourthRequestInAMinuteIs429WithRetryAfterAndRateLimitHeaders() {
    ApiClient api = new ApiClient(MOCK.baseUrl(), MOCK.apiKey());
    api.get("/v1/me");
    api.get("/v1/me");
    ApiClient.Reply third = api.get("/v1/me");

    ApiClient.Reply fourth = api.get("/v1/me");

    assertThat(third.header("RateLimit-Remaining")).isEqualTo("0");
    assertThat(fourth.status()).isEqualTo(429);
    assertThat(fourth.errorCode()).isEqualTo("rate_limited");
    assertThat(fourth.header("Retry-After")).isEqualTo("60");
    assertThat(fourth.header("RateLimit-Limit")).isEqualTo("3");
    CLOCK.advance(Duration.ofMinutes(1));
    assertThat(api.get("/v1/me").status()).isEqualTo(200);
  }

  @Test
  void limitsArePerKey() {
    ApiClient other = new ApiClient(MOCK.baseUrl(), MOCK.server().otherWorkspaceApiKey());

    assertThat(other.get("/v1/me").status()).isEqualTo(200);
  }
}
