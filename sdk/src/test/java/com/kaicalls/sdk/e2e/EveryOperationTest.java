package com.kaicalls.sdk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
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
import com.kaicalls.sdk.models.WebhookSubscription;
import com.kaicalls.sdk.models.WebhookSubscriptionWithSecret;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Calls every operation of openapi.yaml through the SDK against the emulator, and checks that each one was
 * exercised: the generated models, the hand-written transport and the emulator agree end to end.
 */
class EveryOperationTest {
  @RegisterExtension
  static KaiCallsMockExtension mock = KaiCallsMockExtension.builder().clockMode(ClockMode.MANUAL).build();

  private final Set<String> called = ConcurrentHashMap.newKeySet();

  @Test
  void every_operation_in_the_spec_is_callable_through_the_sdk_and_returns_its_typed_body(KaiCallsMockServer server)
      throws IOException {
    KaiCallsClient client = clientRecordingOperations(server);

    assertThat(client.me().retrieve().getWorkspaceId()).isNotBlank();

    ApiKeyWithSecret minted =
        client.apiKeys().create(new CreateApiKeyRequest().name("Reporting export").addScopesItem(Scope.RUNS_READ));
    assertThat(minted.getSecret()).startsWith("kc_test_");
    assertThat(client.apiKeys().list().data()).extracting(ApiKey::getId).contains(minted.getId());
    assertThat(client.apiKeys().retrieve(minted.getId()).getName()).isEqualTo("Reporting export");
    assertThat(client.apiKeys().revoke(minted.getId()).getRevokedAt()).isNotNull();

    Lead lead = client.leads().list().data().get(0);
    assertThat(client.leads().retrieve(lead.getId()).getId()).isEqualTo(lead.getId());
    Call call = client.calls().list().data().get(0);
    assertThat(client.calls().retrieve(call.getId()).getAgentConfigVersion()).isNotNull();

    Agent agent = client.agents().list().data().get(0);
    assertThat(client.agents().retrieve(agent.getId()).getName()).isEqualTo(agent.getName());
    AgentConfigVersion version = client.agents().listConfigVersions(agent.getId()).data().get(0);
    assertThat(client.agents().retrieveConfigVersion(agent.getId(), version.getVersion()).getVersion())
        .isEqualTo(version.getVersion());

    var run = Runs.voiceRun(agent.getId(), "+14155550100");
    assertThat(client.communicationRuns().validate(run).getValid()).isTrue();
    assertThat(client.communicationRuns().preview(run).getRecipientsCount()).isEqualTo(1);
    CommunicationRun created = client.communicationRuns().create(run);
    assertThat(created.getStatus()).isEqualTo(CommunicationRunStatus.SCHEDULED);
    assertThat(client.communicationRuns().list().data()).extracting(CommunicationRun::getId).contains(created.getId());
    assertThat(client.communicationRuns().retrieve(created.getId()).getName()).isEqualTo(run.getName());
    assertThat(client.communicationRuns().pause(created.getId()).getStatus()).isEqualTo(CommunicationRunStatus.PAUSED);
    assertThat(client.communicationRuns().resume(created.getId()).getStatus()).isNotEqualTo(CommunicationRunStatus.PAUSED);
    assertThat(client.communicationRuns().cancel(created.getId()).getStatus()).isEqualTo(CommunicationRunStatus.CANCELLED);

    Job job = client.jobs().list().data().get(0);
    assertThat(client.jobs().retrieve(job.getId()).getRunId()).isEqualTo(job.getRunId());
    var attempt = client.attempts().list().data().get(0);
    assertThat(client.attempts().retrieve(attempt.getId()).getJobId()).isEqualTo(attempt.getJobId());

    SmsMessage sms = client.smsMessages().list().data().get(0);
    assertThat(client.smsMessages().retrieve(sms.getId()).getBody()).isEqualTo(sms.getBody());
    Conversation conversation = client.conversations().list().data().get(0);
    assertThat(client.conversations().retrieve(conversation.getId()).getId()).isEqualTo(conversation.getId());
    assertThat(client.conversations().listMessages(conversation.getId()).data()).isNotEmpty();

    Recording recording = client.recordings().list().data().get(0);
    assertThat(client.recordings().retrieve(recording.getId()).getCallId()).isEqualTo(recording.getCallId());
    byte[] wav = client.recordings().content(recording.getId());
    assertThat(new String(wav, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("RIFF");

    WebhookSubscriptionWithSecret subscription =
        client.webhookSubscriptions().create(
            new CreateWebhookSubscriptionRequest()
                .url(URI.create("http://127.0.0.1:9/hooks"))
                .addEventTypesItem("sms.*")
                .description("CRM bridge"));
    assertThat(subscription.getSecret()).startsWith("whsec_");
    assertThat(client.webhookSubscriptions().list().data()).extracting(WebhookSubscription::getId).contains(subscription.getId());
    assertThat(client.webhookSubscriptions().retrieve(subscription.getId()).getUrl()).isEqualTo(subscription.getUrl());
    WebhookSubscription updated =
        client.webhookSubscriptions().update(
            subscription.getId(), new UpdateWebhookSubscriptionRequest().description("CRM bridge v2"));
    assertThat(updated.getDescription()).isEqualTo("CRM bridge v2");
    assertThat(updated.getEventTypes()).containsExactly("sms.*");
    EventDelivery testDelivery = client.webhookSubscriptions().test(subscription.getId());
    assertThat(testDelivery.getSubscriptionId()).isEqualTo(subscription.getId());
    WebhookSubscriptionWithSecret rotated =
        client.webhookSubscriptions().rotateSecret(subscription.getId(), new RotateSecretRequest().gracePeriodSeconds(3600));
    assertThat(rotated.getSecret()).startsWith("whsec_").isNotEqualTo(subscription.getSecret());

    Event event = client.events().list().data().get(0);
    String eventId = event.getId();
    assertThat(client.events().retrieve(eventId).getId()).isEqualTo(eventId);
    assertThat(client.events().replay(eventId).getData()).isNotNull();
    Backfill backfill =
        client.events().backfill(
            new BackfillRequest()
                .subscriptionId(subscription.getId())
                .createdAfter(OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC))
                .createdBefore(OffsetDateTime.now(ZoneOffset.UTC).plusDays(1)));
    assertThat(client.backfills().retrieve(backfill.getId()).getSubscriptionId()).isEqualTo(subscription.getId());
    EventDelivery delivery = client.eventDeliveries().list().data().get(0);
    assertThat(client.eventDeliveries().retrieve(delivery.getId()).getEventId()).isEqualTo(delivery.getEventId());

    DeletedObject deleted = client.webhookSubscriptions().delete(subscription.getId());
    assertThat(deleted.getDeleted()).isTrue();

    assertThat(called).containsExactlyInAnyOrderElementsOf(specOperations());
  }

  private KaiCallsClient clientRecordingOperations(KaiCallsMockServer server) throws IOException {
    Map<String, String> templates = pathTemplates();
    OkHttpClient recording =
        new OkHttpClient.Builder()
            .addInterceptor(
                chain -> {
                  String method = chain.request().method();
                  String path = chain.request().url().encodedPath();
                  templates.forEach(
                      (key, regex) -> {
                        if (key.startsWith(method + " ") && path.matches(regex)) called.add(key);
                      });
                  return chain.proceed(chain.request());
                })
            .build();
    return KaiCallsClient.builder().apiKey(server.apiKey()).baseUrl(server.baseUrl()).okHttpClient(recording).build();
  }

  private static Set<String> specOperations() throws IOException {
    return new TreeSet<>(pathTemplates().keySet());
  }

  /** "METHOD /v1/x/{id}" → a regex matching concrete paths of that operation. */
  private static Map<String, String> pathTemplates() throws IOException {
    JsonNode spec = new ObjectMapper(new YAMLFactory()).readTree(Path.of("..", "openapi.yaml").toFile());
    Map<String, String> templates = new java.util.TreeMap<>();
    Iterator<Map.Entry<String, JsonNode>> paths = spec.get("paths").fields();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> path = paths.next();
      String regex = path.getKey().replaceAll("\\{[^}]+}", "[^/]+");
      path.getValue().fieldNames().forEachRemaining(
          verb -> {
            if (Set.of("get", "post", "put", "patch", "delete").contains(verb)) {
              templates.put(verb.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey(), regex);
            }
          });
    }
    return templates;
  }
}
