package com.kaicalls.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.kaicalls.mock.junit.KaiCallsMockExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Faults injected through the admin route and the embedded handle, seen by a plain HTTP client. */
class FaultInjectionTest {

  @RegisterExtension
  static final KaiCallsMockExtension MOCK =
      KaiCallsMockExtension.builder().clockMode(ClockMode.MANUAL).build();

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private static HttpResponse<String> send(
      String method, String path, String body, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(MOCK.baseUrl() + path))
            .header("Authorization", "Bearer " + MOCK.apiKey())
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String runBody() {
    String agent =
        new ApiClient(MOCK.baseUrl(), MOCK.apiKey())
            .get("/v1/agents")
            .json()
            .path("data")
            .get(0)
            .path("id")
            .asText();
    return "{\"name\":\"Faulty\",\"agent_id\":\""
        + agent
        + "\",\"channel\":\"voice\",\"recipients\":[{\"phone\":\"+13125550177\"}]}";
  }

  private static int runCount() {
    return new ApiClient(MOCK.baseUrl(), MOCK.apiKey())
        .get("/v1/communication-runs?limit=100")
        .json()
        .path("data")
        .size();
  }

  @Test
  void commitThenDropAppliesTheChangeResetsTheConnectionAndARetryWithTheSameKeyReplaysIt()
      throws Exception {
    String body = runBody();
    int before = runCount();
    HttpResponse<String> injected =
        send(
            "POST",
            "/__admin/kaicalls/faults",
            "{\"method\":\"POST\",\"path\":\"/v1/communication-runs\",\"count\":1,\"fault\":\"commit_then_drop\"}");

    assertThatThrownBy(
            () -> send("POST", "/v1/communication-runs", body, "Idempotency-Key", "drop-1"))
        .isInstanceOf(IOException.class);
    int afterDrop = runCount();
    HttpResponse<String> retry =
        send("POST", "/v1/communication-runs", body, "Idempotency-Key", "drop-1");

    assertThat(injected.statusCode()).isEqualTo(201);
    assertThat(afterDrop).isEqualTo(before + 1);
    assertThat(retry.statusCode()).isEqualTo(201);
    assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(runCount()).isEqualTo(before + 1);
  }

  @Test
  void aConnectionResetDropsTheRequestWithoutApplyingIt(KaiCallsMockServer mock) throws Exception {
    String body = runBody();
    int before = runCount();
    mock.faults().inject(FaultRule.on("POST", "/v1/communication-runs").connectionReset());

    assertThatThrownBy(
            () -> send("POST", "/v1/communication-runs", body, "Idempotency-Key", "reset-1"))
        .isInstanceOf(IOException.class);

    assertThat(runCount()).isEqualTo(before);
    assertThat(
            send("POST", "/v1/communication-runs", body, "Idempotency-Key", "reset-1").statusCode())
        .isEqualTo(201);
  }

  @Test
  void statusFaultsAnswerTheNextNRequestsWithAnErrorAndRetryAfter(KaiCallsMockServer mock)
      throws Exception {
    mock.faults()
        .inject(FaultRule.on("GET", "/v1/leads*").times(2).status(429, Duration.ofSeconds(7)));

    ApiClient api = new ApiClient(MOCK.baseUrl(), MOCK.apiKey());
    ApiClient.Reply first = api.get("/v1/leads");
    ApiClient.Reply second = api.get("/v1/leads?limit=1");
    ApiClient.Reply third = api.get("/v1/leads");

    assertThat(first.status()).isEqualTo(429);
    assertThat(first.header("Retry-After")).isEqualTo("7");
    assertThat(first.errorCode()).isEqualTo("rate_limited");
    assertThat(second.status()).isEqualTo(429);
    assertThat(third.status()).isEqualTo(200);
  }

  @Test
  void a503FaultIsAnApiErrorThatChangesNothing(KaiCallsMockServer mock) throws Exception {
    String body = runBody();
    int before = runCount();
    mock.faults().inject(FaultRule.on("POST", "/v1/communication-runs").status(503));

    // Plain client: openapi.yaml declares no 503 for this operation (reported as a spec gap).
    HttpResponse<String> reply =
        send("POST", "/v1/communication-runs", body, "Idempotency-Key", "503-1");

    assertThat(reply.statusCode()).isEqualTo(503);
    assertThat(ApiClient.JSON.readTree(reply.body()).path("error").path("type").asText())
        .isEqualTo("api_error");
    assertThat(runCount()).isEqualTo(before);
  }

  @Test
  void aDelayFaultAnswersNormallyButLate(KaiCallsMockServer mock) throws Exception {
    mock.faults().inject(FaultRule.on(null, "/v1/me").delay(Duration.ofMillis(300)));

    long started = System.nanoTime();
    HttpResponse<String> reply = send("GET", "/v1/me", null);
    long elapsedMs = (System.nanoTime() - started) / 1_000_000;

    assertThat(reply.statusCode()).isEqualTo(200);
    assertThat(elapsedMs).isGreaterThanOrEqualTo(300);
  }

  @Test
  void deleteClearsFaultsAndBadRulesAre400() throws Exception {
    send(
        "POST",
        "/__admin/kaicalls/faults",
        "{\"path\":\"/v1/me\",\"count\":3,\"fault\":\"status\",\"status\":500}");

    HttpResponse<String> bad =
        send("POST", "/__admin/kaicalls/faults", "{\"path\":\"/v1/me\",\"fault\":\"explode\"}");
    HttpResponse<String> listed = send("GET", "/__admin/kaicalls/faults", null);
    HttpResponse<String> cleared = send("DELETE", "/__admin/kaicalls/faults", null);

    assertThat(bad.statusCode()).isEqualTo(400);
    JsonNode faults = ApiClient.JSON.readTree(listed.body()).path("faults");
    assertThat(faults).hasSize(1);
    assertThat(faults.get(0).path("count").asInt()).isEqualTo(3);
    assertThat(ApiClient.JSON.readTree(cleared.body()).path("cleared").asInt()).isEqualTo(1);
    assertThat(send("GET", "/v1/me", null).statusCode()).isEqualTo(200);
  }
}
