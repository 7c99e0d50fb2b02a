package com.kaicalls.examples;

import com.kaicalls.sdk.KaiCallsClient;
import com.kaicalls.sdk.RequestOptions;
import com.kaicalls.sdk.models.Agent;
import com.kaicalls.sdk.models.Backfill;
import com.kaicalls.sdk.models.BackfillRequest;
import com.kaicalls.sdk.models.BackfillStatus;
import com.kaicalls.sdk.models.Channel;
import com.kaicalls.sdk.models.CreateCommunicationRunRequest;
import com.kaicalls.sdk.models.CreateWebhookSubscriptionRequest;
import com.kaicalls.sdk.models.Event;
import com.kaicalls.sdk.models.EventDelivery;
import com.kaicalls.sdk.models.EventDeliveryStatus;
import com.kaicalls.sdk.models.Recipient;
import com.kaicalls.sdk.models.UpdateWebhookSubscriptionRequest;
import com.kaicalls.sdk.models.WebhookSubscriptionWithSecret;
import com.kaicalls.sdk.services.AgentsService;
import com.kaicalls.sdk.services.EventDeliveriesService;
import com.kaicalls.sdk.services.EventsService;
import com.kaicalls.webhooks.WebhookVerifier;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * A consumer that was down catches up, two ways. Its endpoint is stopped while a run produces
 * events, and KaiCalls gives up on those deliveries after its retries (about 28 hours, moved
 * through in an instant on the emulator). Back up, the consumer (1) lists its failed deliveries and
 * asks for a backfill of them, and (2) alternatively reads {@code /v1/events} from a checkpoint
 * kept in a file. Either way each event is handled exactly once: deliveries are deduplicated by
 * {@code webhook-id}, which is the event id.
 */
public final class CatchUp {

  /** Longer than KaiCalls' whole retry schedule (8 attempts over about 28 hours). */
  static final Duration DOWNTIME = Duration.ofHours(30);

  private final KaiCallsClient client;
  private final EmulatorClock clock;
  private final PrintStream out;
  private final Narrator say;

  public CatchUp(KaiCallsClient client, EmulatorClock clock, PrintStream out) {
    this.client = client;
    this.clock = clock;
    this.out = out;
    this.say = new Narrator(out);
  }

  // Connection prints to System.out; its close() stops the emulator only.
  @SuppressWarnings("ClosingStandardOutputStreams")
  public static void main(String[] args) throws IOException {
    String file = Connection.option(args, "--checkpoint", null);
    Path checkpoint =
        file != null ? Path.of(file) : Files.createTempFile("kaicalls-checkpoint", ".txt");
    try (Connection connection = Connection.open(args, System.getenv(), System.out)) {
      new CatchUp(connection.client(), connection.clock(), System.out).run(checkpoint);
    }
  }

  /** What happened, for tests. */
  public record Result(
      int failedDeliveries,
      Backfill backfill,
      int handledByBackfill,
      int readFromStore,
      int newFromStore,
      int secondPass) {}

