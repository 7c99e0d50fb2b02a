package com.kaicalls.mock;

import static com.kaicalls.mock.Agencies.HEADER;
import static com.kaicalls.mock.Agencies.actingIn;
import static com.kaicalls.mock.Agencies.ids;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo agency and the {@code KaiCalls-Workspace} header: the seed, acting for a client, what
 * {@code /v1/me} says, and workspaces surviving a restart and a snapshot.
 */
class AgencyTest {

  private static final Instant START = Instant.parse("2026-12-01T15:00:00Z");

  @TempDir Path dir;

  private final List<KaiCallsMockServer> servers = new ArrayList<>();

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

  private static ApiClient agency(KaiCallsMockServer mock) {
    return new ApiClient(mock.baseUrl(), mock.agencyApiKey());
  }

  @Test
  void theAgencyKeyIsItsOwnWorkspacesWithTheDemoWorkspaceAndLakesideAsClients() {
    KaiCallsMockServer mock = start(MockServerOptions.builder());

    JsonNode me = agency(mock).get("/v1/me").json();
    ApiClient.Reply clients = agency(mock).get("/v1/workspaces");

    assertThat(me.path("workspace_id").asText()).isEqualTo("ws_agency");
    assertThat(me.path("workspace_name").asText()).isEqualTo("Northwind Growth Agency");
    assertThat(me.path("workspace_kind").asText()).isEqualTo("agency");
    assertThat(me.path("acting_workspace_id").isNull()).isTrue();
    assertThat(ids(clients)).containsExactlyInAnyOrder("ws_demo", "ws_lakeside");
    clients
        .json()
        .path("data")
        .forEach(
            ws -> {
              assertThat(ws.path("kind").asText()).isEqualTo("client");
              assertThat(ws.path("parent_workspace_id").asText()).isEqualTo("ws_agency");
            });
  }

  @Test
  void theDemoKeyIsAClientWorkspacesKeyAndTheOtherKeyStaysStandalone() {
    KaiCallsMockServer mock = start(MockServerOptions.builder());
    ApiClient demo = new ApiClient(mock.baseUrl(), mock.apiKey());

    JsonNode me = demo.get("/v1/me").json();
    JsonNode other = demo.withKey(mock.otherWorkspaceApiKey()).get("/v1/me").json();

    assertThat(me.path("workspace_id").asText()).isEqualTo("ws_demo");
    assertThat(me.path("workspace_kind").asText()).isEqualTo("client");
    assertThat(other.path("workspace_kind").asText()).isEqualTo("standalone");
  }

  @Test
  void withTheHeaderTheAgencyKeySeesExactlyTheClientsData() {
    KaiCallsMockServer mock = start(MockServerOptions.builder());
    ApiClient demo = new ApiClient(mock.baseUrl(), mock.apiKey());

    ApiClient.Reply asDemo =
        agency(mock).send("GET", "/v1/leads?limit=100", null, actingIn("ws_demo"));
    ApiClient.Reply asLakeside =
        agency(mock).send("GET", "/v1/agents", null, actingIn("ws_lakeside"));
    ApiClient.Reply own = agency(mock).get("/v1/leads");

    assertThat(ids(asDemo)).isNotEmpty().isEqualTo(ids(demo.get("/v1/leads?limit=100")));
    assertThat(asLakeside.json().path("data")).hasSize(2);
    assertThat(ids(asLakeside)).doesNotContainAnyElementsOf(ids(demo.get("/v1/agents")));
    assertThat(own.json().path("data")).isEmpty();
  }

  @Test
  void meNamesTheKeysOwnWorkspaceAndTheOneItActsIn() {
    KaiCallsMockServer mock = start(MockServerOptions.builder());

    JsonNode me = agency(mock).send("GET", "/v1/me", null, actingIn("ws_lakeside")).json();

    assertThat(me.path("workspace_id").asText()).isEqualTo("ws_agency");
    assertThat(me.path("acting_workspace_id").asText()).isEqualTo("ws_lakeside");
  }

  @Test
  void aRunLaunchedForAClientBelongsToTheClient() {
    KaiCallsMockServer mock = start(MockServerOptions.builder());
    ApiClient agency = agency(mock);
    String agent =
        agency
            .send("GET", "/v1/agents", null, actingIn("ws_lakeside"))
            .json()
            .path("data")
            .get(0)
            .path("id")
            .asText();
    Map<String, String> headers = new java.util.HashMap<>(Runs.key("agency-run-1"));
    headers.put(HEADER, "ws_lakeside");

    ApiClient.Reply run =
        agency.send(
            "POST",
            "/v1/communication-runs",
            Runs.body(agent, "+14155550100", "+14155550102"),
            headers);

    assertThat(run.status()).isEqualTo(201);
    String id = run.json().path("id").asText();
    assertThat(agency.send("GET", "/v1/communication-runs/" + id, null, actingIn("ws_lakeside")))
        .extracting(ApiClient.Reply::status)
        .isEqualTo(200);
    assertThat(agency.get("/v1/communication-runs/" + id).status()).isEqualTo(404);
    assertThat(
            new ApiClient(mock.baseUrl(), mock.apiKey())
                .get("/v1/communication-runs/" + id)
                .status())
        .isEqualTo(404);
  }

