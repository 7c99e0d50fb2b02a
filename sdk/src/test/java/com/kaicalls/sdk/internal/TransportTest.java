package com.kaicalls.sdk.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.kaicalls.sdk.RawResponse;
import com.kaicalls.sdk.RequestOptions;
import com.kaicalls.sdk.Sleeper;
import com.kaicalls.sdk.errors.KaiCallsException;
import com.kaicalls.sdk.errors.KaiCallsIoException;
import com.kaicalls.sdk.errors.KaiCallsTimeoutException;
import com.kaicalls.sdk.errors.ResponseParseException;
import com.kaicalls.sdk.errors.UnexpectedStatusException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The transport on its own, against a local stub: URLs, bodies, headers, success statuses, parsing,
 * timeouts and interruption. Responses are raw JSON read as {@link JsonNode}, so no generated model
 * is involved.
 */
class TransportTest {
  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  private static final OkHttpClient HTTP =
      new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  private static Transport transport(String baseUrl, int maxRetries, Sleeper sleeper) {
    return new Transport(
        HTTP,
        HttpUrl.get(baseUrl),
        "kc_test_transportKey",
        null,
        maxRetries,
        CLOCK,
        sleeper,
        () -> "generated-key",
        () -> 0.0,
        "kaicalls-java/test",
        Json.newMapper());
  }

  private static Transport transport() {
    return transport(server.baseUrl(), 0, d -> {});
  }

