package com.kaicalls.sdk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.kaicalls.mock.ClockMode;
import com.kaicalls.mock.KaiCallsMockServer;
import com.kaicalls.mock.junit.KaiCallsMockExtension;
import com.kaicalls.sdk.KaiCallsClient;
import com.kaicalls.sdk.KaiCallsClientAsync;
import com.kaicalls.sdk.Page;
import com.kaicalls.sdk.models.Agent;
import com.kaicalls.sdk.models.ApiKey;
import com.kaicalls.sdk.models.ApiKeyWithSecret;
import com.kaicalls.sdk.models.Attempt;
import com.kaicalls.sdk.models.Backfill;
import com.kaicalls.sdk.models.BackfillRequest;
import com.kaicalls.sdk.models.Call;
import com.kaicalls.sdk.models.CommunicationRun;
import com.kaicalls.sdk.models.CommunicationRunStatus;
import com.kaicalls.sdk.models.Conversation;
import com.kaicalls.sdk.models.CreateApiKeyRequest;
import com.kaicalls.sdk.models.CreateWebhookSubscriptionRequest;
import com.kaicalls.sdk.models.CreateWorkspaceRequest;
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
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Calls every operation of openapi.yaml through {@code client.async()} against the emulator,
 * independent calls in flight together, and checks that each operation was exercised.
 */
class EveryOperationAsyncTest {
  @RegisterExtension
  static KaiCallsMockExtension mock =
      KaiCallsMockExtension.builder().clockMode(ClockMode.MANUAL).build();

  private final Set<String> called = ConcurrentHashMap.newKeySet();

