package com.kaicalls.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.kaicalls.mock.junit.KaiCallsMockExtension;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What follows real time even on a manual clock: rate windows, and where reset puts the clock
 * without a start time.
 */
class WallClockTest {

  static final MutableClock WALL = new MutableClock(Instant.parse("2026-11-30T09:00:00Z"));

  @RegisterExtension
  static final KaiCallsMockExtension MOCK =
      KaiCallsMockExtension.builder()
          .seed(Seed.EMPTY)
          .clockMode(ClockMode.MANUAL)
          .clock(WALL)
          .rateLimit(RateLimit.perSecond(2))
          .build();

  @Test
  void onAManualClockARateLimitedKeyIsServedAgainOnceTheWindowHasPassedInRealTime() {
    ApiClient api = new ApiClient(MOCK.baseUrl(), MOCK.apiKey());
    api.get("/v1/me");
    api.get("/v1/me");
    assertThat(api.get("/v1/me").status()).isEqualTo(429);

    WALL.advance(Duration.ofSeconds(1));

    assertThat(api.get("/v1/me").status()).isEqualTo(200);
  }

  @Test
  void withoutAStartTimeResetPutsTheManualClockAtNowNotAtItsFirstInstant() {
    MOCK.server().advanceClock(Duration.ofDays(3));
    WALL.advance(Duration.ofHours(1));

    MOCK.server().reset();

    assertThat(MOCK.server().clock().instant()).isEqualTo(WALL.instant());
  }
}
