package com.kaicalls.sdk.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.kaicalls.mock.KaiCallsMockServer;
import com.kaicalls.mock.junit.KaiCallsMockExtension;
import com.kaicalls.sdk.KaiCallsClient;
import com.kaicalls.sdk.RequestOptions;
import com.kaicalls.sdk.errors.NotFoundException;
import com.kaicalls.sdk.models.Event;
import com.kaicalls.sdk.models.Lead;
import com.kaicalls.sdk.services.EventsService;
import com.kaicalls.sdk.services.LeadsService;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SDK's agency surface against the emulator's demo agency ({@code ws_agency}, clients {@code
 * ws_demo} and {@code ws_lakeside}, and the unrelated {@code ws_other}): the per-call option, the
 * uniform 404 for any other target, and whose each event is. {@link AgencyAgainstEmulatorTest}
 * covers {@code withWorkspace} reading a client's data and client-limited keys.
 */
class ActingForAClientAgainstEmulatorTest {
  @RegisterExtension static KaiCallsMockExtension mock = KaiCallsMockExtension.builder().build();

  private static final String LAKESIDE = "ws_lakeside";
  private static final String HEADER = "KaiCalls-Workspace";

  @Test
  void the_per_call_option_acts_for_the_client_in_that_call_only(KaiCallsMockServer server) {
    KaiCallsClient agency = client(server, server.agencyApiKey());

    List<String> forLakeside =
        leadIds(
            agency
                .leads()
                .list(
                    LeadsService.ListParams.builder().build(), RequestOptions.workspace(LAKESIDE)));

    assertThat(forLakeside)
        .isNotEmpty()
        .isEqualTo(leadIds(agency.withWorkspace(LAKESIDE).leads().list()))
        .doesNotContainAnyElementsOf(leadIds(client(server, server.apiKey()).leads().list()));
    assertThat(agency.me().retrieve().actingWorkspaceId()).isEmpty();
  }

  @Test
  void a_client_key_acting_for_its_sibling_is_not_found_naming_the_header(
      KaiCallsMockServer server) {
    KaiCallsClient demoActingForLakeside = client(server, server.apiKey()).withWorkspace(LAKESIDE);

    NotFoundException e =
        catchThrowableOfType(NotFoundException.class, demoActingForLakeside.leads()::list);

    assertThat(e.statusCode()).isEqualTo(404);
    assertThat(e.code()).isEqualTo("resource_missing");
    assertThat(e.param()).isEqualTo(HEADER);
  }

  @Test
  void an_unknown_or_unrelated_workspace_is_the_same_404_whether_or_not_it_exists(
      KaiCallsMockServer server) {
    KaiCallsClient agency = client(server, server.agencyApiKey());

    NotFoundException unknown =
        catchThrowableOfType(
            NotFoundException.class, agency.withWorkspace("ws_nosuchclient1").leads()::list);
    NotFoundException unrelated =
        catchThrowableOfType(
            NotFoundException.class, agency.withWorkspace("ws_other").leads()::list);

    assertThat(unknown.param()).isEqualTo(HEADER);
    assertThat(unrelated.param()).isEqualTo(HEADER);
    assertThat(unrelated.code()).isEqualTo(unknown.code()).isEqualTo("resource_missing");
    assertThat(withoutRequestId(unrelated).replace("ws_other", "ws_nosuchclient1"))
        .isEqualTo(withoutRequestId(unknown));
  }

  @Test
  void every_event_an_agency_reads_for_a_client_says_it_is_that_clients(KaiCallsMockServer server) {
    KaiCallsClient agency = client(server, server.agencyApiKey());

    List<Event> acting = agency.withWorkspace(LAKESIDE).events().list().data();
    List<Event> filtered =
        agency
            .events()
            .list(EventsService.ListParams.builder().workspaceId(LAKESIDE).limit(100).build())
            .data();

    assertThat(acting).isNotEmpty().extracting(Event::workspaceId).containsOnly(LAKESIDE);
    assertThat(filtered).extracting(Event::workspaceId).containsOnly(LAKESIDE);
    assertThat(filtered).extracting(Event::id).containsAll(acting.stream().map(Event::id).toList());
  }

  private static String withoutRequestId(NotFoundException e) {
    return e.getMessage().replace(String.valueOf(e.requestId()), "");
  }

  private static List<String> leadIds(com.kaicalls.sdk.Page<Lead> page) {
    return page.data().stream().map(Lead::id).toList();
  }

  private static KaiCallsClient client(KaiCallsMockServer server, String key) {
    return KaiCallsClient.builder().apiKey(key).baseUrl(server.baseUrl()).build();
  }
}
