package com.kaicalls.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.kaicalls.webhooks.WebhookVerificationException.Reason;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How headers are read and which bytes are verified. */
class HeaderAndBodyTest {

  private static final WebhookVerifier VERIFIER = Fixtures.verifier(Fixtures.SECRET);
  private static final WebhookSigner SIGNER = WebhookSigner.of(Fixtures.SECRET);

  @Test
  void headerNamesInAMapAreMatchedCaseInsensitively() {
    Map<String, String> signed = SIGNER.headers(Fixtures.ID, Fixtures.NOW, Fixtures.BODY);
    Map<String, List<String>> headers =
        Fixtures.headers(
            "Webhook-Id", signed.get("webhook-id"),
            "WEBHOOK-TIMESTAMP", signed.get("webhook-timestamp"),
            "webhook-Signature", signed.get("webhook-signature"));

    VerifiedWebhook webhook = VERIFIER.verify(Fixtures.BODY, headers);

    assertThat(webhook.id()).isEqualTo(Fixtures.ID);
  }

  @Test
  void theHeadersOfAJdkHttpHeadersMapVerify() {
    Map<String, List<String>> signed =
        Fixtures.signed(Fixtures.SECRET, Fixtures.ID, Fixtures.NOW, Fixtures.BODY);
    HttpHeaders headers = HttpHeaders.of(signed, (name, value) -> true);

    VerifiedWebhook webhook = VERIFIER.verify(Fixtures.BODY, headers.map());

    assertThat(webhook.id()).isEqualTo(Fixtures.ID);
  }

  @Test
  void aLookupFunctionIsAskedForTheLowercaseNames() {
    List<String> asked = new ArrayList<>();
    Map<String, String> signed = SIGNER.headers(Fixtures.ID, Fixtures.NOW, Fixtures.BODY);

    VERIFIER.verify(
        Fixtures.BODY,
        name -> {
          asked.add(name);
          return signed.get(name);
        });

    assertThat(asked).containsExactly("webhook-id", "webhook-timestamp", "webhook-signature");
  }

  @Test
  void repeatedIdenticalIdsAndTimestampsVerify() {
    Map<String, List<String>> headers =
        Fixtures.signed(Fixtures.SECRET, Fixtures.ID, Fixtures.NOW, Fixtures.BODY);
    headers.get("webhook-id").add(Fixtures.ID);
    headers.put("Webhook-Timestamp", List.of(Long.toString(Fixtures.NOW)));

    VerifiedWebhook webhook = VERIFIER.verify(Fixtures.BODY, headers);

    assertThat(webhook.id()).isEqualTo(Fixtures.ID);
  }

  @Test
  void repeatedSignatureHeadersAreReadAsOneList() {
    Map<String, List<String>> headers =
        Fixtures.signed(Fixtures.SECRET, Fixtures.ID, Fixtures.NOW, Fixtures.BODY);
    headers.get("webhook-signature").add(0, "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");

    VerifiedWebhook webhook = VERIFIER.verify(Fixtures.BODY, headers);

    assertThat(webhook.id()).isEqualTo(Fixtures.ID);
  }

  @Test
  void nullValuesNextToRealOnesAreIgnored() {
    Map<String, List<String>> headers =
        Fixtures.signed(Fixtures.SECRET, Fixtures.ID, Fixtures.NOW, Fixtures.BODY);
    headers.get("webhook-id").add(0, null);
    headers.get("webhook-signature").add(null);

    VerifiedWebhook webhook = VERIFIER.verify(Fixtures.BODY, headers);

    assertThat(webhook.id()).isEqualTo(Fixtures.ID);
  }

  @Test
  void anyOneOfSeveralSignaturesMayMatchAndUnknownVersionsAreSkipped() {
    String valid = SIGNER.sign(Fixtures.ID, Fixtures.NOW, Fixtures.BODY);
    String signature =
        "v2,c29tZXRoaW5nIGVsc2U=  v1a,xyz "
            + valid
            + " v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

    VerifiedWebhook webhook =
        VERIFIER.verify(
            Fixtures.BODY,
            Fixtures.headers(
                "webhook-id",
                Fixtures.ID,
                "webhook-timestamp",
                Long.toString(Fixtures.NOW),
                "webhook-signature",
                signature));

    assertThat(webhook.id()).isEqualTo(Fixtures.ID);
  }

