package com.kaicalls.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.kaicalls.mock.junit.KaiCallsMockExtension;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CommunicationRunsTest {

  @RegisterExtension
  static final KaiCallsMockExtension MOCK =
      KaiCallsMockExtension.builder().clockMode(ClockMode.MANUAL).build();

  private static ApiClient demo() {
    return new ApiClient(MOCK.baseUrl(), MOCK.apiKey());
  }

  private static JsonNode create(Map<String, Object> body) {
    ApiClient.Reply reply =
        demo().post("/v1/communication-runs", body, Runs.key("c-" + System.nanoTime()));
    assertThat(reply.status()).as(reply.json().toString()).isEqualTo(201);
    return reply.json();
  }

  @Test
  void validateReportsEveryProblemAtOnceWithParamPaths() {
    Map<String, Object> body =
        Runs.body(
            "agent_unknown", "+14155550120", "+14155550104", "+14155550112", "+14155550120", "12");
    body.put("channel", "sms");
    body.put(
        "schedule",
        Map.of(
            "timezone",
            "America/New_York",
            "quiet_hours",
            Map.of("start", "09:00", "end", "09:00")));

    JsonNode result = demo().post("/v1/communication-runs/validate", body).json();

    assertThat(result.path("valid").asBoolean()).isFalse();
    assertThat(codes(result.path("errors")))
        .contains(
            "unknown_agent@agent_id",
            "message_required@message",
            "no_send_window@schedule.quiet_hours",
            "invalid_phone@recipients[4].phone",
            "invalid_phone@recipients[1].phone");
    assertThat(codes(result.path("warnings")))
        .contains("opted_out@recipients[2].phone", "duplicate_recipient@recipients[3].phone");
    assertThat(result.path("recipients_count").asInt()).isEqualTo(5);
  }

  @Test
  void validateFlagsMissingTemplateVariables() {
    Map<String, Object> body = Runs.body(Runs.agent(demo()), "+14155550120");
    body.put("channel", "sms");
    body.put("message", "Hi {{first_name}}, your {{appointment_day}} visit");

    JsonNode result = demo().post("/v1/communication-runs/validate", body).json();

    assertThat(codes(result.path("errors")))
        .containsExactly("missing_variable@recipients[0].variables.appointment_day");
  }

  @Test
  void previewRendersMessagesAndSendWindows() {
    Map<String, Object> body = Runs.body(Runs.agent(demo()), "+14155550120", "+14155550112");
    body.put("channel", "sms");
    body.put("message", "Hi {{first_name}}!");
    body.put(
        "schedule",
        Map.of(
            "timezone",
            "America/Los_Angeles",
            "quiet_hours",
            Map.of("start", "21:00", "end", "08:00")));

    JsonNode preview = demo().post("/v1/communication-runs/preview", body).json();

    assertThat(preview.path("messages").get(0).path("content").asText()).isEqualTo("Hi Sam!");
    assertThat(preview.path("sendable_count").asInt()).isEqualTo(1);
    assertThat(preview.path("skipped").get(0).path("reason").asText()).isEqualTo("opted_out");
    assertThat(preview.path("send_windows").size()).isBetween(7, 8);
  }

  @Test
  void createStoresAScheduledRunWithOneJobPerRecipientAndAnEvent() {
    JsonNode run = create(Runs.body(Runs.agent(demo()), "+14155550120", "+14155550112"));

    assertThat(run.path("status").asText()).isEqualTo("scheduled");
    assertThat(run.path("counts").path("pending").asInt()).isEqualTo(1);
    assertThat(run.path("counts").path("skipped").asInt()).isEqualTo(1);
    JsonNode jobs = demo().get("/v1/jobs?run_id=" + run.path("id").asText()).json().path("data");
    assertThat(jobs).hasSize(2);
    JsonNode events =
        demo().get("/v1/events?type=communication_run.created&limit=1").json().path("data");
    assertThat(events.get(0).path("data").path("object").path("id")).isEqualTo(run.path("id"));
    assertThat(demo().get("/v1/communication-runs/" + run.path("id").asText()).json())
        .isEqualTo(run);
  }

  @Test
  void theInvalidTestNumberIsAValidateErrorYetCreateAcceptsIt() {
    Map<String, Object> body = Runs.body(Runs.agent(demo()), "+13125550104");

    JsonNode validation = demo().post("/v1/communication-runs/validate", body).json();
    JsonNode run = create(body);

    assertThat(validation.path("valid").asBoolean()).isFalse();
    assertThat(codes(validation.path("errors")))
        .containsExactly("invalid_phone@recipients[0].phone");
    assertThat(run.path("counts").path("pending").asInt()).isEqualTo(1);
  }

  @Test
  void aRecipientWithoutAPhoneIsAValidateErrorYetCreateSkipsItsJob() {
    Map<String, Object> body =
        new java.util.HashMap<>(Runs.body(Runs.agent(demo()), "+14155550120"));
    body.put(
        "recipients",
        List.of(Map.of("phone", "+14155550120"), Map.of("email", "dana@example.com")));

    JsonNode validation = demo().post("/v1/communication-runs/validate", body).json();
    JsonNode run = create(body);

    assertThat(codes(validation.path("errors")))
        .containsExactly("missing_contact@recipients[1].phone");
    assertThat(run.path("counts").path("pending").asInt()).isEqualTo(1);
    assertThat(run.path("counts").path("skipped").asInt()).isEqualTo(1);
    JsonNode jobs = demo().get("/v1/jobs?run_id=" + run.path("id").asText()).json().path("data");
    assertThat(jobs.findValuesAsText("skip_reason")).contains("missing_contact");
  }

  @Test
  void createRejectsAnInvalidRunNamingTheFirstError() {
    ApiClient.Reply reply =
        demo()
            .post(
                "/v1/communication-runs",
                Runs.body("agent_nope", "+14155550120"),
                Runs.key("bad-agent"));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorParam()).isEqualTo("agent_id");
  }

  @Test
  void pauseResumeCancelFollowTheStateMachineAndEachAppendsAnEvent() {
    String id = create(Runs.body(Runs.agent(demo()), "+14155550120")).path("id").asText();
    String base = "/v1/communication-runs/" + id;

    assertThat(demo().post(base + "/pause", null).json().path("status").asText())
        .isEqualTo("paused");
    assertThat(demo().post(base + "/resume", null).json().path("status").asText())
        .isEqualTo("scheduled");
    assertThat(
            demo()
                .post(base + "/cancel", Map.of("reason", "wrong list"))
                .json()
                .path("status")
                .asText())
        .isEqualTo("cancelled");
    ApiClient.Reply resume = demo().post(base + "/resume", null);

    assertThat(resume.status()).isEqualTo(409);
    assertThat(resume.errorCode()).isEqualTo("invalid_state_transition");
    assertThat(resume.json().path("error").path("message").asText()).contains("cancelled");
    List<String> types =
        demo()
            .get(
                "/v1/events?limit=4&type=communication_run.created&type=communication_run.paused"
                    + "&type=communication_run.resumed&type=communication_run.cancelled")
            .json()
            .findValuesAsText("type");
    assertThat(types)
        .containsExactly(
            "communication_run.cancelled",
            "communication_run.resumed",
            "communication_run.paused",
            "communication_run.created");
    assertThat(
            demo().get("/v1/jobs?run_id=" + id).json().path("data").get(0).path("status").asText())
        .isEqualTo("cancelled");
  }

  @Test
  void listFiltersByStatus() {
    create(Runs.body(Runs.agent(demo()), "+14155550120"));

    JsonNode completed = demo().get("/v1/communication-runs?status=completed").json().path("data");

    assertThat(completed)
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.path("status").asText()).isEqualTo("completed"));
  }

  private static Set<String> codes(JsonNode issues) {
    Set<String> codes = new HashSet<>();
    issues.forEach(i -> codes.add(i.path("code").asText() + "@" + i.path("param").asText()));
    return codes;
  }
}
