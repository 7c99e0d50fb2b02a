package com.kaicalls.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.kaicalls.mock.junit.KaiCallsMockExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Deliveries run on their own bounded pool: a slow endpoint delays neither other endpoints nor the
 * API.
 */
class DeliveryIsolationTest {
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  @RegisterExtension
  static final KaiCallsMockExtension MOCK =
      KaiCallsMockExtension.builder().clockMode(ClockMode.REALTIME).build();

  private final WebhookReceiver slow = new WebhookReceiver().otherwise(200, Duration.ofSeconds(5));
  private final WebhookReceiver fast = new WebhookReceiver();

  @AfterEach
  void stopReceivers() {
    slow.close();
    fast.close();
  }

  @Test
  void aSlowEndpointDelaysNeitherAnotherEndpointNorTheApi() throws InterruptedException {
    ApiClient api = new ApiClient(MOCK.baseUrl(), MOCK.apiKey());
    api.post(
        "/v1/webhook-subscriptions",
        Map.of("url", slow.url(), "event_types", List.of("communication_run.*")));
    api.post(
        "/v1/webhook-subscriptions",
        Map.of("url", fast.url(), "event_types", List.of("communication_run.*")));
    String agent = Runs.agent(api);

    for (int i = 0; i < 6; i++) {
      ApiClient.Reply created =
          api.post(
              "/v1/communication-runs", Runs.body(agent, "+14155550120"), Runs.key("iso-" + i));
      assertThat(created.status()).isEqualTo(201);
      api.post(
          "/v1/communication-runs/" + created.json().path("id").asText() + "/cancel", Map.of());
    }
    boolean fastGotAll = pollUntil(() -> fast.received().size() >= 12);

    assertThat(fastGotAll).as("the fast endpoint got its 12 deliveries").isTrue();
    // The slow endpoint answers one request per 5 s and takes at most 4 at a time: it cannot have
    // had them all.
    assertThat(slow.received().size()).isLessThan(12);
    assertThat(api.get("/v1/me").status()).isEqualTo(200);
  }

  private static boolean pollUntil(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) return false;
      Thread.sleep(20); // polling the receiver with a bound, not waiting for a fixed time
    }
    return true;
  }
}
