package com.kaicalls.spring.e2e;

import com.kaicalls.mock.KaiCallsMockServer;
import com.kaicalls.sdk.KaiCallsClient;
import com.kaicalls.sdk.RequestOptions;
import com.kaicalls.sdk.models.Channel;
import com.kaicalls.sdk.models.CommunicationRunStatus;
import com.kaicalls.sdk.models.CreateCommunicationRunRequest;
import com.kaicalls.sdk.models.CreateWebhookSubscriptionRequest;
import com.kaicalls.sdk.models.DeliveryAttempt;
import com.kaicalls.sdk.models.Event;
import com.kaicalls.sdk.models.EventDelivery;
import com.kaicalls.sdk.models.Recipient;
import com.kaicalls.sdk.models.ReplayEventRequest;
import com.kaicalls.sdk.models.RotateSecretRequest;
import com.kaicalls.sdk.models.UpdateWebhookSubscriptionRequest;
import com.kaicalls.sdk.models.WebhookSubscription;
import com.kaicalls.sdk.models.WebhookSubscriptionWithSecret;
import com.kaicalls.sdk.services.EventDeliveriesService;
import com.kaicalls.sdk.services.EventsService;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the end-to-end tests do on the platform (the emulator), through the SDK. The one place that
 * builds the SDK's generated request models and reads its generated response models, so a change of
 * the models touches only this file.
 */
final class Platform {
  private static final Duration STEP = Duration.ofMinutes(1);
  private static final int MAX_STEPS = 120;

  private final KaiCallsClient client;
  private final KaiCallsMockServer emulator;

  Platform(KaiCallsMockServer emulator) {
    this.emulator = emulator;
    this.client =
        KaiCallsClient.builder().baseUrl(emulator.baseUrl()).apiKey(emulator.apiKey()).build();
  }

  /** A subscription and its signing secret. */
  record Subscription(String id, String secret) {}

  /**
   * Turns off the demo seed's subscriptions, so that only the tests' endpoints receive deliveries.
   */
  void disableAllSubscriptions() {
    for (WebhookSubscription s : client.webhookSubscriptions().list().autoPager()) {
      client
          .webhookSubscriptions()
          .update(s.id(), UpdateWebhookSubscriptionRequest.builder().enabled(false).build());
    }
  }

  Subscription subscribe(String url, String... eventTypes) {
    WebhookSubscriptionWithSecret created =
        client
            .webhookSubscriptions()
            .create(
                CreateWebhookSubscriptionRequest.builder()
                    .url(URI.create(url))
                    .eventTypes(eventTypes)
                    .description("spring-boot-starter end-to-end test")
                    .build());
    return new Subscription(created.id(), created.secret());
  }

  void pointAt(String subscriptionId, String url) {
    client
        .webhookSubscriptions()
        .update(
            subscriptionId,
            UpdateWebhookSubscriptionRequest.builder().url(URI.create(url)).build());
  }

  /** Returns the new secret; the previous one keeps signing for {@code grace}. */
  String rotateSecret(String subscriptionId, Duration grace) {
    return client
        .webhookSubscriptions()
        .rotateSecret(
            subscriptionId,
            RotateSecretRequest.builder().gracePeriodSeconds((int) grace.toSeconds()).build())
        .secret();
  }

  /** Sends a test event to the subscription and lets the delivery run; @return the event's id */
  String deliverTestEvent(String subscriptionId) {
    String eventId = client.webhookSubscriptions().test(subscriptionId).eventId();
    emulator.advanceClock(Duration.ZERO);
    return eventId;
  }

  /** Replays an event to the subscription and lets the delivery run. */
  void redeliver(String eventId, String subscriptionId) {
    client
        .events()
        .replay(eventId, ReplayEventRequest.builder().subscriptionId(subscriptionId).build());
    emulator.advanceClock(Duration.ZERO);
  }

  /**
   * Creates a voice run calling two test numbers (answered, voicemail) and moves the emulator's
   * clock until it completes, and a minute more: every delivery and its first retry have run by
   * then.
   *
   * @return the id and type of every event created meanwhile, oldest first
   */
  Map<String, String> runToCompletion(String name) {
    // A second on, so that no earlier event shares the first timestamp of this run.
    Instant since = emulator.advanceClock(Duration.ofSeconds(1));
    String agentId = client.agents().list().data().get(0).id();
    CreateCommunicationRunRequest request =
        CreateCommunicationRunRequest.builder()
            .name(name)
            .agentId(agentId)
            .channel(Channel.VOICE)
            .addRecipient(Recipient.builder().phone("+14155550100").firstName("Dana").build())
            .addRecipient(Recipient.builder().phone("+14155550101").firstName("Lee").build())
            .build();
    String runId =
        client
            .communicationRuns()
            .create(
                request,
                RequestOptions.builder().idempotencyKey(UUID.randomUUID().toString()).build())
            .id();
    for (int step = 0; step < MAX_STEPS; step++) {
      emulator.advanceClock(STEP);
      if (CommunicationRunStatus.COMPLETED.equals(
          client.communicationRuns().retrieve(runId).status())) {
        // Once more, for the first retry (5 s after a failed attempt) of deliveries near the end of
        // the last step.
        emulator.advanceClock(STEP);
        return eventsSince(since);
      }
    }
    throw new AssertionError(
        "Run " + runId + " did not complete within " + STEP.multipliedBy(MAX_STEPS));
  }

  /**
   * Returns the response status of each attempt to deliver the event to the subscription, in order.
   */
  List<Integer> responseStatuses(String eventId, String subscriptionId) {
    EventDeliveriesService.ListParams params =
        EventDeliveriesService.ListParams.builder()
            .eventId(eventId)
            .subscriptionId(subscriptionId)
            .build();
    List<Integer> statuses = new ArrayList<>();
    for (EventDelivery delivery : client.eventDeliveries().list(params).autoPager()) {
      for (DeliveryAttempt attempt : delivery.attempts()) {
        statuses.add(attempt.responseStatus().orElse(null));
      }
    }
    return statuses;
  }

  static String idOf(Event event) {
    return event.id();
  }

  private Map<String, String> eventsSince(Instant since) {
    EventsService.ListParams params =
        EventsService.ListParams.builder()
            .createdAfter(OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
            .limit(100)
            .build();
    List<Event> newestFirst = new ArrayList<>();
    client.events().list(params).autoPager().forEach(newestFirst::add);
    Map<String, String> types = new LinkedHashMap<>();
    for (int i = newestFirst.size() - 1; i >= 0; i--) {
      types.put(idOf(newestFirst.get(i)), newestFirst.get(i).type().asString());
    }
    return types;
  }
}
