package com.kaicalls.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.kaicalls.sdk.errors.ApiException;
import com.kaicalls.sdk.errors.AuthenticationException;
import com.kaicalls.sdk.errors.BadRequestException;
import com.kaicalls.sdk.errors.ConflictException;
import com.kaicalls.sdk.errors.IdempotencyKeyReusedException;
import com.kaicalls.sdk.errors.InternalServerException;
import com.kaicalls.sdk.errors.NotFoundException;
import com.kaicalls.sdk.errors.PayloadTooLargeException;
import com.kaicalls.sdk.errors.PermissionDeniedException;
import com.kaicalls.sdk.errors.RateLimitException;
import com.kaicalls.sdk.errors.ResponseParseException;
import com.kaicalls.sdk.errors.UnexpectedStatusException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ErrorMappingTest {
  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  private KaiCallsClient client;

  @BeforeEach
  void setUp() {
    client = TestClients.against(server.baseUrl(), new RecordingSleeper()).maxRetries(0).build();
  }

  static Stream<Arguments> statuses() {
    return Stream.of(
        Arguments.of(400, "invalid_request", BadRequestException.class),
        Arguments.of(401, "authentication_error", AuthenticationException.class),
        Arguments.of(403, "permission_error", PermissionDeniedException.class),
        Arguments.of(404, "not_found", NotFoundException.class),
        Arguments.of(405, "invalid_request", UnexpectedStatusException.class),
        Arguments.of(409, "conflict", ConflictException.class),
        Arguments.of(413, "payload_too_large", PayloadTooLargeException.class),
        Arguments.of(422, "idempotency_key_reused", IdempotencyKeyReusedException.class),
        Arguments.of(429, "rate_limited", RateLimitException.class),
        Arguments.of(500, "api_error", InternalServerException.class),
        Arguments.of(503, "api_error", InternalServerException.class));
  }

  @ParameterizedTest(name = "{0} maps to {2}")
  @MethodSource("statuses")
  void each_error_status_maps_to_its_exception_with_the_request_id_and_code_in_the_message(
      int status, String type, Class<? extends ApiException> expected) {
    server.stubFor(
        Fixtures.route("GET", "/v1/me")
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Request-Id", "req_abc123")
                    .withBody(
                        "{\"error\":{\"type\":\""
                            + type
                            + "\",\"code\":\"some_code\",\"message\":\"Nope.\","
                            + "\"param\":\"limit\",\"request_id\":\"req_abc123\"}}")));

    assertThatThrownBy(() -> client.me().retrieve())
        .isExactlyInstanceOf(expected)
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(status);
              assertThat(e.type()).isEqualTo(type);
              assertThat(e.code()).isEqualTo("some_code");
              assertThat(e.param()).isEqualTo("limit");
              assertThat(e.requestId()).isEqualTo("req_abc123");
              assertThat(e.getMessage())
                  .contains("req_abc123")
                  .contains("some_code")
                  .contains("Nope.");
            });
  }

  @Test
  void a_rate_limit_exception_exposes_the_retry_after() {
    server.stubFor(
        Fixtures.route("GET", "/v1/me")
            .willReturn(
                Fixtures.error(429, "rate_limited", "rate_limited")
                    .withHeader("Retry-After", "3")));

    assertThatThrownBy(() -> client.me().retrieve())
        .isInstanceOfSatisfying(
            RateLimitException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(3)));
  }

  @Test
  void an_error_without_an_envelope_keeps_the_raw_body_and_status() {
    server.stubFor(
        Fixtures.route("GET", "/v1/me")
            .willReturn(aResponse().withStatus(502).withBody("<html>Bad gateway</html>")));

    assertThatThrownBy(() -> client.me().retrieve())
        .isInstanceOfSatisfying(
            InternalServerException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(502);
              assertThat(e.type()).isNull();
              assertThat(e.body()).isEqualTo("<html>Bad gateway</html>");
              assertThat(e.getMessage()).contains("502").contains("Bad gateway");
            });
  }

  @Test
  void malformed_json_in_a_200_body_raises_a_clear_sdk_exception_not_a_jackson_one() {
    server.stubFor(
        Fixtures.route("GET", "/v1/me")
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Request-Id", "req_bad")
                    .withBody("{\"object\":\"me\",")));

    assertThatThrownBy(() -> client.me().retrieve())
        .isExactlyInstanceOf(ResponseParseException.class)
        .hasMessageContaining("Me")
        .hasMessageContaining("req_bad")
        .isInstanceOfSatisfying(
            ResponseParseException.class, e -> assertThat(e.statusCode()).isEqualTo(200));
  }

  @Test
  void an_empty_200_body_raises_a_parse_exception() {
    server.stubFor(Fixtures.route("GET", "/v1/me").willReturn(aResponse().withStatus(200)));

    assertThatThrownBy(() -> client.me().retrieve())
        .isExactlyInstanceOf(ResponseParseException.class);
  }

  @Test
  void unknown_fields_and_enum_values_in_a_response_are_tolerated() {
    server.stubFor(
        Fixtures.route("GET", "/v1/me")
            .willReturn(
                Fixtures.json(
                    200,
                    "{\"object\":\"me\",\"key_id\":\"key_1\",\"workspace_id\":\"ws_1\",\"workspace_name\":\"W\",\"workspace_kind\":\"standalone\",\"acting_workspace_id\":null,"
                        + "\"scopes\":[\"runs:read\",\"teleport:write\"],\"livemode\":false,\"brand_new\":1}")));

    assertThat(client.me().retrieve().scopes()).hasSize(2);
  }

  @Test
  void an_async_call_fails_its_future_with_the_same_exception_class_as_the_blocking_call() {
    server.stubFor(
        Fixtures.route("GET", "/v1/me")
            .willReturn(Fixtures.error(404, "invalid_request", "not_found")));

    assertThatThrownBy(() -> client.async().me().retrieve().get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isExactlyInstanceOf(NotFoundException.class)
        .hasMessageContaining("not_found");
  }

  @Test
  void an_async_call_whose_200_body_is_not_json_fails_its_future_with_a_parse_exception() {
    server.stubFor(
        Fixtures.route("GET", "/v1/me")
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Request-Id", "req_bad")
                    .withBody("{\"object\":\"me\",")));

    assertThatThrownBy(() -> client.async().me().retrieve().get(5, TimeUnit.SECONDS))
        .cause()
        .isExactlyInstanceOf(ResponseParseException.class)
        .hasMessageContaining("req_bad");
  }
}
