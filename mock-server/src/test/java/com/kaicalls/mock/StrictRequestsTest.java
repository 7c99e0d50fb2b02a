package com.kaicalls.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.kaicalls.mock.junit.KaiCallsMockExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bodies, numbers, dates, methods and parameters the API reads strictly, answering 4xx naming the
 * field.
 */
class StrictRequestsTest {

  @RegisterExtension
  static final KaiCallsMockExtension MOCK = KaiCallsMockExtension.builder().build();

  private static final String TOO_LATE = "+999999999-12-31T23:59:59Z";

  private static ApiClient demo() {
    return new ApiClient(MOCK.baseUrl(), MOCK.apiKey());
  }

  private static String runJson(String extraFields) {
    return "{\"name\":\"n\",\"agent_id\":\""
        + Runs.agent(demo())
        + "\",\"channel\":\"voice\","
        + "\"recipients\":[{\"phone\":\"+14155550120\"}]"
        + extraFields
        + "}";
  }

  private static RawHttp.Reply post(String path, String contentType, String body) {
    String head =
        "POST "
            + path
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
            + MOCK.apiKey()
            + "\r\nIdempotency-Key: strict-"
            + System.nanoTime()
            + "\r\nContent-Length: "
            + body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
            + (contentType == null ? "" : "\r\nContent-Type: " + contentType);
    return RawHttp.send(MOCK.server().port(), head, body);
  }

  private static RawHttp.Reply get(String method, String path) {
    return RawHttp.send(
        MOCK.server().port(),
        method
            + " "
            + path
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Authorization: Bearer "
            + MOCK.apiKey(),
        null);
  }

  @Test
  void anOverflowingNumberIs400NamingTheField() {
    ApiClient.Reply reply =
        demo()
            .post(
                "/v1/communication-runs",
                runJson(",\"max_attempts\":1e400"),
                Runs.key("n-" + System.nanoTime()));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorParam()).isEqualTo("max_attempts");
  }

  @Test
  void anOverflowingGracePeriodOnRotateSecretIs400NamingIt() {
    String subscription =
        demo()
            .post(
                "/v1/webhook-subscriptions",
                Map.of("url", "https://example.com/hook", "event_types", List.of("*")))
            .json()
            .path("id")
            .asText();

    ApiClient.Reply reply =
        demo()
            .post(
                "/v1/webhook-subscriptions/" + subscription + "/rotate-secret",
                "{\"grace_period_seconds\":1e400}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorParam()).isEqualTo("grace_period_seconds");
  }

  @Test
  void aPathIntegerBeyondIntRangeIs400NamingIt() {
    String agent = Runs.agent(demo());

    ApiClient.Reply reply = demo().get("/v1/agents/" + agent + "/config-versions/3000000000");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorParam()).isEqualTo("version");
  }

  @Test
  void aDateBeyondRfc3339IsRefusedOnPreviewAndCreate() {
    String schedule = ",\"schedule\":{\"start_at\":\"" + TOO_LATE + "\",\"timezone\":\"UTC\"}";

    ApiClient.Reply preview = demo().post("/v1/communication-runs/preview", runJson(schedule));
    ApiClient.Reply create =
        demo()
            .post("/v1/communication-runs", runJson(schedule), Runs.key("d-" + System.nanoTime()));

    assertThat(preview.status()).isEqualTo(400);
    assertThat(preview.errorParam()).isEqualTo("schedule.start_at");
    assertThat(create.status()).isEqualTo(400);
    assertThat(create.errorParam()).isEqualTo("schedule.start_at");
  }

  @Test
  void anApiKeyExpiryBeyondRfc3339Is400() {
    ApiClient.Reply reply =
        demo()
            .post(
                "/v1/api-keys",
                Map.of("name", "late", "scopes", List.of("runs:read"), "expires_at", TOO_LATE));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorParam()).isEqualTo("expires_at");
  }

  @Test
  void trailingDataAfterTheJsonBodyIs400() {
    assertThat(demo().post("/v1/communication-runs/validate", runJson("") + " xyz").status())
        .isEqualTo(400);
    ApiClient.Reply twoValues = demo().post("/v1/communication-runs/validate", runJson("") + "{}");

    assertThat(twoValues.status()).isEqualTo(400);
    assertThat(twoValues.errorCode()).isEqualTo("invalid_json");
  }

  @Test
  void aBodyThatIsNotDeclaredJsonIs415() {
    for (String type :
        new String[] {"text/plain", "application/xml", "application/x-www-form-urlencoded", null}) {
      RawHttp.Reply reply = post("/v1/communication-runs/validate", type, runJson(""));

      assertThat(reply.status()).as(String.valueOf(type)).isEqualTo(415);
      assertThat(reply.errorCode()).isEqualTo("unsupported_media_type");
      assertThat(reply.errorParam()).isEqualTo("Content-Type");
    }
  }

  @Test
  void jsonWithAUtf8CharsetIsAccepted() {
    assertThat(
            post("/v1/communication-runs/validate", "application/json; charset=UTF-8", runJson(""))
                .status())
        .isEqualTo(200);
  }

  @Test
  void aLoneSurrogateInAStringIs400NamingTheField() {
    ApiClient.Reply reply =
        demo()
            .post(
                "/v1/communication-runs/validate",
                runJson("").replace("\"name\":\"n\"", "\"name\":\"\\ud800\""));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorParam()).isEqualTo("name");
  }

  @Test
  void getOnPostOnlyActionsIs405WithAllowPost() {
    for (String path : new String[] {"/v1/communication-runs/validate", "/v1/events/backfill"}) {
      RawHttp.Reply reply = get("GET", path);

      assertThat(reply.status()).as(path).isEqualTo(405);
      assertThat(reply.header("Allow")).as(path).isEqualTo("POST");
    }
  }

  @Test
  void headOnAGetRouteAnswersLikeGetWithoutABody() {
    RawHttp.Reply head = get("HEAD", "/v1/me");

    assertThat(head.status()).isEqualTo(200);
    assertThat(head.header("Content-Type")).startsWith("application/json");
    assertThat(head.body()).isEmpty();
  }

  @Test
  void headOnAPageAnswersLikeGetWithoutABody() {
    RawHttp.Reply head = get("HEAD", "/docs/api");

    assertThat(head.status()).isEqualTo(200);
    assertThat(head.header("Content-Type")).startsWith("text/html");
    assertThat(head.body()).isEmpty();
  }

  private static RawHttp.Reply advanceClock(String body) {
    return RawHttp.send(
        MOCK.server().port(),
        "POST /__admin/kaicalls/clock/advance HTTP/1.1\r\n"
            + "Host: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
            + body.length(),
        body);
  }

  @Test
  void anAdminClockTargetBeyondRfc3339Is400InTheEnvelopeNamingTo() {
    RawHttp.Reply reply = advanceClock("{\"to\":\"" + TOO_LATE + "\"}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorParam()).isEqualTo("to");
    assertThat(reply.json().path("error").path("request_id").asText()).startsWith("req_");
  }

  @Test
  void anOverflowingAdminClockAdvanceIs400NamingSeconds() {
    RawHttp.Reply reply = advanceClock("{\"seconds\":1e400}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorParam()).isEqualTo("seconds");
  }

  @Test
  void aBadCreatedBeforeNamesCreatedBefore() {
    ApiClient.Reply reply = demo().get("/v1/communication-runs?created_before=bad");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorParam()).isEqualTo("created_before");
  }
}
