package com.kaicalls.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.kaicalls.sdk.models.UpdateWebhookSubscriptionRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A PATCH says "leave as is" (absent), "set" (a value) and "clear" (JSON null) with three different
 * bodies.
 */
class PatchBodiesTest {
  private static final String PATH = "/v1/webhook-subscriptions/whsub_1";

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  private KaiCallsClient client;

  @BeforeEach
  void setUp() {
    client = TestClients.against(server.baseUrl(), new RecordingSleeper()).build();
    server.stubFor(
        Fixtures.route("PATCH", PATH)
            .willReturn(
                Fixtures.json(
                    200,
                    "{\"id\":\"whsub_1\",\"object\":\"webhook_subscription\",\"url\":\"https://example.com/hook\","
                        + "\"event_types\":[\"*\"],\"include_client_workspaces\":false,\"description\":null,\"enabled\":true,\"status\":\"enabled\","
                        + "\"disabled_reason\":null,\"created_at\":\"2026-03-03T16:04:21Z\","
                        + "\"updated_at\":\"2026-03-03T16:04:21Z\"}")));
  }

  @Test
  void a_field_never_set_is_left_out_of_the_body() {
    client
        .webhookSubscriptions()
        .update("whsub_1", UpdateWebhookSubscriptionRequest.builder().enabled(true).build());

    server.verify(
        patchRequestedFor(urlPathEqualTo(PATH))
            .withRequestBody(equalToJson("{\"enabled\":true}", false, false)));
  }

  @Test
  void a_field_set_to_a_value_is_sent_with_it() {
    client
        .webhookSubscriptions()
        .update("whsub_1", UpdateWebhookSubscriptionRequest.builder().description("CRM").build());

    server.verify(
        patchRequestedFor(urlPathEqualTo(PATH))
            .withRequestBody(equalToJson("{\"description\":\"CRM\"}", false, false)));
  }

  @Test
  void a_cleared_field_is_sent_as_json_null() {
    client
        .webhookSubscriptions()
        .update("whsub_1", UpdateWebhookSubscriptionRequest.builder().clearDescription().build());

    server.verify(
        patchRequestedFor(urlPathEqualTo(PATH))
            .withRequestBody(equalToJson("{\"description\":null}", false, false)));
  }

  @Test
  void the_three_states_are_three_different_requests() {
    UpdateWebhookSubscriptionRequest absent = UpdateWebhookSubscriptionRequest.builder().build();
    UpdateWebhookSubscriptionRequest set =
        UpdateWebhookSubscriptionRequest.builder().description("CRM").build();
    UpdateWebhookSubscriptionRequest cleared =
        UpdateWebhookSubscriptionRequest.builder().clearDescription().build();

    assertThat(absent).isNotEqualTo(cleared).isNotEqualTo(set);
    assertThat(absent.description()).isEmpty();
    assertThat(cleared.description()).isEmpty();
    assertThat(set.description()).contains("CRM");
    assertThat(cleared.toBuilder().build()).isEqualTo(cleared);
    assertThat(absent.toString()).contains("  description: (not set)\n");
    assertThat(cleared.toString()).contains("  description: null\n");
  }
}