  @Test
  void oneIdempotencyKeyUsedForTwoClientsCreatesOneRunInEach() {
    KaiCallsMockServer mock = start(MockServerOptions.builder());
    List<String> runs = new ArrayList<>();

    for (String client : List.of("ws_demo", "ws_lakeside")) {
      String agent =
          agency(mock)
              .send("GET", "/v1/agents", null, actingIn(client))
              .json()
              .path("data")
              .get(0)
              .path("id")
              .asText();
      Map<String, String> headers = new java.util.HashMap<>(Runs.key("same-key"));
      headers.put(HEADER, client);
      ApiClient.Reply run =
          agency(mock)
              .send("POST", "/v1/communication-runs", Runs.body(agent, "+14155550100"), headers);
      assertThat(run.status()).as(client).isEqualTo(201);
      assertThat(run.header("Idempotent-Replayed")).isNull();
      runs.add(run.json().path("id").asText());
    }

    assertThat(runs.get(0)).isNotEqualTo(runs.get(1));
  }

  @Test
  void everyForbiddenTargetIsTheSame404NamingTheHeader() {
    KaiCallsMockServer mock = start(MockServerOptions.builder());
    ApiClient demo = new ApiClient(mock.baseUrl(), mock.apiKey());
    ApiClient other = demo.withKey(mock.otherWorkspaceApiKey());

    List<ApiClient.Reply> refused =
        List.of(
            agency(mock).send("GET", "/v1/leads", null, actingIn("ws_other")),
            agency(mock).send("GET", "/v1/leads", null, actingIn("ws_agency")),
            agency(mock).send("GET", "/v1/leads", null, actingIn("ws_nope")),
            demo.send("GET", "/v1/leads", null, actingIn("ws_lakeside")),
            demo.send("GET", "/v1/leads", null, actingIn("ws_demo")),
            demo.send("GET", "/v1/leads", null, actingIn("ws_agency")),
            other.send("GET", "/v1/leads", null, actingIn("ws_demo")));

    for (ApiClient.Reply reply : refused) {
      assertThat(reply.status()).isEqualTo(404);
      assertThat(reply.errorCode()).isEqualTo("resource_missing");
      assertThat(reply.errorParam()).isEqualTo(HEADER);
      assertThat(reply.json().path("error").path("message").asText())
          .matches("No workspace with id `ws_[a-z]+` that this key may act in\\.");
    }
  }

  @Test
  void theRequestLogFilesAnActingRequestUnderTheClientWithTheAgencysKey() {
    KaiCallsMockServer mock = start(MockServerOptions.builder());

    agency(mock).send("GET", "/v1/leads", null, actingIn("ws_demo"));

    LoggedRequest logged = mock.admin().requests(1).get(0);
    assertThat(logged.workspaceId()).isEqualTo("ws_demo");
    assertThat(logged.keyId()).isEqualTo("key_agency_full");
  }

  @Test
  void anEmptySeedHasTheAgencyAndItsClientsWithoutData() {
    KaiCallsMockServer mock = start(MockServerOptions.builder().seed(Seed.EMPTY));

    ApiClient.Reply clients = agency(mock).get("/v1/workspaces");
    ApiClient.Reply agents = agency(mock).send("GET", "/v1/agents", null, actingIn("ws_lakeside"));

    assertThat(ids(clients)).containsExactlyInAnyOrder("ws_demo", "ws_lakeside");
    assertThat(agents.status()).isEqualTo(200);
    assertThat(agents.json().path("data")).isEmpty();
  }

  @Test
  void theAdminKeysListTheAgencyAndItsKey() {
    KaiCallsMockServer mock = start(MockServerOptions.builder());

    MockKeys keys = KaiCallsMockAdmin.connect(mock.baseUrl()).keys();

    assertThat(keys.agencyWorkspaceId()).isEqualTo("ws_agency");
    assertThat(keys.agencyApiKey()).isEqualTo(MockServerOptions.DEFAULT_AGENCY_API_KEY);
  }

  @Test
  void aClientWorkspaceCreatedThroughTheApiSurvivesARestartWithItsKey() {
    Path data = dir.resolve("data");
    KaiCallsMockServer first = start(MockServerOptions.builder().dataDir(data));
    String client =
        agency(first)
            .post("/v1/workspaces", Map.of("name", "Harbor Dental"))
            .json()
            .path("id")
            .asText();
    String secret =
        agency(first)
            .send(
                "POST",
                "/v1/api-keys",
                Map.of("name", "Harbor key", "scopes", List.of("leads:read")),
                actingIn(client))
            .json()
            .path("secret")
            .asText();
    first.close();
    servers.remove(first);

    KaiCallsMockServer second = start(MockServerOptions.builder().dataDir(data));

    assertThat(agency(second).get("/v1/workspaces/" + client).json().path("name").asText())
        .isEqualTo("Harbor Dental");
    JsonNode me = new ApiClient(second.baseUrl(), secret).get("/v1/me").json();
    assertThat(me.path("workspace_id").asText()).isEqualTo(client);
    assertThat(me.path("workspace_kind").asText()).isEqualTo("client");
  }

  @Test
  void aClientWorkspaceCreatedThroughTheApiRoundTripsThroughASnapshot() {
    KaiCallsMockServer first = start(MockServerOptions.builder());
    String client =
        agency(first)
            .post("/v1/workspaces", Map.of("name", "Harbor Dental", "metadata", Map.of("crm", "7")))
            .json()
            .path("id")
            .asText();
    agency(first)
        .send(
            "POST",
            "/v1/api-keys",
            Map.of("name", "Harbor key", "scopes", List.of("leads:read")),
            actingIn(client));
    byte[] snapshot = first.admin().snapshotBytes();

    KaiCallsMockServer second = start(MockServerOptions.builder());
    second.admin().restoreSnapshot(snapshot);

    JsonNode restored = agency(second).get("/v1/workspaces/" + client).json();
    assertThat(restored.path("metadata").path("crm").asText()).isEqualTo("7");
    assertThat(
            agency(second).send("GET", "/v1/api-keys", null, actingIn(client)).json().path("data"))
        .hasSize(1);
    assertThat(second.admin().snapshotBytes()).isEqualTo(snapshot);
  }
}
