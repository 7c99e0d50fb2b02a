package com.kaicalls.sdk.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kaicalls.mock.KaiCallsMockServer;
import com.kaicalls.mock.junit.KaiCallsMockExtension;
import com.kaicalls.sdk.KaiCallsClient;
import com.kaicalls.sdk.errors.NotFoundException;
import com.kaicalls.sdk.models.ApiKeyWithSecret;
import com.kaicalls.sdk.models.CreateApiKeyRequest;
import com.kaicalls.sdk.models.CreateWorkspaceRequest;
import com.kaicalls.sdk.models.Me;
import com.kaicalls.sdk.models.Scope;
import com.kaicalls.sdk.models.Workspace;
import com.kaicalls.sdk.models.WorkspaceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code withWorkspace} and {@code workspaces()} against the emulator's seeded agency. */
class AgencyAgainstEmulatorTest {
  @RegisterExtension static KaiCallsMockExtension mock = KaiCallsMockExtension.builder().build();

  private static KaiCallsClient client(KaiCallsMockServer server, String key) {
    return KaiCallsClient.builder().apiKey(key).baseUrl(server.baseUrl()).build();
  }

  @Test
  void an_agency_client_acting_for_a_client_reads_the_clients_data(KaiCallsMockServer server) {
    KaiCallsClient agency = client(server, server.agencyApiKey());

    Me me = agency.withWorkspace("ws_lakeside").me().retrieve();

    assertThat(me.workspaceKind()).isEqualTo(WorkspaceKind.AGENCY);
    assertThat(me.actingWorkspaceId()).hasValue("ws_lakeside");
    assertThat(agency.me().retrieve().actingWorkspaceId()).isEmpty();
    assertThat(agency.withWorkspace("ws_demo").leads().list().data())
        .isEqualTo(client(server, server.apiKey()).leads().list().data());
  }

  @Test
  void a_client_limited_key_minted_in_a_new_client_workspace_reaches_nothing_else(
      KaiCallsMockServer server) {
    KaiCallsClient agency = client(server, server.agencyApiKey());
    Workspace created =
        agency.workspaces().create(CreateWorkspaceRequest.builder().name("Harbor Dental").build());
    ApiKeyWithSecret key =
        agency
            .withWorkspace(created.id())
            .apiKeys()
            .create(
                CreateApiKeyRequest.builder().name("Harbor").addScope(Scope.LEADS_READ).build());

    KaiCallsClient limited = client(server, key.secret());

    assertThat(key.workspaceId()).isEqualTo(created.id());
    assertThat(limited.me().retrieve().workspaceKind()).isEqualTo(WorkspaceKind.CLIENT);
    assertThat(limited.leads().list().data()).isEmpty();
    assertThatThrownBy(() -> limited.withWorkspace("ws_demo").leads().list())
        .isInstanceOfSatisfying(
            NotFoundException.class, e -> assertThat(e.param()).isEqualTo("KaiCalls-Workspace"));
  }
}
