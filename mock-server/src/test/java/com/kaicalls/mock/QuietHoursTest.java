package com.kaicalls.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.kaicalls.mock.junit.KaiCallsMockExtension;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Quiet hours apply in the recipient's time zone (openapi.yaml's {@code QuietHours}), in the
 * preview's send windows as in the run's execution.
 */
class QuietHoursTest {

  static final Instant T0 = Instant.parse("2026-12-01T15:00:00Z");

  /**
   * 21:00 in New York (quiet there), 18:00 in Los Angeles (the schedule's zone, not quiet there).
   */
  static final String START_AT = "2026-12-02T02:00:00Z";

  /** 09:00 in New York, when its quiet hours end. */
  static final Instant NEW_YORK_MORNING = Instant.parse("2026-12-02T14:00:00Z");

  @RegisterExtension
  static final KaiCallsMockExtension MOCK =
      KaiCallsMockExtension.builder().clockMode(ClockMode.MANUAL).startTime(T0).build();

  private static ApiClient api() {
    return new ApiClient(MOCK.baseUrl(), MOCK.apiKey());
  }

  private static Map<String, Object> losAngelesRunFor(String... phones) {
    Map<String, Object> body = Runs.body(Runs.agent(api()), phones);
    body.put(
        "schedule",
        Map.of(
            "start_at",
            START_AT,
            "timezone",
            "America/Los_Angeles",
            "quiet_hours",
            Map.of("start", "20:00", "end", "09:00")));
    return body;
  }

  private static JsonNode onlyJob(JsonNode run) {
    return api().get("/v1/jobs?run_id=" + run.path("id").asText()).json().path("data").get(0);
  }

  @Test
  void previewAndExecutionAgreeOnWhenARecipientInAnotherTimeZoneThanTheScheduleIsFirstContacted(
      KaiCallsMockServer mock) {
    Map<String, Object> body = losAngelesRunFor("+12125550177");
    JsonNode preview = api().post("/v1/communication-runs/preview", body).json();
    JsonNode run = api().post("/v1/communication-runs", body, Runs.key("quiet-ny")).json();

    mock.advanceClockTo(NEW_YORK_MORNING.minusSeconds(1));
    JsonNode beforeTheWindow = onlyJob(run);
    mock.advanceClockTo(NEW_YORK_MORNING);
    JsonNode atTheWindow = onlyJob(run);

    String firstWindow = preview.path("send_windows").get(0).path("start").asText();
    assertThat(firstWindow).isEqualTo(NEW_YORK_MORNING.toString());
    assertThat(beforeTheWindow.path("next_attempt_at").asText()).isEqualTo(firstWindow);
    assertThat(beforeTheWindow.path("attempts_count").asInt()).isZero();
    assertThat(atTheWindow.path("attempts_count").asInt()).isEqualTo(1);
  }

  @Test
  void previewSendWindowsCloseWhenTheRecipientsQuietHoursBegin() {
    JsonNode preview =
        api().post("/v1/communication-runs/preview", losAngelesRunFor("+12125550177")).json();

    JsonNode first = preview.path("send_windows").get(0);
    assertThat(List.of(first.path("start").asText(), first.path("end").asText()))
        .containsExactly(
            "2026-12-02T14:00:00Z", "2026-12-03T01:00:00Z"); // 09:00 to 20:00 in New York
  }

  @Test
  void previewSendWindowsFollowTheScheduleZoneForARecipientWhoseZoneIsUnknown() {
    JsonNode preview =
        api().post("/v1/communication-runs/preview", losAngelesRunFor("+442071234567")).json();

    JsonNode first = preview.path("send_windows").get(0);
    assertThat(List.of(first.path("start").asText(), first.path("end").asText()))
        .containsExactly(
            "2026-12-02T02:00:00Z", "2026-12-02T04:00:00Z"); // until 20:00 in Los Angeles
  }

  @Test
  void previewSendWindowsOfRecipientsInSeveralTimeZonesAreTheirUnion() {
    JsonNode preview =
        api()
            .post(
                "/v1/communication-runs/preview", losAngelesRunFor("+12125550177", "+14155550177"))
            .json();

    JsonNode first = preview.path("send_windows").get(0);
    assertThat(List.of(first.path("start").asText(), first.path("end").asText()))
        .containsExactly(
            "2026-12-02T02:00:00Z", "2026-12-02T04:00:00Z"); // Los Angeles until 20:00 there
    assertThat(preview.path("send_windows").get(1).path("start").asText())
        .isEqualTo(
            "2026-12-02T14:00:00Z"); // New York from 09:00 there, then Los Angeles until 20:00
    // there
    assertThat(preview.path("send_windows").get(1).path("end").asText())
        .isEqualTo("2026-12-03T04:00:00Z");
  }
}
