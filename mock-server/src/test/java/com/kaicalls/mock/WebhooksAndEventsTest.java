package com.kaicalls.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.kaicalls.mock.junit.KaiCallsMockTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@KaiCallsMockTest(clock = ClockMode.MANUAL)
class WebhooksAndEventsTest {

  @Test
  void subscriptionsHaveFullCrudAndTheSecretIsReturnedOnlyOnCreateAndRotate(
      KaiCallsMockServer mock) {
    ApiClient api = new ApiClient(mock.baseUrl(), mock.apiKey());

    JsonNode created =
        api.post(
                "/v1/webhook-subscriptions",
                Map.of(
                    "url",
                    "https://example.com/hook",
                    "event_types",
                    List.of("communication_run.*")))
            .json();
    String base = "/v1/webhook-subscriptions/" + created.path("id").asText();
    JsonNode fetched = api.get(base).json();
    JsonNode updated = api.send("PATCH", base, Map.of("enabled", false), Map.of()).json();
    JsonNode rotated = api.post(base + "/rotate-secret", Map.of("grace_period_seconds", 60)).json();
    ApiClient.Reply deleted = api.send("DELETE", base, null, Map.of());

    assertThat(created.path("secret").asText()).startsWith("whsec_");
    assertThat(fetched.has("secret")).isFalse();
    assertThat(updated.path("status").asText()).isEqualTo("disabled");
    assertThat(updated.path("disabled_reason").asText()).isEqualTo("manual");
    assertThat(rotated.path("secret").asText())
        .startsWith("whsec_")
        .isNotEqualTo(created.path("secret").asText());
    assertThat(deleted.json().path("deleted").asBoolean()).isTrue();
    assertThat(api.get(base).status()).isEqualTo(404);
  }

  @Test
  void anUnknownEventTypeIsRejected(KaiCallsMockServer mock) {
    ApiClient.Reply reply =
        new ApiClient(mock.baseUrl(), mock.apiKey())
            .post(
                "/v1/webhook-subscriptions",
                Map.of(
                    "url",
                    "https://example.com/hook",
                    "event_types",
                    List.of("call.completed", "call.exploded")));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorParam()).isEqualTo("event_types[1]");
  }

  @Test
  void testCreatesATestEventAndAPendingDelivery(KaiCallsMockServer mock) {
    ApiClient api = new ApiClient(mock.baseUrl(), mock.apiKey());
    String sub =
        api.get("/v1/webhook-subscriptions").json().path("data").get(0).path("id").asText();

    JsonNode delivery = api.post("/v1/webhook-subscriptions/" + sub + "/test", null).json();

    assertThat(delivery.path("status").asText()).isEqualTo("pending");
    assertThat(delivery.path("trigger").asText()).isEqualTo("test");
    JsonNode event = api.get("/v1/events/" + delivery.path("event_id").asText()).json();
    assertThat(event.path("type").asText()).isEqualTo("webhook_subscription.test");
    assertThat(api.get("/v1/event-deliveries/" + delivery.path("id").asText()).json())
        .isEqualTo(delivery);
  }

  @Test
  void eventsFilterByRepeatedTypeAndReplayCreatesDeliveries(KaiCallsMockServer mock) {
    ApiClient api = new ApiClient(mock.baseUrl(), mock.apiKey());

    JsonNode events =
        api.get("/v1/events?type=sms.failed&type=recording.ready&limit=100").json().path("data");
    JsonNode replayed =
        api.post("/v1/events/" + events.get(0).path("id").asText() + "/replay", null).json();

    assertThat(events)
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.path("type").asText()).isIn("sms.failed", "recording.ready"));
    assertThat(replayed.path("data"))
        .isNotEmpty()
        .allSatisfy(d -> assertThat(d.path("trigger").asText()).isEqualTo("replay"));
  }

  @Test
  void backfillQueuesMatchingEventsAndIsReadable(KaiCallsMockServer mock) {
    ApiClient api = new ApiClient(mock.baseUrl(), mock.apiKey());
    String sub =
        api.get("/v1/webhook-subscriptions").json().path("data").get(0).path("id").asText();

    ApiClient.Reply backfill =
        api.post(
            "/v1/events/backfill",
            Map.of(
                "subscription_id",
                sub,
                "created_after",
                "2026-10-01T00:00:00Z",
                "created_before",
                "2026-12-01T00:00:00Z"));

    assertThat(backfill.status()).isEqualTo(202);
    assertThat(backfill.json().path("total").asInt()).isPositive();
    assertThat(api.get("/v1/backfills/" + backfill.json().path("id").asText()).json())
        .isEqualTo(backfill.json());
  }

  @Test
  void stateIsResetBeforeEachTest(KaiCallsMockServer mock) {
    ApiClient api = new ApiClient(mock.baseUrl(), mock.apiKey());

    assertThat(api.get("/v1/webhook-subscriptions").json().path("data")).hasSize(1);
    assertThat(api.get("/v1/api-keys").json().path("data")).hasSize(1);
  }
}
