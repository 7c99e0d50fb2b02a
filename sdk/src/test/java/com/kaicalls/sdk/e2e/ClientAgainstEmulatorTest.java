package com.kaicalls.sdk.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kaicalls.mock.ClockMode;
import com.kaicalls.mock.KaiCallsMockServer;
import com.kaicalls.mock.junit.KaiCallsMockExtension;
import com.kaicalls.sdk.KaiCallsClient;
import com.kaicalls.sdk.RawResponse;
import com.kaicalls.sdk.RequestOptions;
import com.kaicalls.sdk.errors.AuthenticationException;
import com.kaicalls.sdk.errors.BadRequestException;
import com.kaicalls.sdk.errors.ConflictException;
import com.kaicalls.sdk.errors.IdempotencyKeyReusedException;
import com.kaicalls.sdk.errors.NotFoundException;
import com.kaicalls.sdk.errors.PermissionDeniedException;
import com.kaicalls.sdk.models.CommunicationRun;
import com.kaicalls.sdk.models.CreateApiKeyRequest;
import com.kaicalls.sdk.models.CreateCommunicationRunRequest;
import com.kaicalls.sdk.models.Scope;
import com.kaicalls.sdk.services.CommunicationRunsService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SDK's promises, checked against the stateful emulator rather than canned responses. */
class ClientAgainstEmulatorTest {
  @RegisterExtension
  static KaiCallsMockExtension mock =
      KaiCallsMockExtension.builder().clockMode(ClockMode.MANUAL).build();

  @Test
  void a_create_repeated_with_the_same_idempotency_key_returns_the_same_run_marked_replayed(
      KaiCallsMockServer server) {
    KaiCallsClient client = client(server, server.apiKey());
    CreateCommunicationRunRequest run = Runs.voiceRun(firstAgent(client), "+14155550100");
    RequestOptions key = RequestOptions.builder().idempotencyKey("reminders-2026-03-03").build();

    RawResponse<CommunicationRun> first =
        client.communicationRuns().withRawResponse().create(run, key);
    RawResponse<CommunicationRun> again =
        client.communicationRuns().withRawResponse().create(run, key);

    assertThat(again.body().id()).isEqualTo(first.body().id());
    assertThat(first.idempotentReplayed()).isFalse();
    assertThat(again.idempotentReplayed()).isTrue();
    assertThat(
            client.communicationRuns().list().autoPager().stream()
                .filter(r -> r.name().equals(run.name())))
        .hasSize(1);
  }

  @Test
  void the_same_idempotency_key_with_a_different_body_is_refused_with_422(
      KaiCallsMockServer server) {
    KaiCallsClient client = client(server, server.apiKey());
    String agent = firstAgent(client);
    RequestOptions key = RequestOptions.builder().idempotencyKey("key-used-twice").build();
    client.communicationRuns().create(Runs.voiceRun(agent, "+14155550100"), key);

    assertThatThrownBy(
            () -> client.communicationRuns().create(Runs.voiceRun(agent, "+14155550199"), key))
        .isInstanceOf(IdempotencyKeyReusedException.class);
  }

  @Test
  void a_key_without_the_scope_is_refused_with_a_message_naming_it(KaiCallsMockServer server) {
    KaiCallsClient admin = client(server, server.apiKey());
    String readOnly =
        admin
            .apiKeys()
            .create(
                CreateApiKeyRequest.builder()
                    .name("Dashboard")
                    .addScope(Scope.RUNS_READ)
                    .addScope(Scope.EVENTS_READ)
                    .build())
            .secret();
    KaiCallsClient limited = client(server, readOnly);

    assertThatThrownBy(
            () ->
                limited
                    .communicationRuns()
                    .create(Runs.voiceRun(firstAgent(admin), "+14155550100")))
        .isInstanceOfSatisfying(
            PermissionDeniedException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(403);
              assertThat(e.getMessage()).contains("runs:write");
              assertThat(e.requestId()).startsWith("req_");
            });
    assertThat(limited.communicationRuns().list().data()).isNotNull();
  }

  @Test
  void an_unknown_key_is_refused_with_401(KaiCallsMockServer server) {
    assertThatThrownBy(() -> client(server, "kc_test_doesNotExist123").me().retrieve())
        .isInstanceOf(AuthenticationException.class);
  }

  @Test
  void another_workspaces_run_is_not_found(KaiCallsMockServer server) {
    KaiCallsClient mine = client(server, server.apiKey());
    CommunicationRun run =
        mine.communicationRuns().create(Runs.voiceRun(firstAgent(mine), "+14155550100"));

    assertThatThrownBy(
            () ->
                client(server, server.otherWorkspaceApiKey())
                    .communicationRuns()
                    .retrieve(run.id()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void an_invalid_phone_number_is_a_bad_request_naming_the_field(KaiCallsMockServer server) {
    KaiCallsClient client = client(server, server.apiKey());

    assertThatThrownBy(
            () ->
                client
                    .communicationRuns()
                    .create(Runs.voiceRun(firstAgent(client), "+1415555010", "555-0100")))
        .isInstanceOfSatisfying(
            BadRequestException.class, e -> assertThat(e.param()).isEqualTo("recipients[1].phone"));
  }

  @Test
  void resuming_a_cancelled_run_is_a_conflict_naming_its_state(KaiCallsMockServer server) {
    KaiCallsClient client = client(server, server.apiKey()).withOptions(o -> o.maxRetries(0));
    CommunicationRun run =
        client.communicationRuns().create(Runs.voiceRun(firstAgent(client), "+14155550100"));
    client.communicationRuns().cancel(run.id());

    assertThatThrownBy(() -> client.communicationRuns().resume(run.id()))
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.getMessage()).contains("cancelled"));
  }

  @Test
  void the_auto_pager_walks_hundreds_of_runs_each_exactly_once(KaiCallsMockServer server)
      throws Exception {
    generateRuns(server, 250);
    KaiCallsClient client = client(server, server.apiKey());

    List<String> ids =
        client
            .communicationRuns()
            .list(CommunicationRunsService.ListParams.builder().limit(100).build())
            .autoPager()
            .stream()
            .map(CommunicationRun::id)
            .collect(Collectors.toList());

    Set<String> unique = new HashSet<>(ids);
    assertThat(ids).hasSizeGreaterThanOrEqualTo(250);
    assertThat(unique).hasSameSizeAs(ids);
  }

  private static KaiCallsClient client(KaiCallsMockServer server, String key) {
    return KaiCallsClient.builder().apiKey(key).baseUrl(server.baseUrl()).build();
  }

  private static String firstAgent(KaiCallsClient client) {
    return client.agents().list().data().get(0).id();
  }

  private static void generateRuns(KaiCallsMockServer server, int count) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            server.baseUrl() + "/__admin/kaicalls/communication-runs/generate"))
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"count\":" + count + ",\"workspace\":\"demo\"}"))
                    .header("Content-Type", "application/json")
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isBetween(200, 299);
  }
}
