package com.kaicalls.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.kaicalls.mock.junit.KaiCallsMockExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each delivery attempt records the receiver's response headers, bounded; none when no response
 * arrived.
 */
class DeliveryResponseHeadersTest {

  @RegisterExtension
  static final KaiCallsMockExtension MOCK =
      KaiCallsMockExtension.builder()
          .clockMode(ClockMode.MANUAL)
          .startTime(Instant.parse("2026-12-01T15:00:00Z"))
          .clock(Clock.fixed(Instant.parse("2026-11-30T09:00:00Z"), ZoneOffset.UTC))
          .build();

  private static ApiClient api() {
    return new ApiClient(MOCK.baseUrl(), MOCK.apiKey());
  }

  /** Sends a test event to {@code url} and returns the first attempt of its delivery. */
  private static JsonNode firstAttempt(KaiCallsMockServer mock, String url) {
    String sub =
        api()
            .post("/v1/webhook-subscriptions", Map.of("url", url, "event_types", List.of("*")))
            .json()
            .path("id")
            .asText();
    api().post("/v1/webhook-subscriptions/" + sub + "/test", null);
    mock.advanceClock(Duration.ZERO);
    return api()
        .get("/v1/event-deliveries?subscription_id=" + sub)
        .json()
        .path("data")
        .get(0)
        .path("attempts")
        .get(0);
  }

  @Test
  void theReceiversCustomHeadersAreListedLowerCasedOnTheAttempt(KaiCallsMockServer mock) {
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      receiver.then(503, Map.of("X-Receiver-Trace", "trace-7f3a", "Retry-After", "1"));

      JsonNode headers = firstAttempt(mock, receiver.url()).path("response_headers");

      assertThat(headers.path("x-receiver-trace").asText()).isEqualTo("trace-7f3a");
      assertThat(headers.path("retry-after").asText()).isEqualTo("1");
      assertThat(headers.path("content-length").asText()).isEqualTo("10");
    }
  }

  @Test
  void aHugeHeaderSetIsCutToTheFirstFiftyHeadersInNameOrder(KaiCallsMockServer mock) {
    Map<String, String> many = new LinkedHashMap<>();
    for (int i = 0; i < 200; i++) {
      many.put(String.format("X-Big-%03d", i), "v" + i);
    }
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      receiver.then(200, many);

      JsonNode headers = firstAttempt(mock, receiver.url()).path("response_headers");

      assertThat(headers.size()).isEqualTo(50);
      assertThat(headers.path("x-big-000").asText()).isEqualTo("v0");
      assertThat(headers.has("x-big-199")).isFalse();
    }
  }

  @Test
  void anAttemptWithoutAResponseHasNullResponseHeaders(KaiCallsMockServer mock) {
    WebhookReceiver closed = new WebhookReceiver();
    String url = closed.url();
    closed.close();

    JsonNode attempt = firstAttempt(mock, url);

    assertThat(attempt.path("error").asText()).isEqualTo("connection_refused");
    assertThat(attempt.has("response_headers")).isTrue();
    assertThat(attempt.path("response_headers").isNull()).isTrue();
  }
}
