package com.kaicalls.mock;

import static com.kaicalls.mock.Agencies.HEADER;
import static com.kaicalls.mock.Agencies.actingIn;
import static com.kaicalls.mock.Agencies.ids;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.kaicalls.mock.junit.KaiCallsMockExtension;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /v1/workspaces} and client-limited keys ({@code POST /v1/api-keys} with the header). */
class WorkspaceRoutesTest {

  @RegisterExtension
  static final KaiCallsMockExtension MOCK = KaiCallsMockExtension.builder().build();

  private static ApiClient agency() {
    return new ApiClient(MOCK.baseUrl(), MOCK.server().agencyApiKey());
  }

  private static ApiClient demo() {
    return new ApiClient(MOCK.baseUrl(), MOCK.apiKey());
  }

  private static ApiClient other() {
    return demo().withKey(MOCK.server().otherWorkspaceApiKey());
  }

  @Test
  void anAgencyCreatesAClientWorkspaceItCanThenActIn() {
    ApiClient.Reply created =
        agency()
            .post(
                "/v1/workspaces",
                Map.of("name", "Harbor Dental", "metadata", Map.of("crm_account", "20931")));

    assertThat(created.status()).isEqualTo(201);
    JsonNode ws = created.json();
    assertThat(ws.path("id").asText()).startsWith("ws_");
    assertThat(ws.path("object").asText()).isEqualTo("workspace");
    assertThat(ws.path("kind").asText()).isEqualTo("client");
    assertThat(ws.path("parent_workspace_id").asText()).isEqualTo("ws_agency");
    assertThat(ws.path("metadata").path("crm_account").asText()).isEqualTo("20931");
    String id = ws.path("id").asText();
    assertThat(ids(agency().get("/v1/workspaces"))).first().isEqualTo(id);
    assertThat(
            agency()
                .send("GET", "/v1/me", null, actingIn(id))
                .json()
                .path("acting_workspace_id")
                .asText())
        .isEqualTo(id);
  }

  @Test
  void aRetriedCreateWithTheSameIdempotencyKeyReturnsTheSameWorkspace() {
    Map<String, String> key = Map.of("Idempotency-Key", "ws-create-1");

    ApiClient.Reply first = agency().post("/v1/workspaces", Map.of("name", "Harbor"), key);
    ApiClient.Reply again = agency().post("/v1/workspaces", Map.of("name", "Harbor"), key);

    assertThat(again.json().path("id").asText()).isEqualTo(first.json().path("id").asText());
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(ids(agency().get("/v1/workspaces"))).hasSize(3);
  }

  @Test
  void onlyAnAgencyKeyWithoutTheHeaderMayCreateAWorkspace() {
    Map<String, String> name = Map.of("name", "Nope");

    List<ApiClient.Reply> refused =
        List.of(
            demo().post("/v1/workspaces", name),
            other().post("/v1/workspaces", name),
            agency().post("/v1/workspaces", name, actingIn("ws_demo")));

    for (ApiClient.Reply reply : refused) {
      assertThat(reply.status()).isEqualTo(403);
      assertThat(reply.json().path("error").path("type").asText()).isEqualTo("permission_error");
    }
    assertThat(refused.get(2).errorParam()).isEqualTo(HEADER);
    assertThat(ids(agency().get("/v1/workspaces"))).hasSize(2);
  }

  @Test
  void theListPagesLikeEveryListAndIsEmptyForClientAndStandaloneKeys() {
    ApiClient.Reply first = agency().get("/v1/workspaces?limit=1");
    ApiClient.Reply second =
        agency().get("/v1/workspaces?limit=1&cursor=" + first.json().path("next_cursor").asText());

    assertThat(first.json().path("has_more").asBoolean()).isTrue();
    assertThat(second.json().path("has_more").asBoolean()).isFalse();
    assertThat(List.of(ids(first).get(0), ids(second).get(0)))
        .containsExactlyInAnyOrder("ws_demo", "ws_lakeside");
    assertThat(ids(demo().get("/v1/workspaces"))).isEmpty();
    assertThat(ids(other().get("/v1/workspaces"))).isEmpty();
  }