  private static void stub(int status, String body) {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status).withBody(body)));
  }

  private static LoggedRequest onlyRequest() {
    List<LoggedRequest> requests = server.findAll(anyRequestedFor(anyUrl()));
    assertThat(requests).hasSize(1);
    return requests.get(0);
  }

  @Test
  void a_base_url_with_a_path_and_a_trailing_slash_prefixes_every_route_once() {
    stub(200, "{}");

    transport(server.baseUrl() + "/prefix/", 0, d -> {})
        .execute(
            ApiRequest.builder("getThing", "GET", "/v1/things").build(),
            RequestOptions.none(),
            JsonNode.class);

    assertThat(onlyRequest().getUrl()).isEqualTo("/prefix/v1/things");
  }

  @Test
  void path_parameters_are_percent_encoded_and_list_query_values_repeat_the_name() {
    stub(200, "{}");
    ApiRequest request =
        ApiRequest.builder("getThing", "GET", "/v1/things/{id}")
            .pathParam("id", "a b/c")
            .query("type", List.of("x.y", "z"))
            .query("limit", 2)
            .query("cursor", null)
            .query("since", OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(2)))
            .build();

    transport().execute(request, RequestOptions.none(), JsonNode.class);

    assertThat(onlyRequest().getUrl())
        .isEqualTo(
            "/v1/things/a%20b%2Fc?type=x.y&type=z&limit=2&since=2026-01-02T03%3A04%3A05%2B02%3A00");
  }

  @Test
  void a_post_without_a_body_sends_an_empty_body_with_an_idempotency_key_and_no_retry_count() {
    stub(200, "{}");

    transport()
        .execute(
            ApiRequest.builder("pauseRun", "POST", "/v1/runs/r/pause").build(),
            RequestOptions.none(),
            JsonNode.class);

    LoggedRequest request = onlyRequest();
    assertThat(request.getBodyAsString()).isEmpty();
    assertThat(request.getHeader("Idempotency-Key")).isEqualTo("generated-key");
    assertThat(request.containsHeader("KaiCalls-Retry-Count")).isFalse();
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer kc_test_transportKey");
    assertThat(request.getHeader("User-Agent")).isEqualTo("kaicalls-java/test");
    assertThat(request.getHeader("Accept")).isEqualTo("application/json");
  }

  @Test
  void a_post_with_a_body_sends_it_as_json() {
    stub(200, "{}");

    transport()
        .execute(
            ApiRequest.builder("createThing", "POST", "/v1/things")
                .body(Map.of("name", "n"))
                .build(),
            RequestOptions.none(),
            JsonNode.class);

    LoggedRequest request = onlyRequest();
    assertThat(request.getBodyAsString()).isEqualTo("{\"name\":\"n\"}");
    assertThat(request.getHeader("Content-Type"))
        .isEqualToIgnoringCase("application/json; charset=utf-8");
  }

  @Test
  void a_patch_gets_no_idempotency_key() {
    stub(200, "{}");

    transport()
        .execute(
            ApiRequest.builder("updateThing", "PATCH", "/v1/things/t")
                .body(Map.of("name", "n"))
                .build(),
            RequestOptions.none(),
            JsonNode.class);

    assertThat(onlyRequest().containsHeader("Idempotency-Key")).isFalse();
  }

  @Test
  void a_delete_sends_no_body() {
    stub(200, "{}");

    transport()
        .execute(
            ApiRequest.builder("deleteThing", "DELETE", "/v1/things/t").build(),
            RequestOptions.none(),
            JsonNode.class);

    server.verify(anyRequestedFor(anyUrl()).withHeader("Content-Length", absent()));
  }

  @Test
  void any_2xx_status_is_a_success_and_keeps_its_status() {
    stub(299, "{\"ok\":true}");

    RawResponse<JsonNode> response =
        transport()
            .execute(
                ApiRequest.builder("getThing", "GET", "/v1/things").build(),
                RequestOptions.none(),
                JsonNode.class);

    assertThat(response.statusCode()).isEqualTo(299);
    assertThat(response.body().get("ok").asBoolean()).isTrue();
  }

  @Test
  void a_300_status_is_an_unexpected_status_error() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(300)));

    UnexpectedStatusException failure =
        catchThrowableOfType(
            UnexpectedStatusException.class,
            () ->
                transport()
                    .execute(
                        ApiRequest.builder("getThing", "GET", "/v1/things").build(),
                        RequestOptions.none(),
                        JsonNode.class));

    assertThat(failure.statusCode()).isEqualTo(300);
  }

  @Test
  void a_json_null_body_is_a_parse_error_naming_the_status_type_and_request_id() {
    server.stubFor(
        any(anyUrl())
            .willReturn(
                aResponse().withStatus(200).withHeader("Request-Id", "req_9").withBody("null")));

    ResponseParseException failure =
        catchThrowableOfType(
            ResponseParseException.class,
            () ->
                transport()
                    .execute(
                        ApiRequest.builder("getThing", "GET", "/v1/things").build(),
                        RequestOptions.none(),
                        Map.class));

    assertThat(failure.getMessage())
        .isEqualTo(
            "Could not read the 200 response body as Map (request req_9): the body was empty or null");
    assertThat(failure.statusCode()).isEqualTo(200);
    assertThat(failure.requestId()).isEqualTo("req_9");
  }

  @Test
  void a_body_jackson_cannot_write_fails_before_any_request_naming_the_operation() {
    KaiCallsException failure =
        catchThrowableOfType(
            KaiCallsException.class,
            () ->
                transport()
                    .execute(
                        ApiRequest.builder("createThing", "POST", "/v1/things")
                            .body(new Object())
                            .build(),
                        RequestOptions.none(),
                        JsonNode.class));

    assertThat(failure.getMessage()).isEqualTo("Could not serialise the createThing request body");
    assertThat(server.findAll(anyRequestedFor(anyUrl()))).isEmpty();
  }

  @Test
  void a_per_call_timeout_ends_a_slow_attempt_as_a_timeout_naming_the_request() {
    server.stubFor(
        any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}").withFixedDelay(2_000)));

    KaiCallsTimeoutException failure =
        catchThrowableOfType(
            KaiCallsTimeoutException.class,
            () ->
                transport()
                    .execute(
                        ApiRequest.builder("getThing", "GET", "/v1/things").build(),
                        RequestOptions.builder().timeout(Duration.ofMillis(200)).build(),
                        JsonNode.class));

    assertThat(failure.getMessage()).isEqualTo("GET /v1/things timed out");
  }

  @Test
  void a_connection_reset_is_an_io_failure_naming_the_request() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    KaiCallsIoException failure =
        catchThrowableOfType(
            KaiCallsIoException.class,
            () ->
                transport()
                    .execute(
                        ApiRequest.builder("getThing", "GET", "/v1/things").build(),
                        RequestOptions.none(),
                        JsonNode.class));

    assertThat(failure).isNotInstanceOf(KaiCallsTimeoutException.class);
    assertThat(failure.getMessage()).startsWith("GET /v1/things failed: ");
  }

  @Test
  void
      an_interrupt_while_waiting_to_retry_stops_with_the_failures_so_far_and_keeps_the_interrupt() {
    stub(503, "{}");
    Transport transport =
        transport(
            server.baseUrl(),
            3,
            d -> {
              throw new InterruptedException();
            });

    KaiCallsException failure =
        catchThrowableOfType(
            KaiCallsException.class,
            () ->
                transport.execute(
                    ApiRequest.builder("getThing", "GET", "/v1/things").build(),
                    RequestOptions.none(),
                    JsonNode.class));

    try {
      assertThat(failure.getMessage()).isEqualTo("Interrupted while waiting to retry");
      assertThat(failure.getSuppressed()).hasSize(1);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
      assertThat(server.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void bytes_are_read_whole() {
    stub(200, "RIFF");

    RawResponse<byte[]> response =
        transport()
            .executeBytes(
                ApiRequest.builder("content", "GET", "/v1/recordings/r/content").build(),
                RequestOptions.none());

    assertThat(new String(response.body(), StandardCharsets.US_ASCII)).isEqualTo("RIFF");
  }

  @Test
  void a_stream_stays_open_for_the_caller_to_read_and_close() throws Exception {
    stub(200, "RIFF");

    RawResponse<InputStream> response =
        transport()
            .executeStream(
                ApiRequest.builder("content", "GET", "/v1/recordings/r/content").build(),
                RequestOptions.none());

    try (InputStream in = response.body()) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("RIFF");
    }
  }

  @Test
  void a_caller_supplied_header_is_sent() {
    stub(200, "{}");

    transport()
        .execute(
            ApiRequest.builder("getThing", "GET", "/v1/things").build(),
            RequestOptions.builder().header("X-Trace", "t1").build(),
            JsonNode.class);

    server.verify(anyRequestedFor(anyUrl()).withHeader("X-Trace", equalTo("t1")));
  }

  @Test
  void connection_failures_are_retried_with_doubling_delays_counted_from_the_first_retry() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    List<Duration> delays = new java.util.ArrayList<>();

    KaiCallsIoException failure =
        catchThrowableOfType(
            KaiCallsIoException.class,
            () ->
                transport(server.baseUrl(), 2, delays::add)
                    .execute(
                        ApiRequest.builder("getThing", "GET", "/v1/things").build(),
                        RequestOptions.none(),
                        JsonNode.class));

    assertThat(delays).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1_000));
    assertThat(failure.getSuppressed()).hasSize(2);
  }

  @Test
  void the_transport_exposes_the_mapper_it_reads_bodies_with() {
    com.fasterxml.jackson.databind.ObjectMapper mapper = Json.newMapper();
    Transport transport =
        new Transport(
            HTTP,
            HttpUrl.get(server.baseUrl()),
            "k",
            null,
            0,
            CLOCK,
            d -> {},
            () -> "g",
            () -> 0.0,
            "ua",
            mapper);

    assertThat(transport.json()).isSameAs(mapper);
  }
}
