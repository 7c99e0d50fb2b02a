package com.kaicalls.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.kaicalls.sdk.errors.ConflictException;
import com.kaicalls.sdk.errors.InternalServerException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The server's {@code KaiCalls-Should-Retry} header overrides the SDK's table; without it, the
 * table decides.
 */
class ServerDirectedRetryTest {
  private static final String PAUSE = "/v1/communication-runs/" + Fixtures.RUN_ID + "/pause";

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  private final RecordingSleeper sleeper = new RecordingSleeper();
  private KaiCallsClient client;

  @BeforeEach
  void setUp() {
    client = TestClients.against(server.baseUrl(), sleeper).build();
  }

  @Test
  void an_invalid_state_transition_without_advice_is_one_request() {
    server.stubFor(
        Fixtures.route("POST", PAUSE)
            .willReturn(Fixtures.error(409, "conflict", "invalid_state_transition")));

    assertThatThrownBy(() -> client.communicationRuns().pause(Fixtures.RUN_ID))
        .isInstanceOf(ConflictException.class);

    server.verify(1, postRequestedFor(urlEqualTo(PAUSE)));
    assertThat(sleeper.delays()).isEmpty();
  }

  @Test
  void an_idempotency_key_in_use_without_advice_is_retried() {
    failOnceThenSucceed(Fixtures.error(409, "conflict", "idempotency_key_in_use"));

    client.communicationRuns().pause(Fixtures.RUN_ID);

    server.verify(2, postRequestedFor(urlEqualTo(PAUSE)));
  }

  @Test
  void a_503_the_server_says_not_to_retry_is_one_request() {
    server.stubFor(
        Fixtures.route("POST", PAUSE)
            .willReturn(
                Fixtures.error(503, "api_error", "unavailable")
                    .withHeader("KaiCalls-Should-Retry", "false")));

    assertThatThrownBy(() -> client.communicationRuns().pause(Fixtures.RUN_ID))
        .isInstanceOf(InternalServerException.class);

    server.verify(1, postRequestedFor(urlEqualTo(PAUSE)));
  }

  @Test
  void a_409_the_server_says_to_retry_is_retried_with_the_same_key() {
    failOnceThenSucceed(
        Fixtures.error(409, "conflict", "invalid_state_transition")
            .withHeader("KaiCalls-Should-Retry", "true"));

    client.communicationRuns().pause(Fixtures.RUN_ID);

    server.verify(2, postRequestedFor(urlEqualTo(PAUSE)));
    assertThat(server.findAll(postRequestedFor(urlEqualTo(PAUSE))))
        .extracting(r -> r.getHeader("Idempotency-Key"))
        .containsExactly("generated-key-1", "generated-key-1");
  }

  @Test
  void advice_to_retry_still_waits_for_retry_after() {
    failOnceThenSucceed(
        Fixtures.error(409, "conflict", "idempotency_key_in_use")
            .withHeader("KaiCalls-Should-Retry", "true")
            .withHeader("Retry-After", "3"));

    client.communicationRuns().pause(Fixtures.RUN_ID);

    assertThat(sleeper.delays())
        .singleElement()
        .satisfies(d -> assertThat(d.toSeconds()).isEqualTo(3));
  }

  private static void failOnceThenSucceed(ResponseDefinitionBuilder failure) {
    server.stubFor(
        Fixtures.route("POST", PAUSE)
            .inScenario("once")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(failure)
            .willSetStateTo("ok"));
    server.stubFor(
        Fixtures.route("POST", PAUSE)
            .inScenario("once")
            .whenScenarioStateIs("ok")
            .willReturn(Fixtures.json(200, Fixtures.runJson())));
  }
}
