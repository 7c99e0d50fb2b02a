package com.kaicalls.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.kaicalls.webhooks.WebhookVerificationException.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The timestamp must be within the tolerance of the clock, in both directions. */
class ToleranceTest {

  private static final long TOLERANCE = 300;
  private static final WebhookSigner SIGNER = WebhookSigner.of(Fixtures.SECRET);

  @ParameterizedTest(name = "signed {0} s from now")
  @ValueSource(longs = {-TOLERANCE + 1, -TOLERANCE, 0, TOLERANCE - 1, TOLERANCE})
  void aTimestampWithinTheToleranceVerifies(long offset) {
    WebhookVerifier verifier = Fixtures.verifier(Fixtures.SECRET);

    VerifiedWebhook webhook = verifier.verify(Fixtures.BODY, signedAt(Fixtures.NOW + offset)::get);

    assertThat(webhook.timestamp()).isEqualTo(Instant.ofEpochSecond(Fixtures.NOW + offset));
  }

  @Test
  void aTimestampOneSecondOlderThanTheToleranceFails() {
    WebhookVerifier verifier = Fixtures.verifier(Fixtures.SECRET);

    WebhookVerificationException failure =
        catchThrowableOfType(
            WebhookVerificationException.class,
            () -> verifier.verify(Fixtures.BODY, signedAt(Fixtures.NOW - TOLERANCE - 1)::get));

    assertThat(failure.reason()).isEqualTo(Reason.TIMESTAMP_TOO_OLD);
  }

  @Test
  void aTimestampOneSecondFurtherAheadThanTheToleranceFails() {
    WebhookVerifier verifier = Fixtures.verifier(Fixtures.SECRET);

    WebhookVerificationException failure =
        catchThrowableOfType(
            WebhookVerificationException.class,
            () -> verifier.verify(Fixtures.BODY, signedAt(Fixtures.NOW + TOLERANCE + 1)::get));

    assertThat(failure.reason()).isEqualTo(Reason.TIMESTAMP_TOO_NEW);
  }

  @Test
  void aClockAMillisecondPastTheToleranceRejectsTheTimestamp() {
    Clock clock =
        Clock.fixed(Instant.ofEpochSecond(Fixtures.NOW + TOLERANCE, 1_000_000), ZoneOffset.UTC);
    WebhookVerifier verifier =
        WebhookVerifier.builder().addSecret(Fixtures.SECRET).clock(clock).build();

    WebhookVerificationException failure =
        catchThrowableOfType(
            WebhookVerificationException.class,
            () -> verifier.verify(Fixtures.BODY, signedAt(Fixtures.NOW)::get));

    assertThat(failure.reason()).isEqualTo(Reason.TIMESTAMP_TOO_OLD);
  }

  @Test
  void aClockAMillisecondBeforeTheToleranceAheadRejectsTheTimestamp() {
    Clock clock =
        Clock.fixed(
            Instant.ofEpochSecond(Fixtures.NOW - TOLERANCE - 1, 999_000_000), ZoneOffset.UTC);
    WebhookVerifier verifier =
        WebhookVerifier.builder().addSecret(Fixtures.SECRET).clock(clock).build();

    WebhookVerificationException failure =
        catchThrowableOfType(
            WebhookVerificationException.class,
            () -> verifier.verify(Fixtures.BODY, signedAt(Fixtures.NOW)::get));

    assertThat(failure.reason()).isEqualTo(Reason.TIMESTAMP_TOO_NEW);
  }

  @Test
  void aSubSecondToleranceIsHonouredToTheNanosecond() {
    Clock clock = Clock.fixed(Instant.ofEpochSecond(Fixtures.NOW, 500_000_000), ZoneOffset.UTC);
    WebhookVerifier verifier =
        WebhookVerifier.builder()
            .addSecret(Fixtures.SECRET)
            .tolerance(Duration.ofMillis(500))
            .clock(clock)
            .build();

    VerifiedWebhook webhook = verifier.verify(Fixtures.BODY, signedAt(Fixtures.NOW)::get);

    assertThat(webhook.id()).isEqualTo(Fixtures.ID);
  }

  @Test
  void aCustomToleranceReplacesTheDefault() {
    WebhookVerifier verifier =
        WebhookVerifier.builder()
            .addSecret(Fixtures.SECRET)
            .tolerance(Duration.ofSeconds(10))
            .clock(Fixtures.clockAt(Fixtures.NOW))
            .build();

    WebhookVerificationException failure =
        catchThrowableOfType(
            WebhookVerificationException.class,
            () -> verifier.verify(Fixtures.BODY, signedAt(Fixtures.NOW - 11)::get));

    assertThat(failure.reason()).isEqualTo(Reason.TIMESTAMP_TOO_OLD);
  }

  @Test
  void aZeroToleranceAcceptsOnlyTheCurrentSecond() {
    WebhookVerifier verifier =
        WebhookVerifier.builder()
            .addSecret(Fixtures.SECRET)
            .tolerance(Duration.ZERO)
            .clock(Fixtures.clockAt(Fixtures.NOW))
            .build();

    VerifiedWebhook webhook = verifier.verify(Fixtures.BODY, signedAt(Fixtures.NOW)::get);

    assertThat(webhook.id()).isEqualTo(Fixtures.ID);
  }

  private static java.util.Map<String, String> signedAt(long timestamp) {
    return SIGNER.headers(Fixtures.ID, timestamp, Fixtures.BODY);
  }
}
