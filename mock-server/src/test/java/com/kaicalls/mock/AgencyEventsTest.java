package com.kaicalls.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.kaicalls.mock.junit.KaiCallsMockExtension;
import com.kaicalls.webhooks.WebhookVerifier;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo agency (ws_agency, clients ws_demo and ws_lakeside; ws_other standalone) and the events
 * of its clients through the API: subscriptions that include clients, listing, retrieving,
 * replaying and backfilling them. Manual clock, a real receiver on 127.0.0.1.
 */
class AgencyEventsTest {

  private static final Instant T0 = Instant.parse("2026-12-01T15:00:00Z");
  private static final Clock WALL =
      Clock.fixed(Instant.parse("2026-11-30T09:00:00Z"), ZoneOffset.UTC);
  private static final String HEADER = "KaiCalls-Workspace";

  @RegisterExtension
  static final KaiCallsMockExtension MOCK =
      KaiCallsMockExtension.builder().clockMode(ClockMode.MANUAL).startTime(T0).clock(WALL).build();

  private final List<WebhookReceiver> receivers = new ArrayList<>();

  @AfterEach
  void stopReceivers() {
    receivers.forEach(WebhookReceiver::close);
  }

  @Test
  void aSubscriptionIsCreatedWithoutClientWorkspacesUnlessItAsks(KaiCallsMockServer mock) {
    JsonNode plain = subscribe(agency(mock), receiver(), null).json();
    JsonNode including = subscribe(agency(mock), receiver(), true).json();

    assertThat(plain.path("include_client_workspaces").isBoolean()).isTrue();
    assertThat(plain.path("include_client_workspaces").asBoolean()).isFalse();
    assertThat(including.path("include_client_workspaces").asBoolean()).isTrue();
    assertThat(
            agency(mock)
                .get("/v1/webhook-subscriptions/" + including.path("id").asText())
                .json()
                .path("include_client_workspaces")
                .asBoolean())
        .isTrue();
  }

