package com.kaicalls.sdk.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kaicalls.mock.ClockMode;
import com.kaicalls.mock.FaultRule;
import com.kaicalls.mock.KaiCallsMockServer;
import com.kaicalls.mock.junit.KaiCallsMockExtension;
import com.kaicalls.sdk.KaiCallsClient;
import com.kaicalls.sdk.RawResponse;
import com.kaicalls.sdk.RequestOptions;
import com.kaicalls.sdk.Sleeper;
import com.kaicalls.sdk.errors.ConflictException;
import com.kaicalls.sdk.errors.KaiCallsIoException;
import com.kaicalls.sdk.models.CommunicationRun;
import com.kaicalls.sdk.models.CreateApiKeyRequest;
import com.kaicalls.sdk.models.Scope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The emulator's injected faults prove that the SDK's retries are safe: a run is created once, not
 * twice.
 */
class RetrySafetyAgainstEmulatorTest {
  @RegisterExtension
  static KaiCallsMockExtension mock =
      KaiCallsMockExtension.builder().clockMode(ClockMode.MANUAL).build();

  private final List<Duration> waits = new ArrayList<>();
  private final Sleeper recordingSleeper = waits::add;

  @Test
  void a_create_committed_then_dropped_is_retried_by_the_sdk_and_yields_exactly_one_run(
      KaiCallsMockServer server) {
    KaiCallsClient client = client(server);
    int runsBefore = countRuns(client);
    server
        .faults()
        .inject(FaultRule.on("POST", "/v1/communication-runs").times(1).commitThenDrop());

    RawResponse<CommunicationRun> response =
        client
            .communicationRuns()
            .withRawResponse()
            .create(Runs.voiceRun(firstAgent(client), "+14155550100"));

    assertThat(response.idempotentReplayed()).isTrue();
    assertThat(countRuns(client)).isEqualTo(runsBefore + 1);
    assertThat(waits).hasSize(1);
  }

  @Test
  void a_create_answered_with_503_then_succeeds_on_retry(KaiCallsMockServer server) {
    KaiCallsClient client = client(server);
    server.faults().inject(FaultRule.on("POST", "/v1/communication-runs").times(2).status(503));

    CommunicationRun run =
        client.communicationRuns().create(Runs.voiceRun(firstAgent(client), "+14155550100"));

    assertThat(client.communicationRuns().retrieve(run.id()).id()).isEqualTo(run.id());
    assertThat(waits).hasSize(2);
  }

  @Test
  void a_429_from_the_emulator_is_waited_out_for_its_retry_after(KaiCallsMockServer server) {
    KaiCallsClient client = client(server);
    server
        .faults()
        .inject(FaultRule.on("GET", "/v1/me").times(1).status(429, Duration.ofSeconds(3)));

    client.me().retrieve();

    assertThat(waits).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void a_post_sent_without_an_idempotency_key_is_not_retried_after_a_commit_then_drop(
      KaiCallsMockServer server) {
    KaiCallsClient client = client(server);
    server.faults().inject(FaultRule.on("POST", "/v1/api-keys").times(1).commitThenDrop());
    CreateApiKeyRequest request =
        CreateApiKeyRequest.builder().name("Sent once").addScope(Scope.RUNS_READ).build();

    assertThatThrownBy(
            () ->
                client
                    .apiKeys()
                    .create(request, RequestOptions.builder().omitIdempotencyKey().build()))
        .isInstanceOf(KaiCallsIoException.class);

    assertThat(
            client.apiKeys().list().autoPager().stream().filter(k -> k.name().equals("Sent once")))
        .hasSize(1);
    assertThat(waits).isEmpty();
  }

  @Test
  void pausing_a_cancelled_run_is_one_request_because_the_emulator_says_not_to_retry(
      KaiCallsMockServer server) {
    KaiCallsClient client = client(server);
    CommunicationRun run =
        client.communicationRuns().create(Runs.voiceRun(firstAgent(client), "+14155550100"));
    client.communicationRuns().cancel(run.id());

    assertThatThrownBy(() -> client.communicationRuns().pause(run.id()))
        .isInstanceOfSatisfying(
            ConflictException.class,
            e -> {
              assertThat(e.code()).isEqualTo("invalid_state_transition");
              assertThat(e.headers().get("kaicalls-should-retry")).containsExactly("false");
            });
    assertThat(waits).isEmpty();
  }

  private KaiCallsClient client(KaiCallsMockServer server) {
    return KaiCallsClient.builder()
        .apiKey(server.apiKey())
        .baseUrl(server.baseUrl())
        .sleeper(recordingSleeper)
        .build();
  }

  private static int countRuns(KaiCallsClient client) {
    return (int) client.communicationRuns().list().autoPager().stream().count();
  }

  private static String firstAgent(KaiCallsClient client) {
    return client.agents().list().data().get(0).id();
  }
}
