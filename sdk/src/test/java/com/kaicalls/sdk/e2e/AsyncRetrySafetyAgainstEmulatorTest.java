package com.kaicalls.sdk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.kaicalls.mock.ClockMode;
import com.kaicalls.mock.FaultRule;
import com.kaicalls.mock.KaiCallsMockServer;
import com.kaicalls.mock.junit.KaiCallsMockExtension;
import com.kaicalls.sdk.KaiCallsClient;
import com.kaicalls.sdk.RawResponse;
import com.kaicalls.sdk.models.CommunicationRun;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The emulator's injected faults prove that the async client's retries are as safe as the blocking
 * client's.
 */
class AsyncRetrySafetyAgainstEmulatorTest {
  @RegisterExtension
  static KaiCallsMockExtension mock =
      KaiCallsMockExtension.builder().clockMode(ClockMode.MANUAL).build();

  private final AtomicLong scheduledMillis = new AtomicLong();
  // Runs each retry at once and adds up the delays asked for, so the test never waits out a
  // backoff.
  private final ScheduledExecutorService immediate =
      new ScheduledThreadPoolExecutor(1) {
        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
          scheduledMillis.addAndGet(unit.toMillis(delay));
          return super.schedule(command, 0, TimeUnit.MILLISECONDS);
        }
      };

  @AfterEach
  void tearDown() {
    immediate.shutdownNow();
  }

  @Test
  void an_async_create_committed_then_dropped_is_retried_and_yields_exactly_one_run(
      KaiCallsMockServer server) throws Exception {
    KaiCallsClient client = client(server);
    int runsBefore = countRuns(client);
    String agentId = client.agents().list().data().get(0).id();
    server
        .faults()
        .inject(FaultRule.on("POST", "/v1/communication-runs").times(1).commitThenDrop());

    CompletableFuture<RawResponse<CommunicationRun>> response =
        client
            .async()
            .communicationRuns()
            .withRawResponse()
            .create(Runs.voiceRun(agentId, "+14155550100"));

    assertThat(response.get(10, TimeUnit.SECONDS).idempotentReplayed()).isTrue();
    assertThat(countRuns(client)).isEqualTo(runsBefore + 1);
    assertThat(scheduledMillis.get()).as("one backoff was scheduled").isPositive();
  }

  @Test
  void a_burst_of_async_creates_each_answered_with_503_once_yields_one_run_per_call(
      KaiCallsMockServer server) throws Exception {
    KaiCallsClient client = client(server);
    int runsBefore = countRuns(client);
    String agentId = client.agents().list().data().get(0).id();
    server.faults().inject(FaultRule.on("POST", "/v1/communication-runs").times(5).status(503));

    CompletableFuture<?>[] creates = new CompletableFuture<?>[5];
    for (int i = 0; i < creates.length; i++) {
      creates[i] =
          client.async().communicationRuns().create(Runs.voiceRun(agentId, "+1415555010" + i));
    }
    CompletableFuture.allOf(creates).get(10, TimeUnit.SECONDS);

    assertThat(countRuns(client)).isEqualTo(runsBefore + 5);
  }

  private KaiCallsClient client(KaiCallsMockServer server) {
    return KaiCallsClient.builder()
        .apiKey(server.apiKey())
        .baseUrl(server.baseUrl())
        .retryScheduler(immediate)
        .maxRetries(5)
        .build();
  }

  private static int countRuns(KaiCallsClient client) {
    return (int) client.communicationRuns().list().autoPager().stream().count();
  }
}
