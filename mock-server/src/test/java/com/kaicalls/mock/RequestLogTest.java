package com.kaicalls.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /__admin/kaicalls/requests}: a bounded ring of recent API requests, secrets masked.
 */
class RequestLogTest {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final Instant WALL = Instant.parse("2026-11-30T09:00:00Z");

  private KaiCallsMockServer mock;
  private ApiClient api;

  private void start(int size) {
    mock =
        KaiCallsMockServer.start(
            MockServerOptions.builder()
                .port(0)
                .clockMode(ClockMode.MANUAL)
                .startTime(Instant.parse("2026-12-01T15:00:00Z"))
                .clock(new MutableClock(WALL))
                .requestLogSize(size)
                .build());
    api = new ApiClient(mock.baseUrl(), mock.apiKey());
  }

  @AfterEach
  void stop() {
    if (mock != null) {
      mock.close();
    }
  }

  private HttpResponse<String> admin(String pathAndQuery) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/__admin/kaicalls/" + pathAndQuery))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode log(String query) throws Exception {
    HttpResponse<String> response = admin("requests" + query);
    assertThat(response.statusCode()).isEqualTo(200);
    return ApiClient.JSON.readTree(response.body());
  }

  @Test
  void eachEntryHasTheDocumentedFieldsNewestFirstWithWallClockTime() throws Exception {
    start(1000);
    api.get("/v1/agents?limit=2");
    api.get("/v1/me");

    JsonNode list = log("");

    assertThat(list.path("object").asText()).isEqualTo("list");
    JsonNode newest = list.path("data").get(0);
    List<String> fields = new ArrayList<>();
    newest.fieldNames().forEachRemaining(fields::add);
    assertThat(fields)
        .containsExactly(
            "id",
            "time",
            "method",
            "path",
            "query",
            "status",
            "key_id",
            "workspace_id",
            "request_id",
            "idempotency_key",
            "idempotent_replayed",
            "duration_ms",
            "request_body",
            "response_body",
            "truncated");
    assertThat(newest.path("path").asText()).isEqualTo("/v1/me");
    assertThat(newest.path("query").isNull()).isTrue();
    assertThat(newest.path("time").asText()).isEqualTo("2026-11-30T09:00:00Z");
    assertThat(newest.path("key_id").asText()).isEqualTo("key_demo_full");
    assertThat(newest.path("workspace_id").asText()).isEqualTo("ws_demo");
    assertThat(newest.path("response_body").path("object").isMissingNode()).isFalse();
    JsonNode older = list.path("data").get(1);
    assertThat(older.path("path").asText()).isEqualTo("/v1/agents");
    assertThat(older.path("query").asText()).isEqualTo("limit=2");
    assertThat(older.path("request_id").asText()).startsWith("req_");
  }

  @Test
  void aCreateShowsItsIdempotencyKeyAndItsRetryIsMarkedReplayed() throws Exception {
    start(1000);
    String agent = Runs.agent(api);
    ApiClient.Reply first =
        api.post("/v1/communication-runs", Runs.body(agent, "+14155550100"), Runs.key("log-1"));
    api.post("/v1/communication-runs", Runs.body(agent, "+14155550100"), Runs.key("log-1"));

    JsonNode data = log("?limit=2").path("data");

    assertThat(data).hasSize(2);
    assertThat(data.get(0).path("idempotent_replayed").asBoolean()).isTrue();
    assertThat(data.get(1).path("idempotent_replayed").asBoolean()).isFalse();
    assertThat(data.get(1).path("idempotency_key").asText()).isEqualTo("log-1");
    assertThat(data.get(1).path("status").asInt()).isEqualTo(201);
    assertThat(data.get(1).path("request_id").asText()).isEqualTo(first.header("Request-Id"));
    assertThat(data.get(1).path("request_body").path("recipients").get(0).path("phone").asText())
        .isEqualTo("+14155550100");
  }

  @Test
  void anAuthenticationFailureIsLoggedWithoutAKeyAndTheAuthorizationHeaderIsNeverKept()
      throws Exception {
    start(1000);
    api.withKey("kc_test_wrongWrongWrong123").get("/v1/me");

    HttpResponse<String> raw = admin("requests");
    JsonNode entry = ApiClient.JSON.readTree(raw.body()).path("data").get(0);

    assertThat(entry.path("status").asInt()).isEqualTo(401);
    assertThat(entry.path("key_id").isNull()).isTrue();
    assertThat(entry.path("workspace_id").isNull()).isTrue();
    assertThat(raw.body()).doesNotContain("kc_test_wrongWrongWrong123", "Authorization");
  }

  @Test
  void mintedKeyAndWebhookSecretsAreMaskedToTheirPrefixAndLastThreeCharacters() throws Exception {
    start(1000);
    String secret =
        api.post("/v1/api-keys", Map.of("name", "ci", "scopes", List.of("agents:read")))
            .json()
            .path("secret")
            .asText();
    String whsec =
        api.post(
                "/v1/webhook-subscriptions",
                Map.of("url", "https://hooks.example.com/k", "event_types", List.of("*")))
            .json()
            .path("secret")
            .asText();

    HttpResponse<String> raw = admin("requests?limit=2");
    JsonNode data = ApiClient.JSON.readTree(raw.body()).path("data");

    assertThat(raw.body()).doesNotContain(secret, whsec, mock.apiKey());
    assertThat(data.get(0).path("response_body").path("secret").asText())
        .isEqualTo("whsec_…" + whsec.substring(whsec.length() - 3));
    assertThat(data.get(1).path("response_body").path("secret").asText())
        .isEqualTo("kc_test_…" + secret.substring(secret.length() - 3));
  }

  @Test
  void aSecretInsideARequestBodyIsMaskedToo() throws Exception {
    start(1000);
    api.post(
        "/v1/communication-runs/validate",
        Map.of("name", "kc_live_abcdefghijkLMN and whsec_QUJDREVGR0hJSktM"));

    String body = admin("requests?limit=1").body();

    assertThat(body)
        .contains("kc_live_…LMN and whsec_…ktM")
        .doesNotContain("abcdefghijkLMN", "QUJDREVGR0hJSktM");
  }

  @Test
  void aBinaryResponseIsDescribedAndATextBodyIsKeptAsAString() throws Exception {
    start(1000);
    String recording = api.get("/v1/recordings").json().path("data").get(0).path("id").asText();
    api.get("/v1/recordings/" + recording + "/content");
    api.send("POST", "/v1/communication-runs/validate", "{not json", Map.of());

    JsonNode data = log("?limit=2").path("data");

    assertThat(data.get(1).path("response_body").asText()).matches("\\(\\d+ bytes of audio/wav\\)");
    assertThat(data.get(0).path("status").asInt()).isEqualTo(400);
    assertThat(data.get(0).path("request_body").asText()).isEqualTo("{not json");
  }

  @Test
  void theRingKeepsOnlyTheMostRecentRequestsAndALimitBeyondItIs400() throws Exception {
    start(3);
    for (int i = 0; i < 5; i++) {
      api.get("/v1/agents?limit=" + (i + 1));
    }

    JsonNode data = log("").path("data");
    HttpResponse<String> tooMany = admin("requests?limit=4");

    assertThat(data).hasSize(3);
    assertThat(data.get(0).path("query").asText()).isEqualTo("limit=5");
    assertThat(data.get(2).path("query").asText()).isEqualTo("limit=3");
    assertThat(tooMany.statusCode()).isEqualTo(400);
    assertThat(ApiClient.JSON.readTree(tooMany.body()).path("error").path("param").asText())
        .isEqualTo("limit");
  }

  @Test
  void sizeZeroTurnsTheLogOff() throws Exception {
    start(0);
    api.get("/v1/me");

    assertThat(log("").path("data")).isEmpty();
  }

  @Test
  void aBodyOver16KbIsCutAndMarkedTruncated() throws Exception {
    start(1000);
    api.post("/v1/communication-runs/validate", Map.of("name", "x".repeat(40_000)));

    JsonNode entry = log("?limit=1").path("data").get(0);

    assertThat(entry.path("truncated").asBoolean()).isTrue();
    assertThat(entry.path("request_body").isTextual()).isTrue();
    assertThat(entry.path("request_body").asText()).hasSize(16 * 1024);
  }

  @Test
  void theWorkspaceFilterKeepsOneWorkspacesRequests() throws Exception {
    start(1000);
    api.get("/v1/me");
    api.withKey(mock.otherWorkspaceApiKey()).get("/v1/me");

    JsonNode data = log("?workspace=ws_other").path("data");

    assertThat(data).hasSize(1);
    assertThat(data.get(0).path("key_id").asText()).isEqualTo("key_other_full");
  }

  @Test
  void anInjectedStatusFaultIsLogged() throws Exception {
    start(1000);
    mock.faults().inject(FaultRule.on("GET", "/v1/me").status(503));
    api.get("/v1/me");

    JsonNode entry = log("?limit=1").path("data").get(0);

    assertThat(entry.path("status").asInt()).isEqualTo(503);
    assertThat(entry.path("path").asText()).isEqualTo("/v1/me");
  }

  @Test
  void resetEmptiesTheLog() throws Exception {
    start(1000);
    api.get("/v1/me");

    mock.reset();

    assertThat(log("").path("data")).isEmpty();
  }
}
