package com.kaicalls.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.kaicalls.sdk.errors.BadRequestException;
import com.kaicalls.sdk.errors.InternalServerException;
import com.kaicalls.sdk.errors.KaiCallsIoException;
import com.kaicalls.sdk.models.CommunicationRun;
import com.kaicalls.sdk.models.Me;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The async client retries as the blocking one does, waiting on a scheduler instead of a sleeping
 * thread.
 */
class AsyncRetryTest {
  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  private final RecordingSleeper sleeper = new RecordingSleeper();
  private final ManualScheduler scheduler = new ManualScheduler();
  private final ExecutorService callbacks =
      Executors.newSingleThreadExecutor(task -> new Thread(task, "test-callbacks"));
  private KaiCallsClientAsync async;

  @BeforeEach
  void setUp() {
    async =
        TestClients.against(server.baseUrl(), sleeper)
            .retryScheduler(scheduler)
            .callbackExecutor(callbacks)
            .build()
            .async();
  }

  @AfterEach
  void tearDown() {
    callbacks.shutdownNow();
  }

  @Test
  void a_create_that_gets_503_twice_then_201_succeeds_with_one_idempotency_key_across_attempts()
      throws Exception {
    Fixtures.stubSequence(server, "POST", "/v1/communication-runs", 503, 503, 201);

    CompletableFuture<CommunicationRun> run =
        async.communicationRuns().create(Fixtures.createRunRequest());
    scheduler.runNext();
    scheduler.runNext();

    assertThat(run.get(5, TimeUnit.SECONDS).id()).isEqualTo(Fixtures.RUN_ID);
    List<LoggedRequest> attempts =
        server.findAll(postRequestedFor(urlEqualTo("/v1/communication-runs")));
    assertThat(attempts).hasSize(3);
    assertThat(
            attempts.stream()
                .map(r -> r.getHeader("Idempotency-Key"))
                .distinct()
                .collect(Collectors.toList()))
        .containsExactly("generated-key-1");
    assertThat(attempts.get(2).getHeader("KaiCalls-Retry-Count")).isEqualTo("2");
  }

  @Test
  void the_backoff_is_scheduled_with_the_blocking_clients_delays_and_no_thread_sleeps()
      throws Exception {
    Fixtures.stubSequence(server, "GET", "/v1/me", 500, 502, 200);

    CompletableFuture<Me> me = async.me().retrieve();
    scheduler.runNext();
    scheduler.runNext();
    me.get(5, TimeUnit.SECONDS);

    assertThat(scheduler.delays()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
    assertThat(sleeper.delays()).isEmpty();
  }

  @Test
  void a_429_with_retry_after_in_seconds_is_scheduled_that_far_ahead() throws Exception {
    server.stubFor(
        Fixtures.route("GET", "/v1/me")
            .inScenario("rate")
            .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
            .willReturn(
                Fixtures.error(429, "rate_limited", "rate_limited").withHeader("Retry-After", "7"))
            .willSetStateTo("ok"));
    server.stubFor(
        Fixtures.route("GET", "/v1/me")
            .inScenario("rate")
            .whenScenarioStateIs("ok")
            .willReturn(Fixtures.json(200, Fixtures.meJson())));

    CompletableFuture<Me> me = async.me().retrieve();
    Duration waited = scheduler.runNext();

    assertThat(me.get(5, TimeUnit.SECONDS).workspaceId()).isEqualTo("ws_3Hk9PqT2vXa1");
    assertThat(waited).isEqualTo(Duration.ofSeconds(7));
    server.verify(2, getRequestedFor(urlEqualTo("/v1/me")));
  }

  @Test
  void a_create_sent_without_an_idempotency_key_fails_on_a_server_error_without_a_retry()
      throws Exception {
    Fixtures.stubSequence(server, "POST", "/v1/communication-runs", 500, 201);

    CompletableFuture<CommunicationRun> run =
        async
            .communicationRuns()
            .create(
                Fixtures.createRunRequest(), RequestOptions.builder().omitIdempotencyKey().build());

    assertThatThrownBy(() -> run.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(InternalServerException.class);
    assertThat(scheduler.scheduled()).isEmpty();
    server.verify(1, postRequestedFor(urlEqualTo("/v1/communication-runs")));
  }

  @Test
  void exhausting_the_retries_fails_the_future_with_the_last_error_and_the_earlier_ones_suppressed()
      throws Exception {
    Fixtures.stubSequence(server, "GET", "/v1/me", 500, 502, 503);

    CompletableFuture<Me> me = async.me().retrieve();
    scheduler.runNext();
    scheduler.runNext();

    assertThatThrownBy(() -> me.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(InternalServerException.class)
        .satisfies(e -> assertThat(((InternalServerException) e).statusCode()).isEqualTo(503))
        .satisfies(e -> assertThat(e.getSuppressed()).hasSize(2));
    assertThat(scheduler.scheduled()).hasSize(2);
  }

  @Test
  void a_client_error_fails_the_future_at_once_with_nothing_scheduled() throws Exception {
    Fixtures.stubSequence(server, "GET", "/v1/me", 400);

    CompletableFuture<Me> me = async.me().retrieve();

    assertThatThrownBy(() -> me.get(5, TimeUnit.SECONDS))
        .cause()
        .isInstanceOf(BadRequestException.class);
    assertThat(scheduler.scheduled()).isEmpty();
    server.verify(1, getRequestedFor(urlEqualTo("/v1/me")));
  }

  @Test
  void a_connection_refused_is_retried_on_the_scheduler_and_then_reported_as_an_io_failure()
      throws Exception {
    KaiCallsClientAsync unreachable =
        TestClients.against("http://127.0.0.1:" + Fixtures.closedPort(), sleeper)
            .retryScheduler(scheduler)
            .build()
            .async();

    CompletableFuture<Me> me = unreachable.me().retrieve();
    scheduler.runNext();
    scheduler.runNext();

    assertThatThrownBy(() -> me.get(5, TimeUnit.SECONDS))
        .cause()
        .isInstanceOf(KaiCallsIoException.class);
    assertThat(scheduler.delays()).hasSize(2);
  }

  @Test
  void the_future_completes_on_the_configured_callback_executor() throws Exception {
    Fixtures.stubSequence(server, "GET", "/v1/me", 503, 200);

    CompletableFuture<Me> me = async.me().retrieve();
    // Registered while the retry is pending, so it runs where the future completes.
    CompletableFuture<String> completedOn =
        me.thenApply(ignored -> Thread.currentThread().getName());
    scheduler.runNext();

    assertThat(completedOn.get(5, TimeUnit.SECONDS)).isEqualTo("test-callbacks");
  }
}
