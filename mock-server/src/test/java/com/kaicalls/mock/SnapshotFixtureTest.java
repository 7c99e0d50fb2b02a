package com.kaicalls.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.kaicalls.mock.junit.KaiCallsMockTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** {@code @KaiCallsMockTest(snapshot = ...)}: every test starts from a committed fixture. */
@KaiCallsMockTest(clock = ClockMode.MANUAL, snapshot = "fixtures/one-subscription.json")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SnapshotFixtureTest {

  private static JsonNode subscriptions(KaiCallsMockServer mock) {
    return new ApiClient(mock.baseUrl(), mock.apiKey())
        .get("/v1/webhook-subscriptions")
        .json()
        .path("data");
  }

  @Test
  @Order(1)
  void theServerStartsFromTheFixtureItsDocumentsAndItsClock(KaiCallsMockServer mock) {
    JsonNode data = subscriptions(mock);

    assertThat(data).hasSize(1);
    assertThat(data.get(0).path("url").asText()).isEqualTo("https://hooks.example.com/fixture");
    assertThat(mock.clock().instant()).isEqualTo(Instant.parse("2026-12-01T15:00:00Z"));
    new ApiClient(mock.baseUrl(), mock.apiKey())
        .post(
            "/v1/webhook-subscriptions",
            Map.of("url", "https://hooks.example.com/added", "event_types", List.of("*")));
  }

  @Test
  @Order(2)
  void eachTestIsResetToTheFixture(KaiCallsMockServer mock) {
    assertThat(subscriptions(mock)).hasSize(1);
  }

  @Test
  @Order(3)
  void aTestMayAskForTheAdminInstead(KaiCallsMockAdmin admin, KaiCallsMockServer mock) {
    assertThat(admin).isSameAs(mock.admin());
    assertThat(admin.now()).isEqualTo(Instant.parse("2026-12-01T15:00:00Z"));
  }

  @Test
  @Order(4)
  void aMissingResourceStopsTheStartNamingIt() {
    MockServerOptions options =
        MockServerOptions.builder().port(0).seedResource("fixtures/missing.json").build();

    assertThatThrownBy(() -> KaiCallsMockServer.start(options))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("classpath:fixtures/missing.json");
  }
}
