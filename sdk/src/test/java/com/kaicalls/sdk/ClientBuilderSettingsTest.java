package com.kaicalls.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.kaicalls.sdk.errors.InternalServerException;
import com.kaicalls.webhooks.WebhookSigner;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The client builder's settings: defaults, limits, the environment, and what a copy keeps. */
class ClientBuilderSettingsTest {
  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  private static final String KEY = "kc_test_builderKey";
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

  @Test
  void the_http_client_has_the_documented_default_timeouts_and_never_retries_by_itself() {
    OkHttpClient http = KaiCallsClient.builder().httpClient();

    assertThat(http.connectTimeoutMillis()).isEqualTo(10_000);
    assertThat(http.readTimeoutMillis()).isEqualTo(60_000);
    assertThat(http.writeTimeoutMillis()).isEqualTo(60_000);
    assertThat(http.callTimeoutMillis()).isEqualTo(120_000);
    assertThat(http.retryOnConnectionFailure()).isFalse();
  }

  @Test
  void the_timeouts_set_on_the_builder_reach_the_http_client() {
    OkHttpClient http =
        KaiCallsClient.builder()
            .connectTimeout(Duration.ofMillis(1_001))
            .readTimeout(Duration.ofMillis(1_002))
            .writeTimeout(Duration.ofMillis(1_003))
            .callTimeout(Duration.ofMillis(1_004))
            .httpClient();

    assertThat(http.connectTimeoutMillis()).isEqualTo(1_001);
    assertThat(http.readTimeoutMillis()).isEqualTo(1_002);
    assertThat(http.writeTimeoutMillis()).isEqualTo(1_003);
    assertThat(http.callTimeoutMillis()).isEqualTo(1_004);
  }

  @Test
  void a_caller_client_that_retries_by_itself_is_copied_with_that_switched_off() {
    OkHttpClient yours = new OkHttpClient.Builder().retryOnConnectionFailure(true).build();

    OkHttpClient http = KaiCallsClient.builder().okHttpClient(yours).httpClient();

    assertThat(http.retryOnConnectionFailure()).isFalse();
    assertThat(http.connectionPool()).isSameAs(yours.connectionPool());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"connectTimeout", "readTimeout", "writeTimeout", "callTimeout"})
  void a_zero_timeout_is_refused_naming_the_setting(String setting) {
    KaiCallsClient.Builder b = KaiCallsClient.builder();
    Map<String, Consumer<Duration>> setters =
        Map.of(
            "connectTimeout",
            b::connectTimeout,
            "readTimeout",
            b::readTimeout,
            "writeTimeout",
            b::writeTimeout,
            "callTimeout",
            b::callTimeout);

    assertThatThrownBy(() -> setters.get(setting).accept(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(setting + " must be positive");
  }

  @Test
  void a_negative_timeout_is_refused() {
    assertThatThrownBy(() -> KaiCallsClient.builder().readTimeout(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void negative_retries_are_refused_and_zero_is_accepted() {
    assertThatThrownBy(() -> KaiCallsClient.builder().maxRetries(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxRetries must not be negative");
    assertThat(KaiCallsClient.builder().apiKey(KEY).maxRetries(0).build()).isNotNull();
  }

  @ParameterizedTest(name = "key with U+{0}")
  @ValueSource(ints = {0x20, 0x7F, 0xE9})
  void a_key_with_a_space_a_control_or_a_non_ascii_character_is_refused(int character) {
    String key = "kc_test_" + (char) character + "x";

    assertThatThrownBy(() -> KaiCallsClient.builder().apiKey(key).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("The KaiCalls API key contains whitespace or non-ASCII characters");
  }

  @Test
  void a_key_of_the_visible_ascii_extremes_is_accepted() {
    assertThat(KaiCallsClient.builder().apiKey("kc_test_!~").build()).isNotNull();
  }

  @Test
  void blank_environment_values_keep_the_defaults_and_others_are_trimmed() {
    Map<String, String> env =
        Map.of("KAICALLS_API_KEY", KEY, "KAICALLS_BASE_URL", " ", "KAICALLS_WEBHOOK_SECRET", " ");

    KaiCallsClient.Builder b = KaiCallsClient.builder().fromEnv(env::get);

    assertThat(b.parsedBaseUrl().toString()).isEqualTo(KaiCallsClient.DEFAULT_BASE_URL + "/");
    assertThat(catchThrowable(() -> b.build().webhooks().verify(new byte[0], Map.of())))
        .hasMessageStartingWith("No webhook secret");
  }

  @Test
  void environment_values_with_spaces_around_them_are_trimmed() {
    Map<String, String> env =
        Map.of("KAICALLS_API_KEY", KEY, "KAICALLS_BASE_URL", " http://127.0.0.1:9/ ");

    KaiCallsClient.Builder b = KaiCallsClient.builder().fromEnv(env::get);

    assertThat(b.parsedBaseUrl().toString()).isEqualTo("http://127.0.0.1:9/");
  }

  @Test
  void an_absent_environment_key_keeps_the_key_set_before() {
    KaiCallsClient.Builder b = KaiCallsClient.builder().apiKey(KEY).fromEnv(name -> null);

    assertThat(b.build()).isNotNull();
  }

  @Test
  void with_options_keeps_the_webhook_secret_and_the_clock() {
    long signedAt = 1_000_000_000L;
    Clock clock = Clock.fixed(Instant.ofEpochSecond(signedAt), ZoneOffset.UTC);
    KaiCallsClient client =
        KaiCallsClient.builder().apiKey(KEY).webhookSecret(SECRET).clock(clock).build();
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    Map<String, String> signed = WebhookSigner.of(SECRET).headers("msg_1", signedAt, body);
    Map<String, List<String>> asLists = new java.util.HashMap<>();
    signed.forEach((name, value) -> asLists.put(name, List.of(value)));

    KaiCallsClient copy = client.withOptions(b -> {});

    Throwable failure = catchThrowable(() -> copy.webhooks().verify(body, asLists));

    assertThat(failure)
        .as("a copy without the secret or the clock would refuse the webhook")
        .isNull();
  }

  @Test
  void with_options_keeps_the_key_sleeper_jitter_and_retry_budget() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503).withBody("{}")));
    RecordingSleeper sleeper = new RecordingSleeper();
    KaiCallsClient client =
        KaiCallsClient.builder()
            .apiKey(KEY)
            .baseUrl(server.baseUrl())
            .maxRetries(1)
            .sleeper(sleeper)
            .jitter(() -> 0.0)
            .build();

    KaiCallsClient copy = client.withOptions(b -> {});
    Throwable failure = catchThrowable(() -> copy.me().retrieve());

    assertThat(failure).isInstanceOf(InternalServerException.class);
    assertThat(sleeper.delays()).containsExactly(Duration.ofMillis(500));
    assertThat(server.findAll(anyRequestedFor(anyUrl())))
        .hasSize(2)
        .allSatisfy(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + KEY));
  }
}
