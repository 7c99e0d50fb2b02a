package com.kaicalls.sdk.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** toString prints one line per field and never a secret in full. */
class SecretMaskingTest {
  private static final OffsetDateTime T =
      OffsetDateTime.of(2026, 3, 3, 16, 4, 21, 0, ZoneOffset.UTC);

  @Test
  void a_webhook_secret_is_masked_to_its_prefix_and_last_three_characters() {
    String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw3xQ";
    WebhookSubscriptionWithSecret subscription =
        ((WebhookSubscriptionWithSecret) ModelSamples.complete(WebhookSubscriptionWithSecret.class))
            .toBuilder().secret(secret).build();

    assertThat(subscription.toString())
        .contains("  secret: whsec_…3xQ\n")
        .doesNotContain("MfKQ9r8GKYqr");
    assertThat(subscription.secret()).isEqualTo(secret);
  }

  @Test
  void an_api_key_secret_is_masked_and_every_field_has_its_own_line() {
    ApiKeyWithSecret key =
        ((ApiKeyWithSecret) ModelSamples.complete(ApiKeyWithSecret.class))
            .toBuilder().secret("kc_test_9yRbP2kWq7HxLm4Nc8Td").createdAt(T).build();

    assertThat(key.toString())
        .contains("  secret: kc_test_…8Td\n")
        .doesNotContain("9yRbP2kWq7Hx")
        .contains("  createdAt: 2026-03-03T16:04:21Z\n")
        .startsWith("ApiKeyWithSecret{\n");
  }
}
