package com.kaicalls.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The published Standard Webhooks test vectors, signed and verified. */
class KnownAnswerTest {

  private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  private static final String BODY_2021 = "{\"test\": 2432232314}";
  private static final String BODY_2023 =
      "{\"type\": \"example.created\", \"timestamp\":\"2023-09-28T19:20:22+00:00\","
          + " \"data\":{\"str\":\"string\",\"bool\":true,\"int\":42}}";

  @Test
  void theVectorSecretDecodesToExactlyTheMinimumOf24Bytes() {
    byte[] key = Base64.getDecoder().decode(Fixtures.SECRET.substring("whsec_".length()));

    assertThat(key).hasSize(24);
  }

  @Test
  void signingTheFirstVectorGivesThePublishedSignature() {
    WebhookSigner signer = WebhookSigner.of(Fixtures.SECRET);

    String signature = signer.sign(ID, 1614265330L, BODY_2021.getBytes(StandardCharsets.UTF_8));

    assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  }

  @Test
  void signingTheSecondVectorGivesThePublishedSignature() {
    WebhookSigner signer = WebhookSigner.of(Fixtures.SECRET);

    String signature = signer.sign(ID, 1696200454L, BODY_2023.getBytes(StandardCharsets.UTF_8));

    assertThat(signature).isEqualTo("v1,GgjvufBlIj71MBIVQotYGb+xEC3LNXCsIZp0HsDC8qs=");
  }

  @Test
  void theFirstVectorVerifiesAtItsOwnTime() {
    WebhookVerifier verifier =
        WebhookVerifier.builder()
            .addSecret(Fixtures.SECRET)
            .clock(Fixtures.clockAt(1614265330L))
            .build();

    VerifiedWebhook webhook =
        verifier.verify(
            BODY_2021,
            Fixtures.headers(
                "webhook-id", ID,
                "webhook-timestamp", "1614265330",
                "webhook-signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="));

    assertThat(webhook.id()).isEqualTo(ID);
    assertThat(webhook.timestamp()).isEqualTo(Instant.ofEpochSecond(1614265330L));
  }

  @Test
  void theSecondVectorVerifiesWithTheSecretWrittenWithoutItsPrefix() {
    WebhookVerifier verifier =
        WebhookVerifier.builder()
            .addSecret("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
            .clock(Fixtures.clockAt(1696200454L))
            .build();

    VerifiedWebhook webhook =
        verifier.verify(
            BODY_2023,
            Fixtures.headers(
                "webhook-id", ID,
                "webhook-timestamp", "1696200454",
                "webhook-signature", "v1,GgjvufBlIj71MBIVQotYGb+xEC3LNXCsIZp0HsDC8qs="));

    assertThat(webhook.id()).isEqualTo(ID);
  }
}