  @Test
  void every_operation_in_the_spec_is_callable_through_the_async_client(KaiCallsMockServer server)
      throws Exception {
    KaiCallsClientAsync async =
        KaiCallsClient.builder()
            .apiKey(server.apiKey())
            .baseUrl(server.baseUrl())
            .okHttpClient(OperationRecorder.recording(called))
            .build()
            .async();

    // Everything that needs no earlier result, in flight at once.
    var me = async.me().retrieve();
    var minted =
        async
            .apiKeys()
            .create(
                CreateApiKeyRequest.builder()
                    .name("Async export")
                    .addScope(Scope.RUNS_READ)
                    .build());
    var leads = async.leads().list();
    var calls = async.calls().list();
    var agents = async.agents().list();
    var jobs = async.jobs().list();
    var attempts = async.attempts().list();
    var sms = async.smsMessages().list();
    var conversations = async.conversations().list();
    var recordings = async.recordings().list();
    var events = async.events().list();
    var deliveries = async.eventDeliveries().list();
    var subscription =
        async
            .webhookSubscriptions()
            .create(
                CreateWebhookSubscriptionRequest.builder()
                    .url(URI.create("http://127.0.0.1:9/hooks"))
                    .addEventType("sms.*")
                    .build());
    CompletableFuture.allOf(
            me,
            minted,
            leads,
            calls,
            agents,
            jobs,
            attempts,
            sms,
            conversations,
            recordings,
            events,
            deliveries,
            subscription)
        .get(30, TimeUnit.SECONDS);
    assertThat(me.join().workspaceId()).isNotBlank();

    ApiKeyWithSecret key = minted.join();
    assertThat(await(async.apiKeys().list()).data()).extracting(ApiKey::id).contains(key.id());
    assertThat(await(async.apiKeys().retrieve(key.id())).name()).isEqualTo("Async export");
    assertThat(await(async.apiKeys().revoke(key.id())).revokedAt()).isPresent();

    // Only an agency key creates client workspaces.
    KaiCallsClientAsync agency = async.withOptions(o -> o.apiKey(server.agencyApiKey()));
    Workspace workspace =
        await(
            agency
                .workspaces()
                .create(CreateWorkspaceRequest.builder().name("Harbor Dental").build()));
    assertThat(await(agency.workspaces().list()).data())
        .extracting(Workspace::id)
        .contains(workspace.id());
    assertThat(await(agency.workspaces().retrieve(workspace.id())).name())
        .isEqualTo("Harbor Dental");
    assertThat(
            await(
                    agency
                        .workspaces()
                        .update(
                            workspace.id(),
                            UpdateWorkspaceRequest.builder().name("Harbor").build()))
                .name())
        .isEqualTo("Harbor");

    Lead lead = first(leads);
    Call call = first(calls);
    Agent agent = first(agents);
    Job job = first(jobs);
    Attempt attempt = first(attempts);
    SmsMessage message = first(sms);
    Conversation conversation = first(conversations);
    Recording recording = first(recordings);
    assertThat(await(async.leads().retrieve(lead.id())).id()).isEqualTo(lead.id());
    assertThat(await(async.calls().retrieve(call.id())).id()).isEqualTo(call.id());
    assertThat(await(async.agents().retrieve(agent.id())).name()).isEqualTo(agent.name());
    int version = await(async.agents().listConfigVersions(agent.id())).data().get(0).version();
    assertThat(await(async.agents().retrieveConfigVersion(agent.id(), version)).version())
        .isEqualTo(version);
    assertThat(await(async.jobs().retrieve(job.id())).runId()).isEqualTo(job.runId());
    assertThat(await(async.attempts().retrieve(attempt.id())).jobId()).isEqualTo(attempt.jobId());
    assertThat(await(async.smsMessages().retrieve(message.id())).body()).isEqualTo(message.body());
    assertThat(await(async.conversations().retrieve(conversation.id())).id())
        .isEqualTo(conversation.id());
    assertThat(await(async.conversations().listMessages(conversation.id())).data()).isNotEmpty();
    assertThat(await(async.recordings().retrieve(recording.id())).callId())
        .isEqualTo(recording.callId());
    byte[] wav = await(async.recordings().content(recording.id()));
    assertThat(new String(wav, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");

    var run = Runs.voiceRun(agent.id(), "+14155550100");
    assertThat(await(async.communicationRuns().validate(run)).valid()).isTrue();
    assertThat(await(async.communicationRuns().preview(run)).recipientsCount()).isEqualTo(1);
    CommunicationRun created = await(async.communicationRuns().create(run));
    assertThat(await(async.communicationRuns().list()).data())
        .extracting(CommunicationRun::id)
        .contains(created.id());
    assertThat(await(async.communicationRuns().retrieve(created.id())).name())
        .isEqualTo(run.name());
    CommunicationRun cancelled =
        await(
            async
                .communicationRuns()
                .pause(created.id())
                .thenCompose(paused -> async.communicationRuns().resume(paused.id()))
                .thenCompose(resumed -> async.communicationRuns().cancel(resumed.id())));
    assertThat(cancelled.status()).isEqualTo(CommunicationRunStatus.CANCELLED);

    WebhookSubscriptionWithSecret hook = subscription.join();
    assertThat(await(async.webhookSubscriptions().list()).data())
        .extracting(WebhookSubscription::id)
        .contains(hook.id());
    assertThat(await(async.webhookSubscriptions().retrieve(hook.id())).url()).isEqualTo(hook.url());
    assertThat(
            await(
                    async
                        .webhookSubscriptions()
                        .update(
                            hook.id(),
                            UpdateWebhookSubscriptionRequest.builder().description("v2").build()))
                .description())
        .contains("v2");
    assertThat(await(async.webhookSubscriptions().test(hook.id())).subscriptionId())
        .isEqualTo(hook.id());
    assertThat(
            await(
                    async
                        .webhookSubscriptions()
                        .rotateSecret(hook.id(), RotateSecretRequest.builder().build()))
                .secret())
        .isNotEqualTo(hook.secret());

    Event event = first(events);
    assertThat(await(async.events().retrieve(event.id())).id()).isEqualTo(event.id());
    assertThat(await(async.events().replay(event.id())).data()).isNotNull();
    Backfill backfill =
        await(
            async
                .events()
                .backfill(
                    BackfillRequest.builder()
                        .subscriptionId(hook.id())
                        .createdAfter(OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC))
                        .createdBefore(OffsetDateTime.now(ZoneOffset.UTC).plusDays(1))
                        .build()));
    assertThat(await(async.backfills().retrieve(backfill.id())).subscriptionId())
        .isEqualTo(hook.id());
    EventDelivery delivery = first(deliveries);
    assertThat(await(async.eventDeliveries().retrieve(delivery.id())).eventId())
        .isEqualTo(delivery.eventId());
    assertThat(await(async.webhookSubscriptions().delete(hook.id())).deleted()).isTrue();

    assertThat(called).containsExactlyInAnyOrderElementsOf(OperationRecorder.specOperations());
  }

  private static <T> T await(CompletableFuture<T> future) throws Exception {
    return future.get(10, TimeUnit.SECONDS);
  }

  private static <T> T first(CompletableFuture<Page<T>> page) {
    return page.join().data().get(0);
  }
}