  public Result run(Path checkpointFile) throws IOException {
    say.title("KaiCalls catch-up after downtime");
    if (!clock.controllable()) {
      say.say(
          "Note: this waits for real (KaiCalls retries for about 28 hours); point it at an emulator to see it at once.");
    }
    Checkpoint checkpoint = new Checkpoint(checkpointFile);

    say.step("The consumer is up and subscribed to everything");
    WebhookSubscriptionWithSecret subscription;
    String secret;
    try (WebhookEndpoint first = WebhookEndpoint.start(0, null, out)) {
      subscription =
          client
              .webhookSubscriptions()
              .create(
                  CreateWebhookSubscriptionRequest.builder()
                      .url(URI.create(first.url()))
                      .eventTypes("*")
                      .description("CatchUp example")
                      .build());
      secret = subscription.secret();
      say.say("Subscription %s -> %s", subscription.id(), first.url());
      Event newest =
          client.events().list(EventsService.ListParams.builder().limit(1).build()).data().get(0);
      checkpoint.save(newest);
      say.say("Checkpoint saved in %s: %s", checkpointFile, checkpoint.describe());
    }
    OffsetDateTime downSince = OffsetDateTime.now(clock.platformClock());

    say.step("The consumer goes down; meanwhile a run calls two people");
    Agent agent =
        client.agents().list(AgentsService.ListParams.builder().limit(1).build()).data().get(0);
    client
        .communicationRuns()
        .create(
            CreateCommunicationRunRequest.builder()
                .name("Calls during the outage")
                .agentId(agent.id())
                .channel(Channel.VOICE)
                .addRecipient(Recipient.builder().phone("+14155550100").firstName("Dana").build())
                .addRecipient(Recipient.builder().phone("+14155550101").firstName("Lee").build())
                .build(),
            RequestOptions.builder().idempotencyKey("catch-up-" + UUID.randomUUID()).build());
    for (Duration step = Duration.ofMinutes(10);
        step.compareTo(DOWNTIME) < 0;
        step = step.multipliedBy(2)) {
      clock.pass(step);
    }
    clock.pass(Duration.ofHours(2));
    say.say(
        "%s of platform time later, KaiCalls has given up on the deliveries it could not make.",
        "About 30 hours");

    try (WebhookEndpoint endpoint =
        WebhookEndpoint.start(
            0,
            WebhookVerifier.builder().addSecret(secret).clock(Clock.systemUTC()).build(),
            out)) { // webhook timestamps are real time, even on an emulator
      say.step("The consumer is back, at a new address  PATCH /v1/webhook-subscriptions/{id}");
      client
          .webhookSubscriptions()
          .update(
              subscription.id(),
              UpdateWebhookSubscriptionRequest.builder().url(URI.create(endpoint.url())).build());
      say.say("Subscription %s -> %s", subscription.id(), endpoint.url());

      say.step("Find what was missed  GET /v1/event-deliveries?subscription_id=...&status=failed");
      List<EventDelivery> failed =
          client
              .eventDeliveries()
              .list(
                  EventDeliveriesService.ListParams.builder()
                      .subscriptionId(subscription.id())
                      .status(EventDeliveryStatus.FAILED)
                      .limit(100)
                      .build())
              .autoPager()
              .stream()
              .toList();
      say.say(
          "%d failed deliveries, %d attempts each:",
          failed.size(), failed.isEmpty() ? 0 : failed.get(0).attempt());
      for (EventDelivery d : failed) {
        say.say("  %s %s (%s)", d.eventId(), d.eventType(), d.error().orElse("no answer"));
      }

      say.step("Way 1: ask for them again  POST /v1/events/backfill");
      Backfill backfill =
          client
              .events()
              .backfill(
                  BackfillRequest.builder()
                      .subscriptionId(subscription.id())
                      .createdAfter(downSince.minusMinutes(1))
                      .createdBefore(OffsetDateTime.now(clock.platformClock()))
                      .onlyFailed(true)
                      .build());
      say.say("Backfill %s: %d events queued.", backfill.id(), backfill.total());
      for (int i = 0; i < 120 && !finished(backfill); i++) {
        clock.pass(clock.controllable() ? Duration.ofSeconds(5) : Duration.ofSeconds(1));
        backfill = client.backfills().retrieve(backfill.id());
      }
      say.say(
          "Backfill %s: %d delivered, %d failed.",
          backfill.status(), backfill.delivered(), backfill.failed());
      int handledByBackfill = endpoint.handledCount();
      say.say("The endpoint handled %d events.", handledByBackfill);

      say.step("Way 2: read the event store from the checkpoint  GET /v1/events?created_after=...");
      List<Event> missed = eventsAfter(checkpoint);
      int fresh = 0;
      for (Event event : missed) {
        if (endpoint.markHandled(event.id())) {
          fresh++;
          say.say("  handle  %s", EventWords.line(event));
        }
        checkpoint.save(event);
      }
      say.say(
          "%d events since the checkpoint; %d new, %d already handled by the backfill, none handled twice.",
          missed.size(), fresh, missed.size() - fresh);
      say.say("Checkpoint now: %s", checkpoint.describe());
      int secondPass = eventsAfter(checkpoint).size();
      say.say("Reading again from the new checkpoint: %d events.", secondPass);

      client.webhookSubscriptions().delete(subscription.id());
      say.end("Done: nothing missed, nothing handled twice.");
      return new Result(
          failed.size(), backfill, handledByBackfill, missed.size(), fresh, secondPass);
    }
  }

  private static boolean finished(Backfill backfill) {
    return BackfillStatus.COMPLETED.equals(backfill.status())
        || BackfillStatus.FAILED.equals(backfill.status());
  }

  /**
   * Events strictly after the checkpoint, oldest first. {@code created_after} is inclusive and the
   * list is ordered by (created_at, id) descending, so events at the checkpoint's instant are
   * compared by id.
   */
  private List<Event> eventsAfter(Checkpoint checkpoint) {
    List<Event> events = new ArrayList<>();
    EventsService.ListParams params =
        EventsService.ListParams.builder().createdAfter(checkpoint.createdAt).limit(100).build();
    for (Event event : client.events().list(params).autoPager()) {
      if (checkpoint.isBefore(event)) {
        events.add(event);
      }
    }
    Collections.reverse(events);
    return events;
  }

  /** The last event handled, kept in a one-line file: {@code <created_at> <event id>}. */
  static final class Checkpoint {
    private final Path file;
    OffsetDateTime createdAt;
    String eventId;

    Checkpoint(Path file) throws IOException {
      this.file = file;
      if (Files.exists(file) && Files.size(file) > 0) {
        String[] parts = Files.readString(file, StandardCharsets.UTF_8).trim().split(" ", -1);
        createdAt = OffsetDateTime.parse(parts[0]);
        eventId = parts[1];
      }
    }

    boolean isBefore(Event event) {
      int byTime = event.createdAt().toInstant().compareTo(createdAt.toInstant());
      return byTime > 0 || (byTime == 0 && event.id().compareTo(eventId) > 0);
    }

    /**
     * Written to a temporary file and moved over the old one, so a crash never leaves half a line.
     */
    void save(Event event) {
      createdAt = event.createdAt();
      eventId = event.id();
      try {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, describe() + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    String describe() {
      return createdAt + " " + eventId;
    }
  }
}
