package com.kaicalls.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.kaicalls.sdk.errors.NotFoundException;
import com.kaicalls.sdk.models.CreateWorkspaceRequest;
import com.kaicalls.sdk.models.Workspace;
import com.kaicalls.sdk.models.WorkspaceKind;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An agency key acting for one client: {@code withWorkspace}, the per-call option, and the
 * workspaces service.
 */
class ActingInAClientWorkspaceTest {
  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  private static final String CLIENT = "ws_7Tn2Qd9LxB4c";
  private static final String SIBLING = "ws_2Pq8Rm5KdW1z";
  private static final String HEADER = "KaiCalls-Workspace";
  private static final String WORKSPACE_JSON =
      "{\"id\":\""
          + CLIENT
          + "\",\"object\":\"workspace\",\"name\":\"Lakeside Roofing\",\"kind\":\"client\","
          + "\"parent_workspace_id\":\"ws_5Ag3Nw8RkT1p\",\"metadata\":{\"crm_account\":\"20931\"},"
          + "\"created_at\":\"2026-03-01T10:15:00Z\"}";

  private KaiCallsClient agency;

  @BeforeEach
  void setUp() {
    agency = TestClients.against(server.baseUrl(), new RecordingSleeper()).build();
    server.stubFor(
        Fixtures.route("GET", "/v1/me").willReturn(Fixtures.json(200, Fixtures.meJson())));
  }

  @Test
  void a_client_made_for_a_workspace_sends_the_header_on_every_request() {
    KaiCallsClient lakeside = agency.withWorkspace(CLIENT);

    lakeside.me().retrieve();
    lakeside.me().retrieve();

    server.verify(2, anyRequestedFor(anyUrl()).withHeader(HEADER, equalTo(CLIENT)));
    assertThat(lakeside.workspace()).contains(CLIENT);
  }

  @Test
  void the_client_it_was_made_from_still_acts_in_the_keys_own_workspace() {
    agency.withWorkspace(CLIENT);

    agency.me().retrieve();

    server.verify(1, anyRequestedFor(anyUrl()).withHeader(HEADER, absent()));
    assertThat(agency.workspace()).isEmpty();
  }

  @Test
  void a_calls_workspace_option_overrides_the_clients_workspace() {
    agency.withWorkspace(CLIENT).me().retrieve(RequestOptions.workspace(SIBLING));

    server.verify(1, anyRequestedFor(anyUrl()).withHeader(HEADER, equalTo(SIBLING)));
  }

  @Test
  void the_async_face_of_a_workspace_client_sends_the_header_too() throws Exception {
    agency.withWorkspace(CLIENT).async().me().retrieve().get(5, TimeUnit.SECONDS);

    server.verify(1, anyRequestedFor(anyUrl()).withHeader(HEADER, equalTo(CLIENT)));
  }

  @Test
  void the_workspace_survives_other_option_changes() {
    agency.withWorkspace(CLIENT).withOptions(o -> o.maxRetries(0)).me().retrieve();

    server.verify(1, anyRequestedFor(anyUrl()).withHeader(HEADER, equalTo(CLIENT)));
  }

  @Test
  void the_environment_can_name_the_workspace_to_act_in() {
    Map<String, String> env =
        Map.of("KAICALLS_API_KEY", "kc_test_envKey", "KAICALLS_WORKSPACE", " " + CLIENT + " ");

    KaiCallsClient client = KaiCallsClient.builder().fromEnv(env::get).build();

    assertThat(client.workspace()).contains(CLIENT);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"", "  ", "ws_with space", "ws_é", "ws_\n"})
  void a_workspace_id_that_cannot_be_sent_as_a_header_is_refused_at_once(String id) {
    assertThatThrownBy(() -> agency.withWorkspace(id))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("workspaceId");
    assertThatThrownBy(() -> RequestOptions.workspace(id))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_workspace_id_longer_than_64_characters_is_refused() {
    assertThatThrownBy(() -> RequestOptions.workspace("ws_" + "x".repeat(62)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 64");
  }

  @Test
  void a_workspace_the_key_may_not_act_in_is_a_not_found_error_naming_the_header() {
    server.stubFor(
        Fixtures.route("GET", "/v1/me")
            .willReturn(
                Fixtures.json(
                    404,
                    "{\"error\":{\"type\":\"not_found\",\"code\":\"resource_missing\",\"message\":\"No workspace with id `"
                        + SIBLING
                        + "` that this key may act in.\",\"param\":\"KaiCalls-Workspace\",\"request_id\":\"req_1\"}}")));

    assertThatThrownBy(() -> agency.withWorkspace(SIBLING).me().retrieve())
        .isInstanceOfSatisfying(
            NotFoundException.class, e -> assertThat(e.param()).isEqualTo(HEADER));
  }

  @Test
  void
      creating_a_client_workspace_posts_its_name_with_an_idempotency_key_and_reads_the_workspace() {
    server.stubFor(
        Fixtures.route("POST", "/v1/workspaces").willReturn(Fixtures.json(201, WORKSPACE_JSON)));

    Workspace created =
        agency
            .workspaces()
            .create(CreateWorkspaceRequest.builder().name("Lakeside Roofing").build());

    assertThat(created.id()).isEqualTo(CLIENT);
    assertThat(created.kind()).isEqualTo(WorkspaceKind.CLIENT);
    assertThat(created.parentWorkspaceId()).contains("ws_5Ag3Nw8RkT1p");
    server.verify(
        postRequestedFor(urlEqualTo("/v1/workspaces"))
            .withHeader("Idempotency-Key", equalTo("generated-key-1"))
            .withRequestBody(equalTo("{\"name\":\"Lakeside Roofing\"}")));
  }
}
