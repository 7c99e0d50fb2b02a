package com.kaicalls.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.kaicalls.mock.ClockMode;
import com.kaicalls.mock.KaiCallsMockServer;
import com.kaicalls.mock.junit.KaiCallsMockTest;
import com.kaicalls.sdk.models.CommunicationRun;
import com.kaicalls.sdk.models.CommunicationRunStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

@KaiCallsMockTest(clock = ClockMode.MANUAL)
class QuickstartTest {

  @Test
  void createsOneRunDespiteTheRetryAndFollowsItToCompletion(KaiCallsMockServer mock) {
    Output out = new Output();
    try (Connection connection = Connection.to(mock)) {
      CommunicationRun run =
          new Quickstart(connection.client(), connection.clock(), out.stream).run();

      assertThat(run.status()).isEqualTo(CommunicationRunStatus.COMPLETED);
      assertThat(connection.client().communicationRuns().list().data())
          .filteredOn(r -> r.name().equals("Spring check-up reminders"))
          .hasSize(1);
    }
    String text = out.text();
    assertThat(text)
        .contains("belongs to \"Bright Smile Dental (demo)\" (ws_demo), test mode")
        .contains("Valid: yes; 0 errors, 0 warnings.")
        .containsPattern("Idempotency-Key: quickstart-[0-9a-f-]{36}")
        .containsPattern("HTTP 201: created run run_\\w+, status scheduled")
        .contains("Idempotent-Replayed: true", "the same run, nobody is called twice.")
        .contains(
            "communication_run.created",
            "call.started",
            "job.completed",
            "communication_run.completed")
        .containsPattern(
            "Done: run run_\\w+ is completed \\(2 succeeded, 0 failed, 0 skipped\\)\\.");
    assertThat(text.indexOf("communication_run.created"))
        .isLessThan(text.indexOf("communication_run.completed"));
  }

  @Test
  void mainStartsItsOwnEmulatorWhenGivenNoBaseUrlOrKey() {
    Output out = new Output();
    try (Connection connection = Connection.open(new String[0], Map.of(), out.stream)) {
      assertThat(connection.baseUrl()).startsWith("http://127.0.0.1:");
      assertThat(connection.client().me().retrieve().workspaceId()).isEqualTo("ws_demo");
      assertThat(connection.clock().controllable()).isTrue();
    }
    assertThat(out.text())
        .startsWith("Started a KaiCalls emulator in this JVM at http://127.0.0.1:");
  }

  @Test
  void givenOnlyAnEmulatorsBaseUrlItReadsTheDemoKey(KaiCallsMockServer mock) {
    Output out = new Output();
    try (Connection connection =
        Connection.open(new String[] {"--base-url", mock.baseUrl() + "/"}, Map.of(), out.stream)) {
      assertThat(connection.apiKey()).isEqualTo(mock.apiKey());
      assertThat(connection.baseUrl()).isEqualTo(mock.baseUrl());
    }
    assertThat(out.text()).contains("Using " + mock.baseUrl() + " with key kc_test_demo…");
  }
}