  @Test
  void aV1SignatureWithoutItsPaddingVerifies() {
    String signature = SIGNER.sign(Fixtures.ID, Fixtures.NOW, Fixtures.BODY);

    VerifiedWebhook webhook =
        VERIFIER.verify(
            Fixtures.BODY,
            Fixtures.headers(
                "webhook-id", Fixtures.ID,
                "webhook-timestamp", Long.toString(Fixtures.NOW),
                "webhook-signature", signature.substring(0, signature.length() - 1)));

    assertThat(webhook.id()).isEqualTo(Fixtures.ID);
  }

  @Test
  void aBodyWrittenAgainWithOtherWhitespaceFails() {
    Map<String, String> signed = SIGNER.headers(Fixtures.ID, Fixtures.NOW, Fixtures.BODY);
    byte[] reserialised =
        new String(Fixtures.BODY, StandardCharsets.UTF_8)
            .replace(":", ": ")
            .getBytes(StandardCharsets.UTF_8);

    WebhookVerificationException failure =
        catchThrowableOfType(
            WebhookVerificationException.class, () -> VERIFIER.verify(reserialised, signed::get));

    assertThat(failure.reason()).isEqualTo(Reason.NO_MATCHING_SIGNATURE);
  }

  @Test
  void aStringBodyIsVerifiedAsUtf8() {
    String body = "{\"caller\":\"Zoë Ångström 電話 📞\"}";
    Map<String, String> signed =
        SIGNER.headers(Fixtures.ID, Fixtures.NOW, body.getBytes(StandardCharsets.UTF_8));

    VerifiedWebhook webhook = VERIFIER.verify(body, signed::get);

    assertThat(webhook.id()).isEqualTo(Fixtures.ID);
  }

  @Test
  void anEmptyBodyIsSignedAndVerifiedLikeAnyOther() {
    Map<String, String> signed = SIGNER.headers(Fixtures.ID, Fixtures.NOW, new byte[0]);

    VerifiedWebhook webhook = VERIFIER.verify(new byte[0], signed::get);

    assertThat(webhook.id()).isEqualTo(Fixtures.ID);
  }

  @Test
  void theSignerRefusesAnIdOutsideVisibleAscii() {
    Throwable failure = catchThrowable(() -> SIGNER.sign("msg émoji", Fixtures.NOW, Fixtures.BODY));

    assertThat(failure)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("visible ASCII");
  }

  @Test
  void everyVisibleAsciiCharacterIsAllowedInAnId() {
    StringBuilder id = new StringBuilder();
    for (char c = '!'; c <= '~'; c++) {
      id.append(c);
    }
    Map<String, String> signed = SIGNER.headers(id.toString(), Fixtures.NOW, Fixtures.BODY);

    VerifiedWebhook webhook = VERIFIER.verify(Fixtures.BODY, signed::get);

    assertThat(webhook.id()).isEqualTo(id.toString());
  }

  @Test
  void theSignerReturnsTheThreeHeadersInOrderWithLowercaseNames() {
    Map<String, String> headers = SIGNER.headers(Fixtures.ID, Fixtures.NOW, Fixtures.BODY);

    assertThat(headers)
        .containsExactly(
            Map.entry("webhook-id", Fixtures.ID),
            Map.entry("webhook-timestamp", "1700000000"),
            Map.entry("webhook-signature", SIGNER.sign(Fixtures.ID, Fixtures.NOW, Fixtures.BODY)));
  }

  @Test
  void verifiedWebhooksWithTheSameIdAndTimestampAreEqual() {
    Map<String, String> signed = SIGNER.headers(Fixtures.ID, Fixtures.NOW, Fixtures.BODY);

    VerifiedWebhook first = VERIFIER.verify(Fixtures.BODY, signed::get);
    VerifiedWebhook second = VERIFIER.verify(Fixtures.BODY, signed::get);

    assertThat(first).isEqualTo(second).hasSameHashCodeAs(second);
  }
}
