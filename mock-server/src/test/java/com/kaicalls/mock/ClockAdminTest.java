package com.kaicalls.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.kaicalls.mock.junit.KaiCallsMockTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@KaiCallsMockTest(clock = ClockMode.MANUAL, startTime = "2026-12-01T15:00:00Z")
class ClockAdminTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static HttpResponse<String> admin(
      KaiCallsMockServer mock, String method, String path, String body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/__admin/kaicalls" + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theManualClockStandsStillUntilAdvancedBySecondsOrToAnInstant(KaiCallsMockServer mock)
      throws Exception {
    JsonNode initial = ApiClient.JSON.readTree(admin(mock, "GET", "/clock", null).body());

    JsonNode bySeconds =
        ApiClient.JSON.readTree(admin(mock, "POST", "/clock/advance", "{\"seconds\": 90}").body());
    JsonNode toInstant =
        ApiClient.JSON.readTree(
            admin(mock, "POST", "/clock/advance", "{\"to\": \"2026-12-02T00:00:00Z\"}").body());

    assertThat(initial.path("mode").asText()).isEqualTo("manual");
    assertThat(initial.path("now").asText()).isEqualTo("2026-12-01T15:00:00Z");
    assertThat(bySeconds.path("now").asText()).isEqualTo("2026-12-01T15:01:30Z");
    assertThat(toInstant.path("now").asText()).isEqualTo("2026-12-02T00:00:00Z");
    assertThat(mock.clock().instant()).isEqualTo(Instant.parse("2026-12-02T00:00:00Z"));
  }

  @Test
  void theClockNeverGoesBackAndBadBodiesAre400(KaiCallsMockServer mock) throws Exception {
    assertThat(
            admin(mock, "POST", "/clock/advance", "{\"to\": \"2020-01-01T00:00:00Z\"}")
                .statusCode())
        .isEqualTo(400);
    assertThat(admin(mock, "POST", "/clock/advance", "{\"seconds\": -1}").statusCode())
        .isEqualTo(400);
    assertThat(admin(mock, "POST", "/clock/advance", "{}").statusCode()).isEqualTo(400);
  }

  @Test
  void resetReturnsTheClockToItsStart(KaiCallsMockServer mock) throws Exception {
    mock.advanceClock(Duration.ofDays(3));

    admin(mock, "POST", "/reset", null);

    assertThat(mock.clock().instant()).isEqualTo(Instant.parse("2026-12-01T15:00:00Z"));
  }

  @Test
  void newObjectsAreStampedWithVirtualTime(KaiCallsMockServer mock) {
    mock.advanceClock(Duration.ofHours(5));
    ApiClient api = new ApiClient(mock.baseUrl(), mock.apiKey());

    JsonNode run =
        api.post(
                "/v1/communication-runs", Runs.body(Runs.agent(api), "+13125550177"), Runs.key("t"))
            .json();

    assertThat(run.path("created_at").asText()).isEqualTo("2026-12-01T20:00:00Z");
  }
}
