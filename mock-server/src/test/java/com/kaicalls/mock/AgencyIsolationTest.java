package com.kaicalls.mock;

import static com.kaicalls.mock.Agencies.HEADER;
import static org.assertj.core.api.Assertions.assertThat;

import com.kaicalls.mock.junit.KaiCallsMockExtension;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operation of openapi.yaml (read from the spec, so a new route cannot skip it) under the
 * agency rules: an agency key in its own workspace sees none of its clients' objects; acting for a
 * client with {@code KaiCalls-Workspace} it gets exactly what the client's own key gets; and every
 * target a key may not act in is the same 404 naming the header, whether or not it exists. Every
 * response is also checked against openapi.yaml by {@link ApiClient}.
 */
class AgencyIsolationTest {

  @RegisterExtension
  static final KaiCallsMockExtension MOCK = KaiCallsMockExtension.builder().build();

  /** A key (by name) sending the header for a workspace it may not act in. */
  private record Refusal(String key, String target) {}

  private static final List<Refusal> REFUSALS =
      List.of(
          new Refusal("agency", "ws_other"), // a standalone workspace, not its client
          new Refusal("agency", "ws_nope"), // an unknown id
          new Refusal("agency", "ws_agency"), // itself: the header names clients only
          new Refusal("demo", "ws_lakeside"), // a client, for its sibling
          new Refusal("demo", "ws_agency"), // a client, for its agency
          new Refusal("demo", "ws_demo"), // a client, for itself
          new Refusal("other", "ws_demo"), // a standalone workspace, for someone's client
          new Refusal("other", "ws_other")); // a standalone workspace, for itself

  /**
   * The operations by id that reach an agency's clients without the header: its client workspaces
   * themselves, and their events (an agency's view of events includes its clients', see the spec's
   * "Agencies and client workspaces").
   */
  private static final Set<String> AGENCY_WIDE =
      Set.of("getWorkspace", "updateWorkspace", "getEvent", "replayEvent");

  static Stream<SpecOperations.Op> operations() {
    return SpecOperations.all().stream();
  }

  private static ApiClient demo() {
    return new ApiClient(MOCK.baseUrl(), MOCK.apiKey());
  }

  private static ApiClient key(String name) {
    KaiCallsMockServer server = MOCK.server();
    return demo()
        .withKey(
            switch (name) {
              case "agency" -> server.agencyApiKey();
              case "other" -> server.otherWorkspaceApiKey();
              default -> server.apiKey();
            });
  }

  /** A valid body for the demo workspace's objects (ids read with the demo key), or none. */
  private static Object bodyFor(SpecOperations.Op op, ApiClient demo) {
    return switch (op.operationId()) {
      case "createApiKey" -> Map.of("name", "Isolation key", "scopes", List.of("leads:read"));
      case "createWorkspace" -> Map.of("name", "Isolation client");
      case "updateWorkspace" -> Map.of("name", "Renamed");
      case "createWebhookSubscription" ->
          Map.of("url", "https://hooks.example.com/isolation", "event_types", List.of("*"));
      case "updateWebhookSubscription" -> Map.of("description", "Renamed");
      case "validateCommunicationRun", "previewCommunicationRun", "createCommunicationRun" ->
          Runs.body(Runs.agent(demo), "+14155550100");
      case "backfillEvents" ->
          Map.of(
              "subscription_id",
              demo.get("/v1/webhook-subscriptions").json().path("data").get(0).path("id").asText(),
              "created_after",
              "2026-01-01T00:00:00Z",
              "created_before",
              "2027-01-01T00:00:00Z");
      default -> null;
    };
  }

  /** The request of {@code op} about the demo workspace's objects: path and body. */
  private record Call(String path, Object body) {
    static Call of(SpecOperations.Op op) {
      ApiClient demo = demo();
      return new Call(SpecOperations.concretePath(op, demo), bodyFor(op, demo));
    }

    ApiClient.Reply send(SpecOperations.Op op, ApiClient key, String target) {
      Map<String, String> headers = new HashMap<>();
      if (op.method().equals("POST")) {
        headers.put("Idempotency-Key", "isolation-" + op.operationId());
      }
      if (target != null) {
        headers.put(HEADER, target);
      }
      return key.send(op.method(), path, body, headers);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void everyTargetAKeyMayNotActInIsTheSame404NamingTheHeader(SpecOperations.Op op) {
    Call call = Call.of(op);

    for (Refusal refusal : REFUSALS) {
      ApiClient.Reply reply = call.send(op, key(refusal.key()), refusal.target());

      assertThat(reply.status()).as(op + " " + refusal).isEqualTo(404);
      assertThat(reply.errorCode()).as(op + " " + refusal).isEqualTo("resource_missing");
      assertThat(reply.errorParam()).as(op + " " + refusal).isEqualTo(HEADER);
      assertThat(reply.json().path("error").path("message").asText())
          .as("the message reveals nothing but the id sent")
          .isEqualTo("No workspace with id `" + refusal.target() + "` that this key may act in.");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void anAgencyActingForAClientGetsWhatTheClientsOwnKeyGets(SpecOperations.Op op) {
    ApiClient.Reply asClient = Call.of(op).send(op, key("demo"), null);
    MOCK.server().reset();

    ApiClient.Reply asAgency = Call.of(op).send(op, key("agency"), "ws_demo");

    assertThat(asAgency.status()).as(op.toString()).isEqualTo(asClient.status());
    assertThat(op.statuses()).as(op.toString()).contains(asAgency.status());
    if (asClient.json() != null && !op.operationId().equals("getMe")) {
      assertThat(asAgency.json().path("id").asText(null))
          .as(op + ": the same object of the client")
          .isEqualTo(asClient.json().path("id").asText(null));
      assertThat(asAgency.json().path("error").path("code").asText(null))
          .isEqualTo(asClient.json().path("error").path("code").asText(null));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void anAgencyKeyWithoutTheHeaderSeesNoneOfItsClientsObjects(SpecOperations.Op op) {
    Call call = Call.of(op);
    Set<String> clientIds = new HashSet<>();
    boolean list = op.method().equals("GET") && op.operationId().startsWith("list");
    if (list) {
      demo()
          .get(call.path() + (call.path().contains("?") ? "&" : "?") + "limit=100")
          .json()
          .path("data")
          .forEach(o -> clientIds.add(o.path("id").asText()));
    }

    ApiClient.Reply reply = call.send(op, key("agency"), null);

    assertThat(op.statuses()).as(op + " answered " + reply.status()).contains(reply.status());
    assertThat(reply.status()).as(op.toString()).isLessThan(500);
    if (reply.status() == 404) {
      assertThat(reply.errorParam()).isNotEqualTo(HEADER);
    }
    if (op.takesId() && !AGENCY_WIDE.contains(op.operationId())) {
      assertThat(reply.status()).as(op + ": a client's object, without the header").isEqualTo(404);
    }
    if (list && reply.status() == 200) {
      reply
          .json()
          .path("data")
          .forEach(o -> assertThat(clientIds).doesNotContain(o.path("id").asText()));
    }
  }
}
