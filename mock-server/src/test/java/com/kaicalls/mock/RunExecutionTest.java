package com.kaicalls.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.kaicalls.mock.junit.KaiCallsMockExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs execute over virtual time; the test numbers decide outcomes. */
class RunExecutionTest {

  static final Instant T0 =
      Instant.parse("2026-12-01T15:00:00Z"); // 09:00 in Chicago, 07:00 in Los Angeles

  @RegisterExtension
  static final KaiCallsMockExtension MOCK =
      KaiCallsMockExtension.builder().clockMode(ClockMode.MANUAL).startTime(T0).build();

  private static ApiClient api() {
    return new ApiClient(MOCK.baseUrl(), MOCK.apiKey());
  }

  private static JsonNode create(Map<String, Object> body) {
    ApiClient.Reply reply =
        api().post("/v1/communication-runs", body, Runs.key("run-" + System.nanoTime()));
    assertThat(reply.status()).as(reply.json().toString()).isEqualTo(201);
    return reply.json();
  }

  private static JsonNode run(JsonNode run) {
    return api().get("/v1/communication-runs/" + run.path("id").asText()).json();
  }

  /** Jobs of a run by recipient phone (or email). */
  private static Map<String, JsonNode> jobs(JsonNode run) {
    Map<String, JsonNode> jobs = new HashMap<>();
    for (JsonNode job :
        api().get("/v1/jobs?limit=100&run_id=" + run.path("id").asText()).json().path("data")) {
      JsonNode r = job.path("recipient");
      jobs.put(r.hasNonNull("phone") ? r.path("phone").asText() : r.path("email").asText(), job);
    }
    return jobs;
  }

  /** Every event, oldest first. */
  private static List<JsonNode> events() {
    List<JsonNode> all = new ArrayList<>();
    String cursor = null;
    do {
      JsonNode page =
          api().get("/v1/events?limit=100" + (cursor == null ? "" : "&cursor=" + cursor)).json();
      page.path("data").forEach(all::add);
      cursor = page.path("has_more").asBoolean() ? page.path("next_cursor").asText() : null;
    } while (cursor != null);
    java.util.Collections.reverse(all);
    return all;
  }

  private static List<String> types(Predicate<JsonNode> about) {
    return events().stream()
        .filter(e -> about.test(e.path("data").path("object")))
        .map(e -> e.path("type").asText())
        .toList();
  }

  private static String summary(JsonNode job) {
    return job.path("status").asText()
        + "/"
        + job.path("outcome").asText()
        + "/"
        + job.path("attempts_count").asInt();
  }

  private static void assertCountsAddUp(JsonNode run) {
    JsonNode c = run(run).path("counts");
    int sum =
        c.path("pending").asInt()
            + c.path("in_progress").asInt()
            + c.path("succeeded").asInt()
            + c.path("failed").asInt()
            + c.path("skipped").asInt();
    assertThat(sum).as(c.toString()).isEqualTo(run.path("recipients_count").asInt());
  }

  @Test
  void voiceTestNumbersReachTheirDocumentedOutcomesAndUnansweredCallsAreRetriedUpToMaxAttempts(
      KaiCallsMockServer mock) {
    Map<String, Object> body =
        Runs.body(
            Runs.agent(api()),
            "+13125550100",
            "+13125550101",
            "+13125550102",
            "+13125550103",
            "+13125550104",
            "+13125550177");
    body.put("max_attempts", 2);
    JsonNode run = create(body);

    mock.advanceClock(Duration.ofMinutes(3));
    Map<String, JsonNode> afterFirst = jobs(run);
    assertCountsAddUp(run);
    mock.advanceClock(Duration.ofMinutes(15));
    Map<String, JsonNode> jobs = jobs(run);

    assertThat(afterFirst.get("+13125550102").path("status").asText()).isEqualTo("pending");
    assertThat(afterFirst.get("+13125550102").path("next_attempt_at").asText())
        .isEqualTo("2026-12-01T15:10:30Z");
    assertThat(jobs.get("+13125550100").path("outcome").asText()).isEqualTo("answered");
    assertThat(jobs.get("+13125550101").path("outcome").asText()).isEqualTo("voicemail");
    assertThat(summary(jobs.get("+13125550102"))).isEqualTo("failed/no_answer/2");
    assertThat(jobs.get("+13125550103").path("outcome").asText()).isEqualTo("busy");
    assertThat(jobs.get("+13125550103").path("attempts_count").asInt()).isEqualTo(2);
    assertThat(summary(jobs.get("+13125550104"))).isEqualTo("failed/invalid_number/1");
    assertThat(jobs.get("+13125550177").path("status").asText()).isEqualTo("succeeded");
    JsonNode finished = run(run);
    assertThat(finished.path("status").asText()).isEqualTo("completed");
    assertThat(finished.path("started_at").asText()).isEqualTo("2026-12-01T15:00:00Z");
    assertThat(finished.path("counts").toString())
        .isEqualTo("{\"pending\":0,\"in_progress\":0,\"succeeded\":3,\"failed\":3,\"skipped\":0}");
    assertThat(types(o -> o.path("id").asText().equals(run.path("id").asText())))
        .containsExactly("communication_run.created", "communication_run.completed");
  }

