package com.kaicalls.sdk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.kaicalls.mock.ClockMode;
import com.kaicalls.mock.KaiCallsMockServer;
import com.kaicalls.mock.junit.KaiCallsMockExtension;
import com.kaicalls.sdk.KaiCallsClient;
import com.kaicalls.sdk.models.Agent;
import com.kaicalls.sdk.models.AgentConfigVersion;
import com.kaicalls.sdk.models.ApiKey;
import com.kaicalls.sdk.models.ApiKeyWithSecret;
import com.kaicalls.sdk.models.Backfill;
import com.kaicalls.sdk.models.BackfillRequest;
import com.kaicalls.sdk.models.Call;
import com.kaicalls.sdk.models.CommunicationRun;
import com.kaicalls.sdk.models.CommunicationRunStatus;
import com.kaicalls.sdk.models.Conversation;
import com.kaicalls.sdk.models.CreateApiKeyRequest;
import com.kaicalls.sdk.models.CreateWebhookSubscriptionRequest;
import com.kaicalls.sdk.models.CreateWorkspaceRequest;
import com.kaicalls.sdk.models.DeletedObject;
import com.kaicalls.sdk.models.Event;
import com.kaicalls.sdk.models.EventDelivery;
import com.kaicalls.sdk.models.Job;
import com.kaicalls.sdk.models.Lead;
import com.kaicalls.sdk.models.Recording;
import com.kaicalls.sdk.models.RotateSecretRequest;
import com.kaicalls.sdk.models.Scope;
import com.kaicalls.sdk.models.SmsMessage;
import com.kaicalls.sdk.models.UpdateWebhookSubscriptionRequest;
import com.kaicalls.sdk.models.UpdateWorkspaceRequest;
import com.kaicalls.sdk.models.WebhookSubscription;
import com.kaicalls.sdk.models.WebhookSubscriptionWithSecret;
import com.kaicalls.sdk.models.Workspace;
import java.io.IOException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Calls every operation of openapi.yaml through the SDK against the emulator, and checks that each
 * one was exercised: the generated models, the hand-written transport and the emulator agree end to
 * end.
 */
class EveryOperationTest {
  @RegisterExtension
  static KaiCallsMockExtension mock =
      KaiCallsMockExtension.builder().clockMode(ClockMode.MANUAL).build();

  private final Set<String> called = ConcurrentHashMap.newKeySet();

