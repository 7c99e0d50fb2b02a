package com.kaicalls.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET|POST /__admin/kaicalls/snapshot}, {@code seedFile} and {@code snapshotOnExit}. */
class SnapshotTest {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final Instant START = Instant.parse("2026-12-01T15:00:00Z");

  @TempDir Path dir;

  private final java.util.List<KaiCallsMockServer> servers = new java.util.ArrayList<>();

  @AfterEach
  void stop() {
    servers.forEach(KaiCallsMockServer::close);
  }

  private KaiCallsMockServer start(MockServerOptions.Builder options) {
    KaiCallsMockServer server =
        KaiCallsMockServer.start(
            options.port(0).clockMode(ClockMode.MANUAL).startTime(START).build());
    servers.add(server);
    return server;
  }

  private KaiCallsMockServer start() {
    return start(MockServerOptions.builder());
  }

  /**
   * A run created with an idempotency key, advanced so that calls are in progress and timers
   * pending.
   */
  private static String busy(KaiCallsMockServer mock) {
    ApiClient api = new ApiClient(mock.baseUrl(), mock.apiKey());
    String run =
        api.post(
                "/v1/communication-runs",
                Runs.body(Runs.agent(api), "+14155550100", "+14155550102"),
                Runs.key("snap-1"))
            .json()
            .path("id")
            .asText();
    mock.advanceClock(Duration.ofSeconds(10));
    return run;
  }