  @Test
  void includeClientWorkspacesIsRefusedForAStandaloneWorkspace(KaiCallsMockServer mock) {
    ApiClient.Reply reply = subscribe(other(mock), receiver(), true);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorCode()).isEqualTo("parameter_invalid");
    assertThat(reply.errorParam()).isEqualTo("include_client_workspaces");
  }

  @Test
  void includeClientWorkspacesIsRefusedForAClientWorkspaceEvenWhenItsAgencyActsInIt(
      KaiCallsMockServer mock) {
    Map<String, Object> body = subscription(receiver(), true);

    ApiClient.Reply own = demo(mock).post("/v1/webhook-subscriptions", body);
    ApiClient.Reply acting =
        agency(mock).post("/v1/webhook-subscriptions", body, actingIn("ws_demo"));

    assertThat(List.of(own, acting))
        .allSatisfy(
            r -> {
              assertThat(r.status()).isEqualTo(400);
              assertThat(r.errorParam()).isEqualTo("include_client_workspaces");
            });
  }

  @Test
  void anUpdateTurnsIncludeClientWorkspacesOnForAnAgencyOnly(KaiCallsMockServer mock) {
    String agencySub = subscribe(agency(mock), receiver(), null).json().path("id").asText();
    String otherSub = subscribe(other(mock), receiver(), null).json().path("id").asText();
    Map<String, Object> on = Map.of("include_client_workspaces", true);

    ApiClient.Reply agencyReply =
        agency(mock).send("PATCH", "/v1/webhook-subscriptions/" + agencySub, on, Map.of());
    ApiClient.Reply otherReply =
        other(mock).send("PATCH", "/v1/webhook-subscriptions/" + otherSub, on, Map.of());

    assertThat(agencyReply.json().path("include_client_workspaces").asBoolean()).isTrue();
    assertThat(otherReply.status()).isEqualTo(400);
    assertThat(otherReply.errorParam()).isEqualTo("include_client_workspaces");
  }

  @Test
  void aClientsRunReachesTheAgencyEndpointWithTheClientsWorkspaceIdAsTheAgencysDelivery(
      KaiCallsMockServer mock) throws Exception {
    WebhookReceiver endpoint = receiver();
    JsonNode sub = subscribe(agency(mock), endpoint, true, "communication_run.created").json();

    String runId = createRun(demo(mock));
    mock.advanceClock(Duration.ZERO);

    WebhookReceiver.Received request = endpoint.received().get(0);
    verifier(sub.path("secret").asText()).verify(request.body(), request.headers());
    JsonNode event = ApiClient.JSON.readTree(request.body());
    assertThat(event.path("workspace_id").asText()).isEqualTo("ws_demo");
    assertThat(event.path("data").path("object").path("id").asText()).isEqualTo(runId);
    assertThat(deliveryIds(agency(mock), sub)).hasSize(1);
    assertThat(
            demo(mock)
                .get("/v1/event-deliveries?limit=100&subscription_id=" + sub.path("id").asText())
                .json()
                .path("data"))
        .isEmpty();
  }

  @Test
  void afterRotationAClientsEventIsSignedWithTheNewAndThePreviousSecret(KaiCallsMockServer mock)
      throws Exception {
    WebhookReceiver endpoint = receiver();
    JsonNode sub = subscribe(agency(mock), endpoint, true, "communication_run.created").json();
    JsonNode rotated =
        agency(mock)
            .post(
                "/v1/webhook-subscriptions/" + sub.path("id").asText() + "/rotate-secret", Map.of())
            .json();

    createRun(demo(mock));
    mock.advanceClock(Duration.ZERO);

    WebhookReceiver.Received request = endpoint.received().get(0);
    verifier(rotated.path("secret").asText()).verify(request.body(), request.headers());
    verifier(sub.path("secret").asText()).verify(request.body(), request.headers());
  }

  @Test
  void anAgencyListsOnlyItsOwnEventsByDefault(KaiCallsMockServer mock) {
    ownEvent(mock);
    createRun(demo(mock));

    JsonNode events = agency(mock).get("/v1/events?limit=100").json().path("data");

    assertThat(events)
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.path("workspace_id").asText()).isEqualTo("ws_agency"));
  }

  @Test
  void withIncludeClientWorkspacesAnAgencyPagesThroughItsAndEveryClientsEventsOnceInOrder(
      KaiCallsMockServer mock) {
    ownEvent(mock);
    createRun(demo(mock));
    createRun(lakeside(mock));
    ownEvent(mock);
    List<String> expected = new ArrayList<>();
    for (Caller caller :
        List.of(
            new Caller(agency(mock), Map.of()), new Caller(demo(mock), Map.of()), lakeside(mock))) {
      walk(caller, "/v1/events?limit=100").forEach(e -> expected.add(key(e)));
    }
    expected.sort(java.util.Comparator.reverseOrder());

    List<JsonNode> walked = walk(agency(mock), "/v1/events?include_client_workspaces=true&limit=3");

    assertThat(walked.stream().map(AgencyEventsTest::key).toList())
        .containsExactlyElementsOf(expected);
    assertThat(walked.stream().map(e -> e.path("workspace_id").asText()).distinct())
        .containsExactlyInAnyOrder("ws_agency", "ws_demo", "ws_lakeside");
  }

  @Test
  void withWorkspaceIdAnAgencyListsOneClientsEvents(KaiCallsMockServer mock) {
    createRun(demo(mock));
    createRun(lakeside(mock));

    JsonNode events =
        agency(mock).get("/v1/events?limit=100&workspace_id=ws_lakeside").json().path("data");

    assertThat(events)
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.path("workspace_id").asText()).isEqualTo("ws_lakeside"));
  }

  @Test
  void aWorkspaceIdTheKeyMayNotSeeIs404NamingWorkspaceIdWhetherOrNotItExists(
      KaiCallsMockServer mock) {
    List<ApiClient.Reply> replies =
        List.of(
            agency(mock).get("/v1/events?workspace_id=ws_other"),
            agency(mock).get("/v1/events?workspace_id=ws_nope"),
            demo(mock).get("/v1/events?workspace_id=ws_agency"),
            demo(mock).get("/v1/events?workspace_id=ws_lakeside"),
            agency(mock)
                .send("GET", "/v1/events?workspace_id=ws_agency", null, actingIn("ws_demo")));

    assertThat(replies)
        .allSatisfy(
            r -> {
              assertThat(r.status()).isEqualTo(404);
              assertThat(r.errorCode()).isEqualTo("resource_missing");
              assertThat(r.errorParam()).isEqualTo("workspace_id");
            });
  }

  @Test
  void includeClientWorkspacesIsIgnoredForAClientKey(KaiCallsMockServer mock) {
    ownEvent(mock);
    createRun(lakeside(mock));

    JsonNode events =
        demo(mock).get("/v1/events?limit=100&include_client_workspaces=true").json().path("data");

    assertThat(events)
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.path("workspace_id").asText()).isEqualTo("ws_demo"));
  }

  @Test
  void anAgencyRetrievesAClientsEventButNoOtherWorkspaceDoes(KaiCallsMockServer mock) {
    String eventId = firstEventId(demo(mock));

    assertThat(agency(mock).get("/v1/events/" + eventId).json().path("workspace_id").asText())
        .isEqualTo("ws_demo");
    assertThat(other(mock).get("/v1/events/" + eventId).status()).isEqualTo(404);
    assertThat(lakeside(mock).get("/v1/events/" + eventId).status()).isEqualTo(404);
    assertThat(agency(mock).get("/v1/events/evt_nope").status()).isEqualTo(404);
  }

  @Test
  void replayingAClientsEventSendsItToTheAgencySubscriptionsThatIncludeClients(
      KaiCallsMockServer mock) {
    WebhookReceiver including = receiver();
    WebhookReceiver notIncluding = receiver();
    JsonNode sub = subscribe(agency(mock), including, true).json();
    subscribe(agency(mock), notIncluding, false);
    String eventId = firstEventId(demo(mock));

    JsonNode replayed = agency(mock).post("/v1/events/" + eventId + "/replay", Map.of()).json();
    mock.advanceClock(Duration.ZERO);

    assertThat(replayed.path("data"))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.path("subscription_id").asText()).isEqualTo(sub.path("id").asText());
              assertThat(d.path("trigger").asText()).isEqualTo("replay");
            });
    assertThat(including.received()).hasSize(1);
    assertThat(notIncluding.received()).isEmpty();
    assertThat(deliveryIds(agency(mock), sub)).hasSize(1);
  }

  @Test
  void replayingAClientsEventToASubscriptionThatDoesNotIncludeClientsIs400(
      KaiCallsMockServer mock) {
    String subId = subscribe(agency(mock), receiver(), false).json().path("id").asText();
    String eventId = firstEventId(demo(mock));

    ApiClient.Reply reply =
        agency(mock).post("/v1/events/" + eventId + "/replay", Map.of("subscription_id", subId));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorParam()).isEqualTo("subscription_id");
  }

  @Test
  void aBackfillOfAnAgencySubscriptionIncludingClientsCountsEveryClientsEventsInTheWindow(
      KaiCallsMockServer mock) {
    createRun(demo(mock));
    createRun(lakeside(mock));
    long inWindow =
        walk(agency(mock), "/v1/events?include_client_workspaces=true&limit=100").size();
    String subId = subscribe(agency(mock), receiver(), true).json().path("id").asText();

    JsonNode backfill =
        agency(mock)
            .post(
                "/v1/events/backfill",
                Map.of(
                    "subscription_id",
                    subId,
                    "created_after",
                    "2020-01-01T00:00:00Z",
                    "created_before",
                    "2030-01-01T00:00:00Z"))
            .json();
    mock.advanceClock(Duration.ZERO);

    // Events the runs wrote during the advance fall in the window too: the backfill then counts
    // them in its final total.
    JsonNode done = agency(mock).get("/v1/backfills/" + backfill.path("id").asText()).json();
    assertThat(backfill.path("total").asLong()).isEqualTo(inWindow);
    assertThat(done.path("status").asText()).isEqualTo("completed");
    assertThat(done.path("delivered").asLong())
        .isEqualTo(done.path("total").asLong())
        .isGreaterThanOrEqualTo(inWindow);
  }

  @Test
  void anAgencysPendingDeliveryOfAClientsEventIsSentAfterARestart(@TempDir Path data) {
    WebhookReceiver endpoint = receiver().then(503);
    MockServerOptions options =
        MockServerOptions.builder()
            .port(0)
            .clockMode(ClockMode.MANUAL)
            .startTime(T0)
            .clock(WALL)
            .dataDir(data)
            .build();
    String subId;
    try (KaiCallsMockServer first = KaiCallsMockServer.start(options)) {
      subId =
          subscribe(agency(first), endpoint, true, "communication_run.created")
              .json()
              .path("id")
              .asText();
      createRun(demo(first));
      first.advanceClock(Duration.ZERO);
    }

    try (KaiCallsMockServer second = KaiCallsMockServer.start(options)) {
      second.advanceClock(Duration.ofSeconds(5));

      JsonNode delivery =
          agency(second)
              .get("/v1/event-deliveries?subscription_id=" + subId)
              .json()
              .path("data")
              .get(0);
      assertThat(delivery.path("status").asText()).isEqualTo("succeeded");
      assertThat(delivery.path("attempts")).hasSize(2);
    }
    assertThat(endpoint.received()).hasSize(2);
  }

  private WebhookReceiver receiver() {
    WebhookReceiver receiver = new WebhookReceiver();
    receivers.add(receiver);
    return receiver;
  }

  private static ApiClient agency(KaiCallsMockServer mock) {
    return new ApiClient(mock.baseUrl(), mock.agencyApiKey());
  }

  private static ApiClient demo(KaiCallsMockServer mock) {
    return new ApiClient(mock.baseUrl(), mock.apiKey());
  }

  private static ApiClient other(KaiCallsMockServer mock) {
    return new ApiClient(mock.baseUrl(), mock.otherWorkspaceApiKey());
  }

  /** The agency key acting in its second client. */
  private static Caller lakeside(KaiCallsMockServer mock) {
    return new Caller(agency(mock), actingIn("ws_lakeside"));
  }

  /** A client sending the same headers on every request. */
  private record Caller(ApiClient client, Map<String, String> headers) {
    ApiClient.Reply get(String path) {
      return client.send("GET", path, null, headers);
    }

    ApiClient.Reply post(String path, Object body, Map<String, String> more) {
      Map<String, String> all = new HashMap<>(headers);
      all.putAll(more);
      return client.send("POST", path, body, all);
    }
  }

  private static Map<String, String> actingIn(String workspace) {
    return Map.of(HEADER, workspace);
  }

  private static Map<String, Object> subscription(
      WebhookReceiver endpoint, Boolean includeClients, String... types) {
    Map<String, Object> body = new HashMap<>();
    body.put("url", endpoint.url());
    body.put("event_types", types.length == 0 ? List.of("*") : List.of(types));
    if (includeClients != null) {
      body.put("include_client_workspaces", includeClients);
    }
    return body;
  }

  private static ApiClient.Reply subscribe(
      ApiClient client, WebhookReceiver endpoint, Boolean includeClients, String... types) {
    return client.post("/v1/webhook-subscriptions", subscription(endpoint, includeClients, types));
  }

  /** One event in the agency's own workspace (a subscription test). */
  private void ownEvent(KaiCallsMockServer mock) {
    String subId =
        agency(mock)
            .post(
                "/v1/webhook-subscriptions",
                Map.of("url", "https://hooks.example.com/a", "event_types", List.of("lead.*")))
            .json()
            .path("id")
            .asText();
    agency(mock).post("/v1/webhook-subscriptions/" + subId + "/test", Map.of());
  }

  private static String createRun(ApiClient client) {
    return createRun(new Caller(client, Map.of()));
  }

  /** Creates a one-recipient run: a communication_run.created event in the caller's workspace. */
  private static String createRun(Caller caller) {
    String agent = caller.get("/v1/agents").json().path("data").get(0).path("id").asText();
    return caller
        .post(
            "/v1/communication-runs",
            Runs.body(agent, "+13125550177"),
            Runs.key("k-" + System.nanoTime()))
        .json()
        .path("id")
        .asText();
  }

  private static String firstEventId(ApiClient client) {
    return client.get("/v1/events?limit=1").json().path("data").get(0).path("id").asText();
  }

  private static List<String> deliveryIds(ApiClient client, JsonNode sub) {
    List<String> ids = new ArrayList<>();
    client
        .get("/v1/event-deliveries?limit=100&subscription_id=" + sub.path("id").asText())
        .json()
        .path("data")
        .forEach(d -> ids.add(d.path("id").asText()));
    return ids;
  }

  private static List<JsonNode> walk(ApiClient client, String first) {
    return walk(new Caller(client, Map.of()), first);
  }

  /** Every page of a list, following next_cursor. */
  private static List<JsonNode> walk(Caller client, String first) {
    List<JsonNode> all = new ArrayList<>();
    String path = first;
    for (int pages = 0; pages < 1000; pages++) {
      JsonNode page = client.get(path).json();
      page.path("data").forEach(all::add);
      if (!page.path("has_more").asBoolean()) {
        return all;
      }
      path = first + "&cursor=" + page.path("next_cursor").asText();
    }
    throw new AssertionError("the walk did not end");
  }

  /** The list order as a sortable string: created_at, then id (newest first when reversed). */
  private static String key(JsonNode event) {
    return event.path("created_at").asText() + " " + event.path("id").asText();
  }

  private static WebhookVerifier verifier(String secret) {
    return WebhookVerifier.builder().secrets(List.of(secret)).clock(WALL).build();
  }
}