  @Test
  void aKeyRetrievesItsOwnWorkspaceAndAnAgencyItsClientsButNothingElse() {
    assertThat(agency().get("/v1/workspaces/ws_agency").status()).isEqualTo(200);
    assertThat(agency().get("/v1/workspaces/ws_demo").status()).isEqualTo(200);
    assertThat(demo().get("/v1/workspaces/ws_demo").json().path("kind").asText())
        .isEqualTo("client");
    for (ApiClient.Reply reply :
        List.of(
            agency().get("/v1/workspaces/ws_other"),
            agency().get("/v1/workspaces/ws_nope"),
            demo().get("/v1/workspaces/ws_lakeside"),
            demo().get("/v1/workspaces/ws_agency"),
            other().get("/v1/workspaces/ws_demo"))) {
      assertThat(reply.status()).isEqualTo(404);
      assertThat(reply.errorParam()).isEqualTo("id");
    }
  }

  @Test
  void anUpdateRenamesAndReplacesTheMetadataAndMeShowsTheNewName() {
    agency()
        .send(
            "PATCH",
            "/v1/workspaces/ws_demo",
            Map.of("metadata", Map.of("tier", "gold")),
            Map.of());

    ApiClient.Reply renamed =
        demo().send("PATCH", "/v1/workspaces/ws_demo", Map.of("name", "Bright Smile"), Map.of());

    assertThat(renamed.status()).isEqualTo(200);
    assertThat(renamed.json().path("name").asText()).isEqualTo("Bright Smile");
    assertThat(renamed.json().path("metadata").path("tier").asText()).isEqualTo("gold");
    assertThat(demo().get("/v1/me").json().path("workspace_name").asText())
        .isEqualTo("Bright Smile");
  }

  @Test
  void tooManyMetadataPairsAre400() {
    Map<String, String> metadata = new HashMap<>();
    for (int i = 0; i < 21; i++) {
      metadata.put("k" + i, "v");
    }

    ApiClient.Reply reply =
        agency().post("/v1/workspaces", Map.of("name", "Big", "metadata", metadata));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorParam()).isEqualTo("metadata");
  }

  /** Mints a key of ws_lakeside through the agency key, with these scopes; returns its secret. */
  private static String clientLimitedKey(String... scopes) {
    ApiClient.Reply minted =
        agency()
            .send(
                "POST",
                "/v1/api-keys",
                Map.of("name", "Lakeside integration", "scopes", List.of(scopes)),
                actingIn("ws_lakeside"));
    assertThat(minted.status()).isEqualTo(201);
    assertThat(minted.json().path("workspace_id").asText()).isEqualTo("ws_lakeside");
    return minted.json().path("secret").asText();
  }

  @Test
  void aClientLimitedKeySeesOnlyItsClientsData() {
    ApiClient key = demo().withKey(clientLimitedKey("leads:read", "runs:read", "events:read"));
    String demoLead = ids(demo().get("/v1/leads")).get(0);

    JsonNode me = key.get("/v1/me").json();
    ApiClient.Reply leads = key.get("/v1/leads");

    assertThat(me.path("workspace_id").asText()).isEqualTo("ws_lakeside");
    assertThat(me.path("workspace_kind").asText()).isEqualTo("client");
    assertThat(ids(leads))
        .isEqualTo(ids(agency().send("GET", "/v1/leads", null, actingIn("ws_lakeside"))));
    assertThat(key.get("/v1/leads/" + demoLead).status()).isEqualTo(404);
  }

  @Test
  void aClientLimitedKeyHasOnlyTheScopesGiven() {
    ApiClient key = demo().withKey(clientLimitedKey("leads:read"));

    assertThat(key.get("/v1/agents").status()).isEqualTo(403);
    assertThat(
            key.post(
                    "/v1/api-keys",
                    Map.of("name", "Escalate", "scopes", List.of("leads:read", "runs:write")))
                .status())
        .isEqualTo(403);
  }

  @Test
  void aClientLimitedKeyCanReachNeitherTheAgencyNorASibling() {
    ApiClient key = demo().withKey(clientLimitedKey("leads:read"));

    for (String target : List.of("ws_agency", "ws_demo", "ws_lakeside")) {
      ApiClient.Reply reply = key.send("GET", "/v1/leads", null, actingIn(target));
      assertThat(reply.status()).as(target).isEqualTo(404);
      assertThat(reply.errorParam()).isEqualTo(HEADER);
    }
  }

  @Test
  void theAgencySeesAClientLimitedKeyAmongItsClientsKeysNotItsOwn() {
    clientLimitedKey("leads:read");

    List<String> own = ids(agency().get("/v1/api-keys"));
    ApiClient.Reply clients = agency().send("GET", "/v1/api-keys", null, actingIn("ws_lakeside"));

    assertThat(own).containsExactly("key_agency_full");
    assertThat(clients.json().path("data")).hasSize(1);
    assertThat(clients.json().path("data").get(0).path("workspace_id").asText())
        .isEqualTo("ws_lakeside");
  }
}
