package com.kaicalls.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kaicalls.sdk.errors.KaiCallsException;
import com.kaicalls.sdk.errors.WebhookSignatureException;
import com.kaicalls.sdk.models.CallCompletedEvent;
import com.kaicalls.sdk.models.Event;
import com.kaicalls.webhooks.WebhookSecrets;
import com.kaicalls.webhooks.WebhookSigner;
import com.kaicalls.webhooks.WebhookVerificationException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WebhooksTest {
  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  private static final String SECRET = WebhookSecrets.generate();
  private static final String BODY = Fixtures.CALL_COMPLETED_EVENT;

  private final KaiCallsClient client =
      KaiCallsClient.builder()
          .apiKey("kc_test_webhooks")
          .webhookSecret(SECRET)
          .clock(Clock.fixed(NOW, ZoneOffset.UTC))
          .build();

  @Test
  void unwrap_verifies_the_signature_and_returns_the_typed_event() {
    Map<String, List<String>> headers = signed(SECRET, BODY);

    Event event = client.webhooks().unwrap(BODY, headers);

    assertThat(event)
        .isInstanceOfSatisfying(
            CallCompletedEvent.class,
            completed -> {
              assertThat(completed.id()).isEqualTo("evt_2Lk9Wq4ZtR7b");
              assertThat(completed.data().object().agentConfigVersion()).isEqualTo(3);
            });
  }

  @Test
  void unwrap_accepts_a_header_lookup_function() {
    Map<String, String> headers =
        WebhookSigner.of(SECRET).headers("evt_2Lk9Wq4ZtR7b", NOW.getEpochSecond(), bytes(BODY));

    Event event = client.webhooks().unwrap(bytes(BODY), headers::get);

    assertThat(event).isInstanceOf(CallCompletedEvent.class);
  }

  @Test
  void a_body_changed_after_signing_is_refused_with_the_sdks_exception() {
    Map<String, List<String>> headers = signed(SECRET, BODY);

    assertThatThrownBy(() -> client.webhooks().unwrap(BODY.replace("95", "96"), headers))
        .isInstanceOfSatisfying(
            WebhookSignatureException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.NO_MATCHING_SIGNATURE))
        .hasMessageNotContaining(SECRET);
  }

  @Test
  void a_missing_signature_header_is_refused_with_the_sdks_exception() {
    assertThatThrownBy(() -> client.webhooks().unwrap(BODY, Map.of("webhook-id", List.of("evt_1"))))
        .isInstanceOfSatisfying(
            WebhookSignatureException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.MISSING_HEADER));
  }

  @Test
  void during_a_rotation_both_secrets_are_accepted() {
    String newSecret = WebhookSecrets.generate();
    Webhooks rotating = client.webhooks().withSecrets(SECRET, newSecret);

    assertThat(rotating.unwrap(BODY, signed(SECRET, BODY))).isInstanceOf(CallCompletedEvent.class);
    assertThat(rotating.unwrap(BODY, signed(newSecret, BODY)))
        .isInstanceOf(CallCompletedEvent.class);
  }

  @Test
  void unwrap_without_a_configured_secret_says_how_to_set_one() {
    KaiCallsClient noSecret = KaiCallsClient.builder().apiKey("kc_test_x").build();

    assertThatThrownBy(() -> noSecret.webhooks().unwrap(BODY, signed(SECRET, BODY)))
        .isInstanceOf(KaiCallsException.class)
        .hasMessageContaining("webhookSecret");
  }

  private static Map<String, List<String>> signed(String secret, String body) {
    return WebhookSigner.of(secret)
        .headers("evt_2Lk9Wq4ZtR7b", NOW.getEpochSecond(), bytes(body))
        .entrySet()
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue())));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
