package com.kaicalls.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.kaicalls.mock.junit.KaiCallsMockExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A subscription's URL must be one a delivery can reach: http(s), a host, a port in 1..65535. */
class WebhookUrlTest {

  @RegisterExtension
  static final KaiCallsMockExtension MOCK =
      KaiCallsMockExtension.builder().seed(Seed.EMPTY).build();

  private static ApiClient api() {
    return new ApiClient(MOCK.baseUrl(), MOCK.apiKey());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ftp://127.0.0.1/hooks",
        "gopher://127.0.0.1:70/",
        "http://127.0.0.1:99999/hooks",
        "http://127.0.0.1:0/hooks",
        "file:///etc/passwd"
      })
  void anUnreachableSchemeOrPortIsRefusedAtCreateNamingUrl(String url) {
    ApiClient.Reply reply =
        api().post("/v1/webhook-subscriptions", Map.of("url", url, "event_types", List.of("*")));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorParam()).isEqualTo("url");
  }

  @Test
  void anUnreachableUrlIsRefusedAtUpdateAndTheSubscriptionKeepsItsUrl() {
    String id =
        api()
            .post(
                "/v1/webhook-subscriptions",
                Map.of("url", "https://127.0.0.1:8443/hooks", "event_types", List.of("*")))
            .json()
            .path("id")
            .asText();

    ApiClient.Reply reply =
        api()
            .send(
                "PATCH",
                "/v1/webhook-subscriptions/" + id,
                Map.of("url", "ftp://127.0.0.1/x"),
                Map.of());

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorParam()).isEqualTo("url");
    assertThat(api().get("/v1/webhook-subscriptions/" + id).json().path("url").asText())
        .isEqualTo("https://127.0.0.1:8443/hooks");
  }
}
