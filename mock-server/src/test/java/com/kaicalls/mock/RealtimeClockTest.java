package com.kaicalls.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.kaicalls.mock.junit.KaiCallsMockExtension;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** In realtime mode nobody advances the clock: work comes due by itself, sped up by --speed. */
class RealtimeClockTest {
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  @RegisterExtension
  static final KaiCallsMockExtension MOCK =
      KaiCallsMockExtension.builder().clockMode(ClockMode.REALTIME).speed(600).build();

  @Test
  void aRunCompletesOnItsOwnWithoutTheClockBeingAdvanced() throws InterruptedException {
    ApiClient demo = new ApiClient(MOCK.baseUrl(), MOCK.apiKey());
    ApiClient.Reply created =
        demo.post(
            "/v1/communication-runs",
            Runs.body(Runs.agent(demo), "+14155550100"),
            Runs.key("realtime-run"));
    String runId = created.json().path("id").asText();

    JsonNode run = pollUntilCompleted(demo, runId);

    assertThat(run.path("status").asText()).isEqualTo("completed");
    assertThat(run.path("counts").path("succeeded").asInt()).isEqualTo(1);
  }

  @Test
  void virtualTimeRunsFasterThanTheWallClockAtTheConfiguredSpeed() throws InterruptedException {
    Instant virtualStart = MOCK.server().clock().instant();
    long wallStart = System.nanoTime();

    // At 600x, one real second is ten virtual minutes: wait (bounded) until at least five have
    // passed.
    Instant virtualNow = virtualStart;
    while (Duration.between(virtualStart, virtualNow).compareTo(Duration.ofMinutes(5)) < 0
        && System.nanoTime() - wallStart < PATIENCE.toNanos()) {
      java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
      virtualNow = MOCK.server().clock().instant();
    }
    Duration wall = Duration.ofNanos(System.nanoTime() - wallStart);

    assertThat(Duration.between(virtualStart, virtualNow))
        .isGreaterThanOrEqualTo(Duration.ofMinutes(5));
    assertThat(wall).isLessThan(Duration.between(virtualStart, virtualNow));
  }

  private static JsonNode pollUntilCompleted(ApiClient demo, String runId)
      throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    JsonNode run = demo.get("/v1/communication-runs/" + runId).json();
    while (!run.path("status").asText().equals("completed") && System.nanoTime() < deadline) {
      Thread.sleep(20); // polling an asynchronous server with a bound, not waiting for a fixed time
      run = demo.get("/v1/communication-runs/" + runId).json();
    }
    return run;
  }
}
