package com.kaicalls.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.kaicalls.webhooks.WebhookVerificationException.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The exact limits of the verifier and signer: the largest input accepted, the first refused, and
 * the values at zero. Each test sits on one boundary, so that moving the boundary by one fails it.
 */
class LimitsTest {

  private static final String TS = Long.toString(Fixtures.NOW);
  private static final String SIG =
      WebhookSigner.of(Fixtures.SECRET).sign(Fixtures.ID, Fixtures.NOW, Fixtures.BODY);

  private static VerifiedWebhook verify(Map<String, List<String>> headers) {
    return Fixtures.verifier(Fixtures.SECRET).verify(Fixtures.BODY, headers);
  }

  private static WebhookVerificationException failure(Map<String, List<String>> headers) {
    return catchThrowableOfType(WebhookVerificationException.class, () -> verify(headers));
  }

  private static String padded(String value, int length) {
    return value + " ".repeat(length - value.length());
  }

  @Test
  void aSignatureHeaderOfExactlyTheMaximumLengthVerifies() {
    String header = padded(SIG, HeaderValues.MAX_SIGNATURE_LENGTH);

    VerifiedWebhook webhook =
        verify(
            Fixtures.headers(
                "webhook-id", Fixtures.ID, "webhook-timestamp", TS, "webhook-signature", header));

    assertThat(webhook.id()).isEqualTo(Fixtures.ID);
  }

  @Test
  void repeatedSignatureHeadersJoiningToExactlyTheMaximumLengthVerify() {
    String first = padded(SIG, 4000);
    String second = padded("v2,other", HeaderValues.MAX_SIGNATURE_LENGTH - first.length() - 1);

    VerifiedWebhook webhook =
        verify(
            Fixtures.headers(
                "webhook-id",
                Fixtures.ID,
                "webhook-timestamp",
                TS,
                "webhook-signature",
                first,
                "Webhook-Signature",
                second));

    assertThat(webhook.id()).isEqualTo(Fixtures.ID);
  }

  @Test
  void exactlyTheMaximumNumberOfSignatureEntriesVerifies() {
    String others = String.join(" ", Collections.nCopies(SignatureHeader.MAX_ENTRIES - 1, "v2,x"));

    VerifiedWebhook webhook =
        verify(
            Fixtures.headers(
                "webhook-id",
                Fixtures.ID,
                "webhook-timestamp",
                TS,
                "webhook-signature",
                others + " " + SIG));

    assertThat(webhook.id()).isEqualTo(Fixtures.ID);
  }

  @Test
  void anEntryThatStartsWithItsCommaIsMalformed() {
    WebhookVerificationException failure =
        failure(
            Fixtures.headers(
                "webhook-id",
                Fixtures.ID,
                "webhook-timestamp",
                TS,
                "webhook-signature",
                ",x " + SIG));

    assertThat(failure.reason()).isEqualTo(Reason.MALFORMED_SIGNATURE);
  }

  @Test
  void aNonAsciiCharacterThatSharesItsLowBitsWithABase64LetterIsMalformed() {
    char alias = (char) (SIG.charAt(10) + 128);
    String header = SIG.substring(0, 10) + alias + SIG.substring(11);

    WebhookVerificationException failure =
        failure(
            Fixtures.headers(
                "webhook-id", Fixtures.ID, "webhook-timestamp", TS, "webhook-signature", header));

    assertThat(failure.reason()).isEqualTo(Reason.MALFORMED_SIGNATURE);
  }

  @Test
  void aHeaderWithOnlyALongSignatureOfAnotherVersionSaysItHoldsNoV1Signature() {
    String otherVersion = "v2," + SIG.substring(3) + "AAAA";

    WebhookVerificationException failure =
        failure(
            Fixtures.headers(
                "webhook-id",
                Fixtures.ID,
                "webhook-timestamp",
                TS,
                "webhook-signature",
                otherVersion));

    assertThat(failure.reason()).isEqualTo(Reason.NO_MATCHING_SIGNATURE);
    assertThat(failure.getMessage()).isEqualTo("webhook-signature holds no v1 signature");
  }

  @Test
  void aV1SignatureUnderAnotherSecretSaysNoSignatureMatches() {
    String foreign =
        WebhookSigner.of(Fixtures.NEW_SECRET).sign(Fixtures.ID, Fixtures.NOW, Fixtures.BODY);

    WebhookVerificationException failure =
        failure(
            Fixtures.headers(
                "webhook-id", Fixtures.ID, "webhook-timestamp", TS, "webhook-signature", foreign));

    assertThat(failure.reason()).isEqualTo(Reason.NO_MATCHING_SIGNATURE);
    assertThat(failure.getMessage()).isEqualTo("no v1 signature matches the secret(s)");
  }

  @Test
  void headersWithOtherNamesOfAnyLengthAreIgnored() {
    Map<String, List<String>> headers =
        Fixtures.signed(Fixtures.SECRET, Fixtures.ID, Fixtures.NOW, Fixtures.BODY);
    headers.put("request-id", List.of("not-the-webhook-id"));
    headers.put("content-type", List.of("application/json"));
    headers.put("x-request-timeout", List.of("30"));
    headers.put("x-custom-header-1", List.of("v1,abc"));

    VerifiedWebhook webhook = verify(headers);

    assertThat(webhook.id()).isEqualTo(Fixtures.ID);
  }

  @Test
  void aWebhookSignedAtTheEpochVerifiesAtTheEpoch() {
    WebhookVerifier verifier =
        WebhookVerifier.builder().addSecret(Fixtures.SECRET).clock(Fixtures.clockAt(0)).build();
    Map<String, List<String>> headers =
        Fixtures.signed(Fixtures.SECRET, Fixtures.ID, 0, Fixtures.BODY);

    VerifiedWebhook webhook = verifier.verify(Fixtures.BODY, headers);

    assertThat(webhook.timestamp()).isEqualTo(Instant.EPOCH);
  }

  @Test
  void aTimestampAheadByLessThanAToleranceWithAFractionOfASecondVerifies() {
    // Ahead by 300.5 s; the tolerance is 300.6 s.
    Clock clock =
        Clock.fixed(Instant.ofEpochSecond(Fixtures.NOW - 301, 500_000_000), ZoneOffset.UTC);
    WebhookVerifier verifier =
        WebhookVerifier.builder()
            .addSecret(Fixtures.SECRET)
            .tolerance(Duration.ofMillis(300_600))
            .clock(clock)
            .build();

    VerifiedWebhook webhook =
        verifier.verify(
            Fixtures.BODY,
            Fixtures.signed(Fixtures.SECRET, Fixtures.ID, Fixtures.NOW, Fixtures.BODY));

    assertThat(webhook.id()).isEqualTo(Fixtures.ID);
  }

  @Test
  void theSignerSignsTimestampZero() {
    String header = WebhookSigner.of(Fixtures.SECRET).sign(Fixtures.ID, 0, Fixtures.BODY);

    assertThat(header).startsWith("v1,").hasSize(47);
  }

  @Test
  void anInvalidSecondSecretAddedOneByOneIsNamedByItsPosition() {
    WebhookVerifier.Builder builder = WebhookVerifier.builder().addSecret(Fixtures.SECRET);

    WebhookVerificationException failure =
        catchThrowableOfType(
            WebhookVerificationException.class, () -> builder.addSecret("whsec_c2hvcnQ="));

    assertThat(failure.reason()).isEqualTo(Reason.INVALID_SECRET);
    assertThat(failure.getMessage()).startsWith("secret #2 ");
  }
}
