package com.kaicalls.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.kaicalls.sdk.errors.ApiException;
import com.kaicalls.sdk.errors.InternalServerException;
import com.kaicalls.sdk.errors.KaiCallsIoException;
import com.kaicalls.sdk.errors.KaiCallsTimeoutException;
import com.kaicalls.sdk.models.CommunicationRun;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryTest {
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
  void a_create_that_gets_503_twice_then_201_succeeds_with_one_idempotency_key_across_attempts() {
    stubSequence("POST", "/v1/communication-runs", 503, 503, 201);

    CommunicationRun run = client.communicationRuns().create(Fixtures.createRunRequest());

    assertThat(run.id()).isEqualTo(Fixtures.RUN_ID);
    List<LoggedRequest> attempts =
        server.findAll(postRequestedFor(urlEqualTo("/v1/communication-runs")));
    assertThat(attempts).hasSize(3);
    assertThat(
            attempts.stream()
                .map(r -> r.getHeader("Idempotency-Key"))
                .distinct()
                .collect(Collectors.toList()))
        .containsExactly("generated-key-1");
  }

  @Test
  void each_retry_carries_its_number_in_the_retry_count_header() {
    stubSequence("POST", "/v1/communication-runs", 500, 502, 201);

    client.communicationRuns().create(Fixtures.createRunRequest());

    List<LoggedRequest> attempts =
        server.findAll(postRequestedFor(urlEqualTo("/v1/communication-runs")));
    assertThat(attempts.get(0).containsHeader("KaiCalls-Retry-Count")).isFalse();
    assertThat(attempts.get(1).getHeader("KaiCalls-Retry-Count")).isEqualTo("1");
    assertThat(attempts.get(2).getHeader("KaiCalls-Retry-Count")).isEqualTo("2");
  }

  @Test
  void a_connection_reset_after_the_server_read_the_request_is_retried_with_the_same_key() {
    server.stubFor(
        post(urlEqualTo("/v1/communication-runs"))
            .inScenario("reset")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
            .willSetStateTo("recovered"));
    server.stubFor(
        post(urlEqualTo("/v1/communication-runs"))
            .inScenario("reset")
            .whenScenarioStateIs("recovered")
            .willReturn(Fixtures.json(201, Fixtures.runJson())));

    CommunicationRun run = client.communicationRuns().create(Fixtures.createRunRequest());

    assertThat(run.id()).isEqualTo(Fixtures.RUN_ID);
    List<LoggedRequest> attempts =
        server.findAll(postRequestedFor(urlEqualTo("/v1/communication-runs")));
    assertThat(attempts)
        .extracting(r -> r.getHeader("Idempotency-Key"))
        .containsExactly("generated-key-1", "generated-key-1");
  }

  @Test
  void a_caller_supplied_idempotency_key_is_sent_on_every_attempt() {
    stubSequence("POST", "/v1/communication-runs", 503, 201);

    client
        .communicationRuns()
        .create(
            Fixtures.createRunRequest(),
            RequestOptions.builder().idempotencyKey("order-42-reminders").build());

    assertThat(server.findAll(postRequestedFor(urlEqualTo("/v1/communication-runs"))))
        .extracting(r -> r.getHeader("Idempotency-Key"))
        .containsExactly("order-42-reminders", "order-42-reminders");
  }

  @Test
  void each_logical_call_gets_its_own_generated_key() {
    server.stubFor(
        post(urlEqualTo("/v1/communication-runs"))
            .willReturn(Fixtures.json(201, Fixtures.runJson())));

    client.communicationRuns().create(Fixtures.createRunRequest());
    client.communicationRuns().create(Fixtures.createRunRequest());

    assertThat(server.findAll(postRequestedFor(urlEqualTo("/v1/communication-runs"))))
        .extracting(r -> r.getHeader("Idempotency-Key"))
        .containsExactly("generated-key-1", "generated-key-2");
  }

  @Test
  void a_429_with_retry_after_in_seconds_waits_that_long() {
    server.stubFor(
        get(urlEqualTo("/v1/communication-runs/" + Fixtures.RUN_ID))
            .inScenario("limited")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(
                Fixtures.error(429, "rate_limited", "rate_limited").withHeader("Retry-After", "7"))
            .willSetStateTo("ok"));
    server.stubFor(
        get(urlEqualTo("/v1/communication-runs/" + Fixtures.RUN_ID))
            .inScenario("limited")
            .whenScenarioStateIs("ok")
            .willReturn(Fixtures.json(200, Fixtures.runJson())));

    client.communicationRuns().retrieve(Fixtures.RUN_ID);

    assertThat(sleeper.delays()).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void a_retry_after_given_as_an_http_date_waits_until_that_date() {
    Instant now = Instant.parse("2026-11-28T12:00:00Z");
    String inTwelveSeconds =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            ZonedDateTime.ofInstant(now.plusSeconds(12), ZoneOffset.UTC));
    client =
        TestClients.against(server.baseUrl(), sleeper)
            .clock(java.time.Clock.fixed(now, ZoneOffset.UTC))
            .build();
    stubSequenceWithHeader("/v1/me", 503, "Retry-After", inTwelveSeconds);

    client.me().retrieve();

    assertThat(sleeper.delays()).containsExactly(Duration.ofSeconds(12));
  }

  @Test
  void a_huge_retry_after_is_capped_at_sixty_seconds() {
    stubSequenceWithHeader("/v1/me", 429, "Retry-After", "86400");

    client.me().retrieve();

    assertThat(sleeper.delays()).containsExactly(Duration.ofSeconds(60));
  }

  @Test
  void backoff_doubles_from_half_a_second_and_is_capped_at_eight_seconds() {
    server.stubFor(
        get(urlEqualTo("/v1/me")).willReturn(Fixtures.error(503, "api_error", "unavailable")));
    client = client.withOptions(o -> o.maxRetries(6));

    assertThatThrownBy(() -> client.me().retrieve()).isInstanceOf(InternalServerException.class);

    assertThat(sleeper.delays())
        .containsExactly(
            Duration.ofMillis(500),
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(8),
            Duration.ofSeconds(8));
  }

  @Test
  void jitter_shortens_a_delay_by_at_most_a_quarter() {
    server.stubFor(
        get(urlEqualTo("/v1/me")).willReturn(Fixtures.error(503, "api_error", "unavailable")));
    client =
        TestClients.against(server.baseUrl(), sleeper).jitter(() -> 0.999).maxRetries(1).build();

    assertThatThrownBy(() -> client.me().retrieve()).isInstanceOf(InternalServerException.class);

    assertThat(sleeper.delays())
        .singleElement()
        .satisfies(d -> assertThat(d.toMillis()).isBetween(375L, 500L));
  }

  @ParameterizedTest(name = "status {0} is not retried")
  @ValueSource(ints = {400, 401, 403, 404, 413, 422})
  void client_errors_are_not_retried(int status) {
    server.stubFor(
        post(urlEqualTo("/v1/communication-runs")).willReturn(Fixtures.error(status, "x", "x")));

    assertThatThrownBy(() -> client.communicationRuns().create(Fixtures.createRunRequest()))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.statusCode()).isEqualTo(status));

    server.verify(1, postRequestedFor(urlEqualTo("/v1/communication-runs")));
    assertThat(sleeper.delays()).isEmpty();
  }

  @ParameterizedTest(name = "status {0} is retried")
  @ValueSource(ints = {408, 429, 500, 502, 503, 504})
  void transient_statuses_are_retried(int status) {
    stubSequence("GET", "/v1/me", status, 200);

    client.me().retrieve();

    server.verify(2, getRequestedFor(urlEqualTo("/v1/me")));
  }

  @Test
  void exhausting_the_retries_rethrows_the_last_error_with_the_earlier_ones_suppressed() {
    stubSequence("GET", "/v1/me", 500, 502, 503);

    assertThatThrownBy(() -> client.me().retrieve())
        .isInstanceOfSatisfying(
            InternalServerException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(503);
              assertThat(e.getSuppressed())
                  .extracting(s -> ((ApiException) s).statusCode())
                  .containsExactly(500, 502);
            });
    server.verify(3, getRequestedFor(urlEqualTo("/v1/me")));
  }

  @Test
  void a_per_call_retry_budget_overrides_the_clients() {
    server.stubFor(
        get(urlEqualTo("/v1/me")).willReturn(Fixtures.error(503, "api_error", "unavailable")));

    assertThatThrownBy(() -> client.me().retrieve(RequestOptions.builder().maxRetries(0).build()))
        .isInstanceOf(InternalServerException.class);

    server.verify(1, getRequestedFor(urlEqualTo("/v1/me")));
  }

  @Test
  void a_post_without_an_idempotency_key_is_not_retried_after_a_read_timeout() {
    server.stubFor(
        post(urlEqualTo("/v1/api-keys"))
            .willReturn(Fixtures.json(201, "{}").withFixedDelay(2_000)));
    RequestOptions noKey =
        RequestOptions.builder().omitIdempotencyKey().timeout(Duration.ofMillis(150)).build();

    assertThatThrownBy(() -> client.apiKeys().create(Fixtures.createApiKeyRequest(), noKey))
        .isInstanceOf(KaiCallsTimeoutException.class);

    server.verify(1, postRequestedFor(urlEqualTo("/v1/api-keys")));
    assertThat(
            server
                .findAll(postRequestedFor(urlEqualTo("/v1/api-keys")))
                .get(0)
                .containsHeader("Idempotency-Key"))
        .isFalse();
  }

  @Test
  void a_post_without_an_idempotency_key_is_not_retried_after_a_server_error() {
    server.stubFor(
        post(urlEqualTo("/v1/api-keys"))
            .willReturn(Fixtures.error(500, "api_error", "internal_error")));
    RequestOptions noKey = RequestOptions.builder().omitIdempotencyKey().build();

    assertThatThrownBy(() -> client.apiKeys().create(Fixtures.createApiKeyRequest(), noKey))
        .isInstanceOf(InternalServerException.class);

    server.verify(1, postRequestedFor(urlEqualTo("/v1/api-keys")));
    assertThat(sleeper.delays()).isEmpty();
  }

  @Test
  void a_post_without_an_idempotency_key_is_retried_when_the_server_says_it_may_be() {
    server.stubFor(
        post(urlEqualTo("/v1/api-keys"))
            .willReturn(
                Fixtures.error(503, "api_error", "internal_error")
                    .withHeader("KaiCalls-Should-Retry", "true")));
    client = TestClients.against(server.baseUrl(), sleeper).maxRetries(1).build();
    RequestOptions noKey = RequestOptions.builder().omitIdempotencyKey().build();

    assertThatThrownBy(() -> client.apiKeys().create(Fixtures.createApiKeyRequest(), noKey))
        .isInstanceOf(ApiException.class);

    server.verify(2, postRequestedFor(urlEqualTo("/v1/api-keys")));
  }

  @Test
  void a_post_without_an_idempotency_key_is_not_retried_after_a_connection_reset() {
    server.stubFor(
        post(urlEqualTo("/v1/api-keys"))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    assertThatThrownBy(
            () ->
                client
                    .apiKeys()
                    .create(
                        Fixtures.createApiKeyRequest(),
                        RequestOptions.builder().omitIdempotencyKey().build()))
        .isInstanceOf(KaiCallsIoException.class);

    server.verify(1, postRequestedFor(urlEqualTo("/v1/api-keys")));
  }

  @Test
  void a_get_is_retried_after_a_connection_reset() {
    server.stubFor(
        get(urlEqualTo("/v1/me"))
            .inScenario("reset")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE))
            .willSetStateTo("ok"));
    server.stubFor(
        get(urlEqualTo("/v1/me"))
            .inScenario("reset")
            .whenScenarioStateIs("ok")
            .willReturn(Fixtures.json(200, Fixtures.meJson())));

    assertThat(client.me().retrieve().keyId()).isEqualTo("key_9yRbP2kWq7Hx");
    server.verify(2, getRequestedFor(urlEqualTo("/v1/me")));
  }

  @Test
  void a_connection_refused_is_retried_and_then_reported_as_an_io_failure() {
    KaiCallsClient unreachable =
        TestClients.against("http://127.0.0.1:" + Fixtures.closedPort(), sleeper).build();

    assertThatThrownBy(() -> unreachable.me().retrieve()).isInstanceOf(KaiCallsIoException.class);

    assertThat(sleeper.delays()).hasSize(2);
  }

  private static void stubSequence(String method, String url, int... statuses) {
    Fixtures.stubSequence(server, method, url, statuses);
  }

  private static void stubSequenceWithHeader(String url, int status, String header, String value) {
    server.stubFor(
        Fixtures.route("GET", url)
            .inScenario("header")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(Fixtures.error(status, "api_error", "wait").withHeader(header, value))
            .willSetStateTo("ok"));
    server.stubFor(
        Fixtures.route("GET", url)
            .inScenario("header")
            .whenScenarioStateIs("ok")
            .willReturn(Fixtures.json(200, Fixtures.meJson())));
  }
}
