package com.kaicalls.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.kaicalls.sdk.models.CommunicationRun;
import com.kaicalls.sdk.models.Me;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RawResponseTest {
  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  @Test
  void the_raw_view_exposes_status_request_id_replay_flag_and_the_parsed_body() {
    server.stubFor(
        Fixtures.route("POST", "/v1/communication-runs")
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Request-Id", "req_raw1")
                    .withHeader("Idempotent-Replayed", "true")
                    .withBody(Fixtures.runJson())));
    KaiCallsClient client = TestClients.against(server.baseUrl(), new RecordingSleeper()).build();

    RawResponse<CommunicationRun> raw =
        client.communicationRuns().withRawResponse().create(Fixtures.createRunRequest());

    assertThat(raw.statusCode()).isEqualTo(201);
    assertThat(raw.requestId()).contains("req_raw1");
    assertThat(raw.idempotentReplayed()).isTrue();
    assertThat(raw.header("idempotent-REPLAYED")).contains("true");
    assertThat(raw.body().id()).isEqualTo(Fixtures.RUN_ID);
  }

  @Test
  void a_fresh_response_is_not_marked_replayed() {
    server.stubFor(
        Fixtures.route("GET", "/v1/me").willReturn(Fixtures.json(200, Fixtures.meJson())));
    KaiCallsClient client = TestClients.against(server.baseUrl(), new RecordingSleeper()).build();

    assertThat(client.me().withRawResponse().retrieve().idempotentReplayed()).isFalse();
  }

  @Test
  void the_async_raw_view_completes_with_status_request_id_and_the_parsed_body() throws Exception {
    server.stubFor(
        Fixtures.route("GET", "/v1/me").willReturn(Fixtures.json(200, Fixtures.meJson())));
    KaiCallsClient client = TestClients.against(server.baseUrl(), new RecordingSleeper()).build();

    RawResponse<Me> raw = client.async().me().withRawResponse().retrieve().get(5, TimeUnit.SECONDS);

    assertThat(raw.statusCode()).isEqualTo(200);
    assertThat(raw.requestId()).hasValueSatisfying(id -> assertThat(id).startsWith("req_test"));
    assertThat(raw.body().workspaceId()).isEqualTo("ws_3Hk9PqT2vXa1");
  }
}