  private static HttpResponse<String> restore(KaiCallsMockServer mock, String snapshot)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/__admin/kaicalls/snapshot"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(snapshot))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<byte[]> take(KaiCallsMockServer mock) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/__admin/kaicalls/snapshot")).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void aSnapshotRestoredAndTakenAgainIsByteIdentical() throws Exception {
    KaiCallsMockServer mock = start();
    busy(mock);
    byte[] first = take(mock).body();

    HttpResponse<String> restored = restore(mock, new String(first, StandardCharsets.UTF_8));
    byte[] second = take(mock).body();

    assertThat(restored.statusCode()).isEqualTo(200);
    assertThat(second).isEqualTo(first);
  }

  @Test
  void theSnapshotHasAVersionTheClockAndEachWorkspacesDocumentsTimersIncluded() throws Exception {
    KaiCallsMockServer mock = start();
    busy(mock);

    HttpResponse<byte[]> response = take(mock);
    JsonNode snapshot = ApiClient.JSON.readTree(response.body());

    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(snapshot.path("version").asText()).isEqualTo("kaicalls-snapshot/1");
    assertThat(snapshot.path("clock").path("now").asText()).isEqualTo("2026-12-01T15:00:10Z");
    assertThat(snapshot.path("id_sequence").asLong()).isPositive();
    JsonNode demo = snapshot.path("workspaces").get(0);
    assertThat(demo.path("id").asText()).isEqualTo("ws_demo");
    assertThat(demo.path("documents").path("communication_run")).isNotEmpty();
    assertThat(demo.path("documents").path("_timer")).isNotEmpty();
    assertThat(demo.path("documents").path("_idempotency")).hasSize(1);
  }

  @Test
  void apiKeysAreKeptAsHashesNeverAsSecrets() throws Exception {
    KaiCallsMockServer mock = start();

    String snapshot = new String(take(mock).body(), StandardCharsets.UTF_8);

    assertThat(snapshot)
        .doesNotContain(mock.apiKey(), mock.otherWorkspaceApiKey())
        .contains("sha256");
  }

  @Test
  void restoringReplacesTheStateInAnotherServerAndItContinuesFromIt() throws Exception {
    KaiCallsMockServer source = start();
    String run = busy(source);
    byte[] snapshot = take(source).body();
    KaiCallsMockServer target = start(MockServerOptions.builder().seed(Seed.EMPTY));
    ApiClient api = new ApiClient(target.baseUrl(), target.apiKey());

    restore(target, new String(snapshot, StandardCharsets.UTF_8));
    ApiClient.Reply retry =
        api.post(
            "/v1/communication-runs",
            Runs.body(Runs.agent(api), "+14155550100", "+14155550102"),
            Runs.key("snap-1"));
    target.advanceClock(Duration.ofMinutes(30));

    assertThat(target.clock().instant()).isEqualTo(Instant.parse("2026-12-01T15:30:10Z"));
    assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(retry.json().path("id").asText()).isEqualTo(run);
    assertThat(api.get("/v1/communication-runs/" + run).json().path("status").asText())
        .isEqualTo("completed");
  }

  @Test
  void deliveryAttemptsStoredBeforeResponseHeadersWereRecordedAreServedWithNullResponseHeaders()
      throws Exception {
    KaiCallsMockServer mock = start();
    ObjectNode snapshot = (ObjectNode) ApiClient.JSON.readTree(take(mock).body());
    int stripped = 0;
    for (JsonNode workspace : snapshot.path("workspaces")) {
      for (JsonNode delivery : workspace.path("documents").path("event_delivery")) {
        for (JsonNode attempt : delivery.path("attempts")) {
          stripped += ((ObjectNode) attempt).remove("response_headers") == null ? 0 : 1;
        }
      }
    }

    assertThat(restore(mock, snapshot.toString()).statusCode()).isEqualTo(200);

    assertThat(stripped).isPositive();
    JsonNode attempts =
        new ApiClient(mock.baseUrl(), mock.apiKey())
            .get("/v1/event-deliveries")
            .json()
            .findValue("attempts");
    assertThat(attempts)
        .isNotEmpty()
        .allSatisfy(a -> assertThat(a.get("response_headers").isNull()).isTrue());
  }

  @Test
  void subscriptionsStoredBeforeAgenciesAreServedWithIncludeClientWorkspacesFalse()
      throws Exception {
    KaiCallsMockServer mock = start();
    ObjectNode snapshot = (ObjectNode) ApiClient.JSON.readTree(take(mock).body());
    int stripped = 0;
    for (JsonNode workspace : snapshot.path("workspaces")) {
      for (JsonNode sub : workspace.path("documents").path("webhook_subscription")) {
        stripped += ((ObjectNode) sub).remove("include_client_workspaces") == null ? 0 : 1;
      }
    }

    assertThat(restore(mock, snapshot.toString()).statusCode()).isEqualTo(200);

    assertThat(stripped).isPositive();
    JsonNode subscriptions =
        new ApiClient(mock.baseUrl(), mock.apiKey()).get("/v1/webhook-subscriptions").json();
    assertThat(subscriptions.path("data"))
        .isNotEmpty()
        .allSatisfy(s -> assertThat(s.get("include_client_workspaces").asBoolean(true)).isFalse());
  }

  @Test
  void restoringForgetsWhatWasCreatedAfterTheSnapshot() throws Exception {
    KaiCallsMockServer mock = start();
    byte[] before = take(mock).body();
    String run = busy(mock);

    restore(mock, new String(before, StandardCharsets.UTF_8));

    assertThat(
            new ApiClient(mock.baseUrl(), mock.apiKey())
                .get("/v1/communication-runs/" + run)
                .status())
        .isEqualTo(404);
    assertThat(take(mock).body()).isEqualTo(before);
  }

  @Test
  void aSnapshotOfAnotherVersionIs400NamingVersionAndChangesNothing() throws Exception {
    KaiCallsMockServer mock = start();
    busy(mock);
    byte[] before = take(mock).body();
    ObjectNode other = (ObjectNode) ApiClient.JSON.readTree(before);
    other.put("version", "kaicalls-snapshot/2");
    ((ArrayNode) other.path("workspaces")).removeAll();

    HttpResponse<String> response = restore(mock, other.toString());
    JsonNode error = ApiClient.JSON.readTree(response.body()).path("error");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(error.path("param").asText()).isEqualTo("version");
    assertThat(error.path("code").asText()).isEqualTo("snapshot_version_unsupported");
    assertThat(error.path("message").asText())
        .contains("kaicalls-snapshot/1", "kaicalls-snapshot/2");
    assertThat(take(mock).body()).isEqualTo(before);
  }

  @Test
  void aDocumentWithoutAnIdIs400NamingItsPathAndChangesNothing() throws Exception {
    KaiCallsMockServer mock = start();
    byte[] before = take(mock).body();
    ObjectNode broken = (ObjectNode) ApiClient.JSON.readTree(before);
    ((ObjectNode) broken.path("workspaces").get(0).path("documents").path("agent").get(1))
        .remove("id");

    HttpResponse<String> response = restore(mock, broken.toString());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(ApiClient.JSON.readTree(response.body()).path("error").path("param").asText())
        .isEqualTo("workspaces[0].documents.agent[1].id");
    assertThat(take(mock).body()).isEqualTo(before);
  }

  @Test
  void aSnapshotOverTheApisOneMegabyteLimitIsRestored() throws Exception {
    KaiCallsMockServer mock = start();
    ObjectNode big = (ObjectNode) ApiClient.JSON.readTree(take(mock).body());
    ((ObjectNode) big.path("workspaces").get(0).path("documents").path("agent").get(0))
        .put("description", "d".repeat(2 * 1024 * 1024));

    HttpResponse<String> response = restore(mock, big.toString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(
            new ApiClient(mock.baseUrl(), mock.apiKey())
                .get("/v1/agents")
                .json()
                .path("data")
                .get(0)
                .path("description")
                .asText())
        .hasSize(2 * 1024 * 1024);
  }

  @Test
  void aSnapshotOver64MegabytesIs413BeforeItIsRead() {
    KaiCallsMockServer mock = start();

    RawHttp.Reply reply =
        RawHttp.send(
            mock.port(),
            "POST /__admin/kaicalls/snapshot HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nContent-Length: "
                + (64L * 1024 * 1024 + 1),
            null);

    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.errorCode()).isEqualTo("payload_too_large");
    assertThat(reply.json().path("error").path("message").asText()).contains("64 MB");
  }

  @Test
  void aBodyThatIsNotJsonIs400InvalidJson() throws Exception {
    KaiCallsMockServer mock = start();

    HttpResponse<String> response = restore(mock, "{\"version\":");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(ApiClient.JSON.readTree(response.body()).path("error").path("code").asText())
        .isEqualTo("invalid_json");
  }

  @Test
  void aRestoreWithADataDirectoryIsWhatARestartContinuesFrom() throws Exception {
    KaiCallsMockServer source = start();
    busy(source);
    byte[] snapshot = take(source).body();
    KaiCallsMockServer durable = start(MockServerOptions.builder().dataDir(dir.resolve("data")));
    restore(durable, new String(snapshot, StandardCharsets.UTF_8));
    durable.close();
    servers.remove(durable);

    KaiCallsMockServer restarted = start(MockServerOptions.builder().dataDir(dir.resolve("data")));

    assertThat(take(restarted).body()).isEqualTo(snapshot);
  }

  @Test
  void aSeedFileIsWhereTheServerStartsAndWhereResetReturns() throws Exception {
    KaiCallsMockServer source = start();
    String run = busy(source);
    byte[] snapshot = take(source).body();
    Path seed = Files.write(dir.resolve("seed.json"), snapshot);

    KaiCallsMockServer seeded = start(MockServerOptions.builder().seedFile(seed));
    byte[] atStart = take(seeded).body();
    seeded.advanceClock(Duration.ofHours(1));
    seeded.reset();

    assertThat(atStart).isEqualTo(snapshot);
    assertThat(take(seeded).body()).isEqualTo(snapshot);
    assertThat(
            new ApiClient(seeded.baseUrl(), seeded.apiKey())
                .get("/v1/communication-runs/" + run)
                .status())
        .isEqualTo(200);
  }

  @Test
  void aSeedFileTakenWithOtherKeysStillAcceptsThisServersKeys() throws Exception {
    KaiCallsMockServer source =
        start(MockServerOptions.builder().apiKey("kc_test_someoneElses1234"));
    Path seed = Files.write(dir.resolve("seed.json"), take(source).body());

    KaiCallsMockServer seeded = start(MockServerOptions.builder().seedFile(seed));

    assertThat(new ApiClient(seeded.baseUrl(), seeded.apiKey()).get("/v1/me").status())
        .isEqualTo(200);
    assertThat(new ApiClient(seeded.baseUrl(), "kc_test_someoneElses1234").get("/v1/me").status())
        .isEqualTo(401);
  }

  @Test
  void anUnreadableSeedFileStopsTheStartWithOneLineNamingTheFileAndField() throws Exception {
    Path seed = Files.writeString(dir.resolve("old.json"), "{\"version\":\"kaicalls-snapshot/0\"}");

    assertThatThrownBy(() -> start(MockServerOptions.builder().seedFile(seed)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(seed.toString())
        .hasMessageContaining("(at version)")
        .hasMessageNotContaining("\n");
  }

  @Test
  void closingWritesTheSnapshotAskedForOnExit() throws Exception {
    Path exit = dir.resolve("exit.json");
    KaiCallsMockServer mock = start(MockServerOptions.builder().snapshotOnExit(exit));
    busy(mock);
    byte[] last = take(mock).body();

    mock.close();

    assertThat(Files.readAllBytes(exit)).isEqualTo(last);
  }
}
