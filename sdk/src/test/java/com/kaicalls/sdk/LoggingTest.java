package com.kaicalls.sdk;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.kaicalls.sdk.internal.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LoggingTest {
  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  private static final String SECRET = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";
  @RegisterExtension final LogCapture captured = new LogCapture();

  @Test
  void debug_logging_shows_requests_and_responses_but_never_the_api_key_or_a_secret() {
    System.setProperty("kaicalls.log", "debug");
    server.stubFor(
        Fixtures.route("POST", "/v1/webhook-subscriptions")
            .willReturn(
                Fixtures.json(
                    201,
                    "{\"id\":\"whsub_1\",\"object\":\"webhook_subscription\",\"url\":\"https://example.com/hook\","
                        + "\"event_types\":[\"*\"],\"include_client_workspaces\":false,\"description\":null,\"enabled\":true,\"status\":\"enabled\","
                        + "\"disabled_reason\":null,\"created_at\":\"2026-03-03T16:04:21Z\","
                        + "\"updated_at\":\"2026-03-03T16:04:21Z\",\"previous_secret_expires_at\":null,"
                        + "\"secret\":\""
                        + SECRET
                        + "\"}")));
    KaiCallsClient client = TestClients.against(server.baseUrl(), new RecordingSleeper()).build();

    client
        .webhookSubscriptions()
        .withRawResponse()
        .create(
            com.kaicalls.sdk.models.CreateWebhookSubscriptionRequest.builder()
                .url(java.net.URI.create("https://example.com/hook"))
                .addEventType("*")
                .build());

    assertThat(captured.lines())
        .anySatisfy(l -> assertThat(l).contains("POST").contains("/v1/webhook-subscriptions"));
    assertThat(captured.lines()).anySatisfy(l -> assertThat(l).contains("201"));
    assertThat(String.join("\n", captured.lines()))
        .doesNotContain(TestClients.API_KEY)
        .doesNotContain("unitTestKey")
        .doesNotContain(SECRET.substring("whsec_".length()));
  }

  @Test
  void logging_is_off_by_default() {
    server.stubFor(
        Fixtures.route("GET", "/v1/me").willReturn(Fixtures.json(200, Fixtures.meJson())));

    TestClients.against(server.baseUrl(), new RecordingSleeper()).build().me().retrieve();

    assertThat(captured.lines()).isEmpty();
  }
}