  @Test
  void anAnsweredTestCallQualifiesTheLeadBooksAnAppointmentAndLeavesARecording(
      KaiCallsMockServer mock) {
    JsonNode run = create(Runs.body(Runs.agent(api()), "+13125550100"));
    String jobId = jobs(run).get("+13125550100").path("id").asText();

    mock.advanceClock(Duration.ofMinutes(5));

    JsonNode call = api().get("/v1/calls?limit=1").json().path("data").get(0);
    JsonNode agent = api().get("/v1/agents/" + run.path("agent_id").asText()).json();
    assertThat(call.path("job_id").asText()).isEqualTo(jobId);
    assertThat(call.path("outcome").asText()).isEqualTo("appointment_booked");
    assertThat(call.path("agent_config_version")).isEqualTo(agent.path("current_config_version"));
    String callId = call.path("id").asText();
    String leadId = call.path("lead_id").asText();
    assertThat(
            types(
                o ->
                    jobId.equals(o.path("job_id").asText())
                        || jobId.equals(o.path("id").asText())
                        || callId.equals(o.path("call_id").asText())
                        || leadId.equals(o.path("id").asText())))
        .containsExactly(
            "call.started",
            "call.completed",
            "recording.ready",
            "lead.created",
            "lead.qualified",
            "appointment.booked",
            "job.completed");
    JsonNode lead = api().get("/v1/leads/" + leadId).json();
    assertThat(lead.path("status").asText()).isEqualTo("booked");
    assertThat(lead.path("appointment").path("call_id").asText()).isEqualTo(callId);
    byte[] wav =
        api().get("/v1/recordings/" + call.path("recording_id").asText() + "/content").bytes();
    assertThat(new String(wav, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("RIFF");
    JsonNode attempt = api().get("/v1/attempts?limit=1").json().path("data").get(0);
    assertThat(attempt.path("call_id").asText()).isEqualTo(callId);
    assertThat(attempt.path("outcome").asText()).isEqualTo("answered");
  }

  @Test
  void theVoicemailTestNumberLeavesAVoicemailThenARecording(KaiCallsMockServer mock) {
    create(Runs.body(Runs.agent(api()), "+13125550101"));

    mock.advanceClock(Duration.ofMinutes(5));

    JsonNode call = api().get("/v1/calls?limit=1").json().path("data").get(0);
    String callId = call.path("id").asText();
    assertThat(call.path("status").asText()).isEqualTo("voicemail");
    assertThat(
            types(
                o ->
                    callId.equals(o.path("id").asText())
                        || callId.equals(o.path("call_id").asText())))
        .containsExactly("call.started", "voicemail.received", "recording.ready");
    assertThat(
            api()
                .get("/v1/recordings/" + call.path("recording_id").asText())
                .json()
                .path("kind")
                .asText())
        .isEqualTo("voicemail");
  }

  @Test
  void smsTestNumbersAreDeliveredFailOptOutOrReplyAndConversationsGrow(KaiCallsMockServer mock) {
    Map<String, Object> body =
        Runs.body(
            Runs.agent(api()), "+13125550110", "+13125550111", "+13125550112", "+13125550113");
    body.put("channel", "sms");
    body.put("message", "Hi {{first_name}}, time for a check-up!");
    JsonNode run = create(body);

    mock.advanceClock(Duration.ofMinutes(2));

    Map<String, JsonNode> jobs = jobs(run);
    assertThat(jobs.get("+13125550110").path("outcome").asText()).isEqualTo("delivered");
    assertThat(jobs.get("+13125550111").path("status").asText()).isEqualTo("failed");
    assertThat(jobs.get("+13125550111").path("outcome").asText()).isEqualTo("carrier_error");
    assertThat(jobs.get("+13125550112").path("status").asText()).isEqualTo("skipped");
    assertThat(jobs.get("+13125550112").path("attempts_count").asInt()).isZero();
    assertThat(jobs.get("+13125550113").path("status").asText()).isEqualTo("succeeded");
    JsonNode conversation =
        api()
            .get("/v1/conversations?limit=100")
            .json()
            .path("data")
            .findParents("participant")
            .stream()
            .filter(c -> c.path("participant").asText().equals("+13125550113"))
            .findFirst()
            .orElseThrow();
    JsonNode messages =
        api()
            .get("/v1/conversations/" + conversation.path("id").asText() + "/messages")
            .json()
            .path("data");
    assertThat(messages)
        .extracting(m -> m.path("direction").asText())
        .containsExactly("outbound", "inbound");
    assertThat(messages.get(0).path("body").asText()).isEqualTo("Hi Sam, time for a check-up!");
    assertThat(types(o -> "+13125550111".equals(o.path("to").asText())))
        .containsExactly("sms.sent", "sms.failed");
    assertThat(
            types(
                o ->
                    "+13125550113".equals(o.path("to").asText())
                        || "+13125550113".equals(o.path("from").asText())))
        .containsExactly("sms.sent", "sms.delivered", "sms.received");
    assertThat(run(run).path("status").asText()).isEqualTo("completed");
  }

  @Test
  void anEmailRunRecordsDeliveredAttempts(KaiCallsMockServer mock) {
    Map<String, Object> body = Runs.body(Runs.agent(api()));
    body.put("channel", "email");
    body.put("message", "Hello {{first_name}}");
    body.put("recipients", List.of(Map.of("email", "sam@example.com", "first_name", "Sam")));
    JsonNode run = create(body);

    mock.advanceClock(Duration.ofMinutes(1));

    JsonNode job = jobs(run).get("sam@example.com");
    assertThat(job.path("status").asText()).isEqualTo("succeeded");
    assertThat(job.path("outcome").asText()).isEqualTo("delivered");
    JsonNode attempt = api().get("/v1/attempts?limit=1").json().path("data").get(0);
    assertThat(attempt.path("channel").asText()).isEqualTo("email");
    assertThat(attempt.path("outcome").asText()).isEqualTo("delivered");
  }

  @Test
  void attemptsWaitForStartAtAndForTheRecipientsOwnQuietHours(KaiCallsMockServer mock) {
    Map<String, Object> body = Runs.body(Runs.agent(api()), "+13125550177", "+14155550177");
    body.put(
        "schedule",
        Map.of(
            "start_at",
            "2026-12-01T16:00:00Z",
            "timezone",
            "America/Chicago",
            "quiet_hours",
            Map.of("start", "20:00", "end", "09:00")));
    JsonNode run = create(body);

    Map<String, JsonNode> planned = jobs(run);
    mock.advanceClock(Duration.ofMinutes(30));
    String beforeStart = run(run).path("status").asText();
    mock.advanceClock(Duration.ofMinutes(40)); // 16:10Z: 10:10 in Chicago, 08:10 in Los Angeles
    Map<String, JsonNode> atTen = jobs(run);
    mock.advanceClockTo(Instant.parse("2026-12-01T17:05:00Z"));

    assertThat(planned.get("+13125550177").path("next_attempt_at").asText())
        .isEqualTo("2026-12-01T16:00:00Z");
    assertThat(planned.get("+14155550177").path("next_attempt_at").asText())
        .isEqualTo("2026-12-01T17:00:00Z");
    assertThat(beforeStart).isEqualTo("scheduled");
    assertThat(atTen.get("+13125550177").path("status").asText()).isEqualTo("succeeded");
    assertThat(atTen.get("+14155550177").path("status").asText()).isEqualTo("pending");
    assertThat(run(run).path("status").asText()).isEqualTo("completed");
  }

  @Test
  void pauseStopsNewAttemptsResumeContinuesAndCancelEndsPendingJobs(KaiCallsMockServer mock) {
    Map<String, Object> body =
        Runs.body(Runs.agent(api()), "+13125550102", "+12125550102", "+14155550102");
    body.put("max_attempts", 4);
    JsonNode run = create(body);
    String base = "/v1/communication-runs/" + run.path("id").asText();

    mock.advanceClock(Duration.ofMinutes(1));
    assertThat(api().post(base + "/pause", null).json().path("status").asText())
        .isEqualTo("paused");
    mock.advanceClock(Duration.ofHours(1));
    Map<String, JsonNode> whilePaused = jobs(run);
    assertCountsAddUp(run);
    assertThat(api().post(base + "/resume", null).json().path("status").asText())
        .isEqualTo("running");
    mock.advanceClock(Duration.ofMinutes(1));
    Map<String, JsonNode> resumed = jobs(run);
    JsonNode cancelled = api().post(base + "/cancel", null).json();
    mock.advanceClock(Duration.ofHours(1));

    assertThat(whilePaused.values())
        .extracting(RunExecutionTest::summary)
        .containsOnly("pending/no_answer/1");
    assertThat(resumed.values())
        .extracting(RunExecutionTest::summary)
        .containsOnly("pending/no_answer/2");
    assertThat(cancelled.path("counts").toString())
        .isEqualTo("{\"pending\":0,\"in_progress\":0,\"succeeded\":0,\"failed\":0,\"skipped\":3}");
    assertThat(jobs(run).values())
        .extracting(RunExecutionTest::summary)
        .containsOnly("cancelled/no_answer/2");
    assertThat(run(run).path("status").asText()).isEqualTo("cancelled");
    assertThat(
            types(
                o ->
                    run.path("id").asText().equals(o.path("run_id").asText())
                        && o.path("object").asText().equals("job")))
        .containsExactly("job.completed", "job.completed", "job.completed");
  }
}
