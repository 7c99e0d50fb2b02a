package com.kaicalls.sdk.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.kaicalls.sdk.RequestOptions;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With debug logging on, the transport logs each attempt, each response, each failure and each retry. */
class TransportLoggingTest {
  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  private final Logger sdkLogger = Logger.getLogger("com.kaicalls.sdk");
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Handler capture =
      new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
          lines.add(formatter.formatMessage(record));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void captureLogs() {
    sdkLogger.addHandler(capture);
    sdkLogger.setLevel(Level.ALL);
    System.setProperty("kaicalls.log", "debug");
  }

  @AfterEach
  void stopCapturing() {
    sdkLogger.removeHandler(capture);
    sdkLogger.setLevel(null);
    System.clearProperty("kaicalls.log");
  }

  private static Transport transport(int maxRetries) {
    return new Transport(
        new OkHttpClient.Builder().retryOnConnectionFailure(false).build(), HttpUrl.get(server.baseUrl()),
        "kc_test_loggingKey", maxRetries, Clock.systemUTC(), d -> {}, () -> "generated-key", () -> 0.0, "ua",
        Json.newMapper());
  }

  @Test
  void a_call_retried_after_a_503_logs_both_attempts_the_error_the_retry_and_the_success() {
    server.stubFor(any(anyUrl()).inScenario("s").whenScenarioStateIs(STARTED).willSetStateTo("ok")
        .willReturn(aResponse().withStatus(503).withBody("{}")));
    server.stubFor(any(anyUrl()).inScenario("s").whenScenarioStateIs("ok")
        .willReturn(aResponse().withStatus(200).withBody("{}")));
    String url = server.baseUrl() + "/v1/things";

    transport(1).execute(ApiRequest.builder("listThings", "GET", "/v1/things").build(), RequestOptions.none(),
        JsonNode.class);

    assertThat(lines).hasSize(5);
    assertThat(lines.get(0)).startsWith("--> GET " + url + " (listThings, attempt 1) ");
    assertThat(lines.get(1)).matches("<-- 503 GET " + url + " \\(\\d+ ms\\) request-id=null body=\\{}");
    assertThat(lines.get(2)).startsWith("retry 1 in 500 ms after 503");
    assertThat(lines.get(3)).startsWith("--> GET " + url + " (listThings, attempt 2) ");
    assertThat(lines.get(4)).matches("<-- 200 GET " + url + " \\(\\d+ ms\\) request-id=null");
  }

  @Test
  void a_connection_failure_is_logged() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    catchThrowable(() -> transport(0).execute(ApiRequest.builder("listThings", "GET", "/v1/things").build(),
        RequestOptions.none(), JsonNode.class));

    assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("<-- GET " + server.baseUrl() + "/v1/things failed: "));
  }
}
