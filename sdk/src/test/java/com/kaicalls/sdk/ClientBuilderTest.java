package com.kaicalls.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.Map;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClientBuilderTest {
  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  @ParameterizedTest(name = "api key [{0}] is refused")
  @NullSource
  @ValueSource(strings = {"", "   "})
  void a_missing_or_blank_api_key_fails_fast_with_a_clear_message(String key) {
    assertThatThrownBy(() -> KaiCallsClient.builder().apiKey(key).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("KAICALLS_API_KEY");
  }

  @Test
  void from_env_reads_the_key_base_url_and_webhook_secret() {
    Map<String, String> env =
        Map.of(
            "KAICALLS_API_KEY", "kc_test_fromEnv",
            "KAICALLS_BASE_URL", server.baseUrl(),
            "KAICALLS_WEBHOOK_SECRET", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    server.stubFor(
        Fixtures.route("GET", "/v1/me").willReturn(Fixtures.json(200, Fixtures.meJson())));

    KaiCallsClient client = KaiCallsClient.builder().fromEnv(env::get).build();
    client.me().retrieve();

    server.verify(
        getRequestedFor(urlPathEqualTo("/v1/me"))
            .withHeader("Authorization", equalTo("Bearer kc_test_fromEnv")));
  }

  @Test
  void from_env_without_a_key_fails_fast() {
    assertThatThrownBy(() -> KaiCallsClient.builder().fromEnv(name -> null).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("KAICALLS_API_KEY");
  }

  @Test
  void a_base_url_that_is_not_http_is_refused() {
    assertThatThrownBy(
            () -> KaiCallsClient.builder().apiKey("kc_test_x").baseUrl("ftp://example").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("baseUrl");
  }

  @Test
  void every_request_carries_the_user_agent_and_bearer_key() {
    server.stubFor(
        Fixtures.route("GET", "/v1/me").willReturn(Fixtures.json(200, Fixtures.meJson())));

    TestClients.against(server.baseUrl(), new RecordingSleeper()).build().me().retrieve();

    server.verify(
        getRequestedFor(urlPathEqualTo("/v1/me"))
            .withHeader("User-Agent", matching("kaicalls-java/[0-9A-Za-z.\\-]+ java/[0-9].*"))
            .withHeader("Authorization", equalTo("Bearer " + TestClients.API_KEY)));
  }

  @Test
  void with_options_returns_a_copy_with_new_settings_that_keeps_the_original_unchanged() {
    server.stubFor(
        Fixtures.route("GET", "/v1/me").willReturn(Fixtures.json(200, Fixtures.meJson())));
    KaiCallsClient original = TestClients.against(server.baseUrl(), new RecordingSleeper()).build();

    KaiCallsClient other = original.withOptions(o -> o.apiKey("kc_test_otherWorkspace"));
    other.me().retrieve();
    original.me().retrieve();

    server.verify(
        1,
        getRequestedFor(urlPathEqualTo("/v1/me"))
            .withHeader("Authorization", equalTo("Bearer kc_test_otherWorkspace")));
    server.verify(
        1,
        getRequestedFor(urlPathEqualTo("/v1/me"))
            .withHeader("Authorization", equalTo("Bearer " + TestClients.API_KEY)));
  }

  @Test
  void a_caller_supplied_okhttp_client_keeps_its_connection_pool() {
    ConnectionPool pool = new ConnectionPool();
    OkHttpClient mine = new OkHttpClient.Builder().connectionPool(pool).build();
    server.stubFor(
        Fixtures.route("GET", "/v1/me").willReturn(Fixtures.json(200, Fixtures.meJson())));

    KaiCallsClient client =
        TestClients.against(server.baseUrl(), new RecordingSleeper()).okHttpClient(mine).build();
    client.me().retrieve();
    client.withOptions(o -> o.maxRetries(0)).me().retrieve();

    assertThat(pool.connectionCount()).isEqualTo(1);
  }

  @Test
  void extra_headers_from_request_options_are_sent() {
    server.stubFor(
        Fixtures.route("GET", "/v1/me").willReturn(Fixtures.json(200, Fixtures.meJson())));

    TestClients.against(server.baseUrl(), new RecordingSleeper())
        .build()
        .me()
        .retrieve(RequestOptions.builder().header("X-Partner", "acme").build());

    server.verify(
        getRequestedFor(urlPathEqualTo("/v1/me")).withHeader("X-Partner", equalTo("acme")));
  }

  @Test
  void request_options_refuse_an_authorization_header() {
    assertThatThrownBy(() -> RequestOptions.builder().header("authorization", "Bearer x"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
