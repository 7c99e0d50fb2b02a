package com.kaicalls.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.kaicalls.mock.ClockMode;
import com.kaicalls.mock.KaiCallsMockServer;
import com.kaicalls.mock.junit.KaiCallsMockTest;
import com.kaicalls.sdk.models.Event;
import com.kaicalls.sdk.models.WorkspaceKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@KaiCallsMockTest(clock = ClockMode.MANUAL)
class AgencyKeysTest {

  private final Output out = new Output();
  private AgencyKeys.Result result;

  @BeforeEach
  void runTheStory(KaiCallsMockServer mock) throws Exception {
    try (Connection connection = Connection.toAgency(mock)) {
      result = new AgencyKeys(connection.client(), connection.clock(), out.stream).run(0);
    }
  }

  @Test
  void theAgencySignsUpAClientWorkspaceOfItsOwn() {
    assertThat(result.agencyId()).isEqualTo("ws_agency");
    assertThat(result.created().kind()).isEqualTo(WorkspaceKind.CLIENT);
    assertThat(result.created().parentWorkspaceId()).contains("ws_agency");
    assertThat(out.text()).contains("\"Northwind Growth Agency\" (agency, ws_agency)");
  }

  @Test
  void theClientLimitedKeyBelongsToTheNewClientAndReachesNeitherTheAgencyNorAnotherClient() {
    assertThat(result.limitedKeyWorkspaceId()).isEqualTo(result.created().id());
    assertThat(result.toAgency()).isNotNull();
    assertThat(result.toAgency().statusCode()).isEqualTo(404);
    assertThat(result.toAgency().param()).isEqualTo("KaiCalls-Workspace");
    assertThat(result.toOtherClient()).isNotNull();
    assertThat(result.toOtherClient().code()).isEqualTo("resource_missing");
    assertThat(result.toOtherClient().param()).isEqualTo("KaiCalls-Workspace");
    assertThat(out.text())
        .contains("scopes [runs:read, events:read]")
        .contains("GET /v1/communication-runs: 0 runs.");
  }

  @Test
  void oneAgencyEndpointVerifiesBothClientsRunsEachWithItsWorkspaceId() {
    assertThat(result.runs()).hasSize(2);
    assertThat(result.received())
        .filteredOn(r -> r.type().equals("communication_run.created"))
        .extracting(WebhookEndpoint.Received::workspaceId)
        .containsExactlyInAnyOrder("ws_demo", "ws_lakeside");
    assertThat(out.text()).contains("of workspace ws_demo").contains("of workspace ws_lakeside");
  }

  @Test
  void listingOneClientsEventsReturnsOnlyThatClientsEventsWithItsRun() {
    String listed = result.oneClientsEvents().get(0).workspaceId();

    assertThat(listed).isIn("ws_demo", "ws_lakeside");
    assertThat(result.oneClientsEvents()).extracting(Event::workspaceId).containsOnly(listed);
    assertThat(result.oneClientsEvents())
        .extracting(e -> e.type().asString())
        .contains("communication_run.created");
  }
}