  @Test
  void every_operation_in_the_spec_is_callable_through_the_sdk_and_returns_its_typed_body(
      KaiCallsMockServer server) throws IOException {
    KaiCallsClient client = clientRecordingOperations(server);

    assertThat(client.me().retrieve().workspaceId()).isNotBlank();

    ApiKeyWithSecret minted =
        client
            .apiKeys()
            .create(
                CreateApiKeyRequest.builder()
                    .name("Reporting export")
                    .addScope(Scope.RUNS_READ)
                    .build());
    assertThat(minted.secret()).startsWith("kc_test_");
    assertThat(client.apiKeys().list().data()).extracting(ApiKey::id).contains(minted.id());
    assertThat(client.apiKeys().retrieve(minted.id()).name()).isEqualTo("Reporting export");
    assertThat(client.apiKeys().revoke(minted.id()).revokedAt()).isPresent();

    // Only an agency key creates client workspaces.
    KaiCallsClient agency = client.withOptions(o -> o.apiKey(server.agencyApiKey()));
    Workspace workspace =
        agency.workspaces().create(CreateWorkspaceRequest.builder().name("Harbor Dental").build());
    assertThat(agency.workspaces().list().data())
        .extracting(Workspace::id)
        .contains(workspace.id());
    assertThat(agency.workspaces().retrieve(workspace.id()).name()).isEqualTo("Harbor Dental");
    assertThat(
            agency
                .workspaces()
                .update(workspace.id(), UpdateWorkspaceRequest.builder().name("Harbor").build())
                .name())
        .isEqualTo("Harbor");

    Lead lead = client.leads().list().data().get(0);
    assertThat(client.leads().retrieve(lead.id()).id()).isEqualTo(lead.id());
    Call call = client.calls().list().data().get(0);
    assertThat(client.calls().retrieve(call.id()).agentConfigVersion())
        .isEqualTo(call.agentConfigVersion());

    Agent agent = client.agents().list().data().get(0);
    assertThat(client.agents().retrieve(agent.id()).name()).isEqualTo(agent.name());
    AgentConfigVersion version = client.agents().listConfigVersions(agent.id()).data().get(0);
    assertThat(client.agents().retrieveConfigVersion(agent.id(), version.version()).version())
        .isEqualTo(version.version());

    var run = Runs.voiceRun(agent.id(), "+14155550100");
    assertThat(client.communicationRuns().validate(run).valid()).isTrue();
    assertThat(client.communicationRuns().preview(run).recipientsCount()).isEqualTo(1);
    CommunicationRun created = client.communicationRuns().create(run);
    assertThat(created.status()).isEqualTo(CommunicationRunStatus.SCHEDULED);
    assertThat(client.communicationRuns().list().data())
        .extracting(CommunicationRun::id)
        .contains(created.id());
    assertThat(client.communicationRuns().retrieve(created.id()).name()).isEqualTo(run.name());
    assertThat(client.communicationRuns().pause(created.id()).status())
        .isEqualTo(CommunicationRunStatus.PAUSED);
    assertThat(client.communicationRuns().resume(created.id()).status())
        .isNotEqualTo(CommunicationRunStatus.PAUSED);
    assertThat(client.communicationRuns().cancel(created.id()).status())
        .isEqualTo(CommunicationRunStatus.CANCELLED);

    Job job = client.jobs().list().data().get(0);
    assertThat(client.jobs().retrieve(job.id()).runId()).isEqualTo(job.runId());
    var attempt = client.attempts().list().data().get(0);
    assertThat(client.attempts().retrieve(attempt.id()).jobId()).isEqualTo(attempt.jobId());

    SmsMessage sms = client.smsMessages().list().data().get(0);
    assertThat(client.smsMessages().retrieve(sms.id()).body()).isEqualTo(sms.body());
    Conversation conversation = client.conversations().list().data().get(0);
    assertThat(client.conversations().retrieve(conversation.id()).id())
        .isEqualTo(conversation.id());
    assertThat(client.conversations().listMessages(conversation.id()).data()).isNotEmpty();

    Recording recording = client.recordings().list().data().get(0);
    assertThat(client.recordings().retrieve(recording.id()).callId()).isEqualTo(recording.callId());
    byte[] wav = client.recordings().content(recording.id());
    assertThat(new String(wav, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("RIFF");

    WebhookSubscriptionWithSecret subscription =
        client
            .webhookSubscriptions()
            .create(
                CreateWebhookSubscriptionRequest.builder()
                    .url(URI.create("http://127.0.0.1:9/hooks"))
                    .addEventType("sms.*")
                    .description("CRM bridge")
                    .build());
    assertThat(subscription.secret()).startsWith("whsec_");
    assertThat(client.webhookSubscriptions().list().data())
        .extracting(WebhookSubscription::id)
        .contains(subscription.id());
    assertThat(client.webhookSubscriptions().retrieve(subscription.id()).url())
        .isEqualTo(subscription.url());
    WebhookSubscription updated =
        client
            .webhookSubscriptions()
            .update(
                subscription.id(),
                UpdateWebhookSubscriptionRequest.builder().description("CRM bridge v2").build());
    assertThat(updated.description()).contains("CRM bridge v2");
    assertThat(updated.eventTypes()).containsExactly("sms.*");
    EventDelivery testDelivery = client.webhookSubscriptions().test(subscription.id());
    assertThat(testDelivery.subscriptionId()).isEqualTo(subscription.id());
    WebhookSubscriptionWithSecret rotated =
        client
            .webhookSubscriptions()
            .rotateSecret(
                subscription.id(), RotateSecretRequest.builder().gracePeriodSeconds(3600).build());
    assertThat(rotated.secret()).startsWith("whsec_").isNotEqualTo(subscription.secret());

    Event event = client.events().list().data().get(0);
    String eventId = event.id();
    assertThat(client.events().retrieve(eventId).id()).isEqualTo(eventId);
    assertThat(client.events().replay(eventId).data()).isNotNull();
    Backfill backfill =
        client
            .events()
            .backfill(
                BackfillRequest.builder()
                    .subscriptionId(subscription.id())
                    .createdAfter(OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC))
                    .createdBefore(OffsetDateTime.now(ZoneOffset.UTC).plusDays(1))
                    .build());
    assertThat(client.backfills().retrieve(backfill.id()).subscriptionId())
        .isEqualTo(subscription.id());
    EventDelivery delivery = client.eventDeliveries().list().data().get(0);
    assertThat(client.eventDeliveries().retrieve(delivery.id()).eventId())
        .isEqualTo(delivery.eventId());

    DeletedObject deleted = client.webhookSubscriptions().delete(subscription.id());
    assertThat(deleted.deleted()).isTrue();

    assertThat(called).containsExactlyInAnyOrderElementsOf(specOperations());
  }

  private KaiCallsClient clientRecordingOperations(KaiCallsMockServer server) throws IOException {
    return KaiCallsClient.builder()
        .apiKey(server.apiKey())
        .baseUrl(server.baseUrl())
        .okHttpClient(OperationRecorder.recording(called))
        .build();
  }

  private static Set<String> specOperations() throws IOException {
    return OperationRecorder.specOperations();
  }
}
