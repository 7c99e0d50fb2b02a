package com.kaicalls.sdk.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.kaicalls.sdk.RequestOptions;
import com.kaicalls.sdk.errors.KaiCallsIoException;
import java.time.Clock;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With debug logging on, the transport logs each attempt, each response, each failure and each
 * retry.
 */
class TransportLoggingTest {
  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  @RegisterExtension final LogCapture captured = new LogCapture();

  @BeforeEach
  void switchDebugLoggingOn() {
    System.setProperty("kaicalls.log", "debug");
  }

  private static Transport transport(int maxRetries) {
    return new Transport(
        new OkHttpClient.Builder().retryOnConnectionFailure(false).build(),
        HttpUrl.get(server.baseUrl()),
        "kc_test_loggingKey",
        null,
        maxRetries,
        Clock.systemUTC(),
        d -> {},
        () -> "generated-key",
        () -> 0.0,
        "ua",
        Json.newMapper());
  }

  @Test
  void a_call_retried_after_a_503_logs_both_attempts_the_error_the_retry_and_the_success() {
    server.stubFor(
        any(anyUrl())
            .inScenario("s")
            .whenScenarioStateIs(STARTED)
            .willSetStateTo("ok")
            .willReturn(aResponse().withStatus(503).withBody("{}")));
    server.stubFor(
        any(anyUrl())
            .inScenario("s")
            .whenScenarioStateIs("ok")
            .willReturn(aResponse().withStatus(200).withBody("{}")));
    String url = server.baseUrl() + "/v1/things";

    transport(1)
        .execute(
            ApiRequest.builder("listThings", "GET", "/v1/things").build(),
            RequestOptions.none(),
            JsonNode.class);

    assertThat(captured.lines()).hasSize(5);
    assertThat(captured.lines().get(0)).startsWith("--> GET " + url + " (listThings, attempt 1) ");
    assertThat(captured.lines().get(1))
        .matches("<-- 503 GET " + url + " \\(\\d+ ms\\) request-id=null body=\\{}");
    assertThat(captured.lines().get(2)).startsWith("retry 1 in 500 ms after 503");
    assertThat(captured.lines().get(3)).startsWith("--> GET " + url + " (listThings, attempt 2) ");
    assertThat(captured.lines().get(4))
        .matches("<-- 200 GET " + url + " \\(\\d+ ms\\) request-id=null");
  }

  @Test
  void a_connection_failure_is_logged() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    assertThatThrownBy(
            () ->
                transport(0)
                    .execute(
                        ApiRequest.builder("listThings", "GET", "/v1/things").build(),
                        RequestOptions.none(),
                        JsonNode.class))
        .isInstanceOf(KaiCallsIoException.class);

    assertThat(captured.lines())
        .anySatisfy(
            line ->
                assertThat(line).startsWith("<-- GET " + server.baseUrl() + "/v1/things failed: "));
  }
}
