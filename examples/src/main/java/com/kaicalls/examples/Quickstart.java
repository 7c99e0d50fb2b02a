package com.kaicalls.examples;

import com.kaicalls.sdk.KaiCallsClient;
import com.kaicalls.sdk.RawResponse;
import com.kaicalls.sdk.RequestOptions;
import com.kaicalls.sdk.models.Agent;
import com.kaicalls.sdk.models.Channel;
import com.kaicalls.sdk.models.CommunicationRun;
import com.kaicalls.sdk.models.CreateCommunicationRunRequest;
import com.kaicalls.sdk.models.Event;
import com.kaicalls.sdk.models.Me;
import com.kaicalls.sdk.models.Recipient;
import com.kaicalls.sdk.models.RunPreview;
import com.kaicalls.sdk.models.SendWindow;
import com.kaicalls.sdk.models.ValidationIssue;
import com.kaicalls.sdk.models.ValidationResult;
import com.kaicalls.sdk.services.AgentsService;
import com.kaicalls.sdk.services.EventsService;
import java.io.PrintStream;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The first ten minutes with the KaiCalls API: who am I, then validate, preview and create a
 * communication run (safely retried with an idempotency key), then follow its events until it
 * completes.
 *
 * <pre>
 * ./quickstart                                        # an emulator started in this JVM
 * java ... Quickstart --base-url http://127.0.0.1:8089 # a running emulator (its demo key is read)
 * KAICALLS_API_KEY=kc_test_... java ... Quickstart     # the real platform, test mode
 * </pre>
 */
public final class Quickstart {

  /** How much platform time passes between two looks at the event store. */
  static final Duration POLL_STEP = Duration.ofSeconds(30);

  /** When to give up following the run. */
  static final Duration PATIENCE = Duration.ofHours(2);

  private final KaiCallsClient client;
  private final EmulatorClock clock;
  private final Narrator say;

  public Quickstart(KaiCallsClient client, EmulatorClock clock, PrintStream out) {
    this.client = client;
    this.clock = clock;
    this.say = new Narrator(out);
  }

  // Connection prints to System.out; its close() stops the emulator only.
  @SuppressWarnings("ClosingStandardOutputStreams")
  public static void main(String[] args) {
    try (Connection connection = Connection.open(args, System.getenv(), System.out)) {
      new Quickstart(connection.client(), connection.clock(), System.out).run();
    }
  }

  /** Runs the tour; returns the run it created, completed (or as far as it got). */
  public CommunicationRun run() {
    say.title("KaiCalls quickstart");

    say.step("Who am I?  GET /v1/me");
    Me me = client.me().retrieve();
    say.say(
        "This key (%s) belongs to \"%s\" (%s), %s mode, with %d scopes.",
        me.keyId(),
        me.workspaceName(),
        me.workspaceId(),
        Boolean.TRUE.equals(me.livemode()) ? "live" : "test",
        me.scopes().size());

    Agent agent =
        client.agents().list(AgentsService.ListParams.builder().limit(1).build()).data().get(0);
    CreateCommunicationRunRequest request =
        CreateCommunicationRunRequest.builder()
            .name("Spring check-up reminders")
            .agentId(agent.id())
            .channel(Channel.VOICE)
            .addRecipient(Recipient.builder().phone("+14155550100").firstName("Dana").build())
            .addRecipient(Recipient.builder().phone("+14155550101").firstName("Lee").build())
            .build();

    say.step("Check a communication run before creating it  POST /v1/communication-runs/validate");
    say.say(
        "Agent \"%s\" (%s) will call Dana at +14155550100 and Lee at +14155550101.",
        agent.name(), agent.id());
    ValidationResult check = client.communicationRuns().validate(request);
    say.say(
        "Valid: %s; %d errors, %d warnings. Nothing was created.",
        check.valid() ? "yes" : "no", check.errors().size(), check.warnings().size());
    for (ValidationIssue issue : check.errors()) {
      say.say("  error at %s: %s", issue.param().orElse("the request"), issue.message());
    }
    if (!check.valid()) {
      say.end("Fix the errors above and try again.");
      return null;
    }

    say.step("Preview it  POST /v1/communication-runs/preview");
    RunPreview preview = client.communicationRuns().preview(request);
    say.say(
        "%d of %d recipients can be reached; estimated duration %s.",
        preview.sendableCount(),
        preview.recipientsCount(),
        minutes(preview.estimatedDurationSeconds()));
    if (!preview.sendWindows().isEmpty()) {
      SendWindow first = preview.sendWindows().get(0);
      say.say("First send window: %s to %s.", first.start(), first.end());
    }

    String idempotencyKey = "quickstart-" + UUID.randomUUID();
    RequestOptions once = RequestOptions.builder().idempotencyKey(idempotencyKey).build();
    say.step("Create it  POST /v1/communication-runs");
    say.say("Idempotency-Key: %s", idempotencyKey);
    RawResponse<CommunicationRun> created =
        client.communicationRuns().withRawResponse().create(request, once);
    CommunicationRun run = created.body();
    say.say(
        "HTTP %d: created run %s, status %s (request %s).",
        created.statusCode(), run.id(), run.status(), created.requestId().orElse("-"));
    RawResponse<CommunicationRun> retried =
        client.communicationRuns().withRawResponse().create(request, once);
    say.say("Sent the same request again with the same key (as a retry after a timeout would):");
    say.say(
        "HTTP %d, Idempotent-Replayed: %s, run %s: %s",
        retried.statusCode(),
        retried.idempotentReplayed(),
        retried.body().id(),
        retried.body().id().equals(run.id())
            ? "the same run, nobody is called twice."
            : "A DIFFERENT RUN?");

    say.step("Follow the run until it completes  GET /v1/events");
    say.say(
        "%s",
        clock.controllable()
            ? "The emulator's clock is moved forward "
                + POLL_STEP.toSeconds()
                + " s at a time instead of waiting."
            : "Looking for new events every " + POLL_STEP.toSeconds() + " s.");
    CommunicationRun finished = follow(run);
    say.end(
        finished.completedAt().isPresent() || finished.cancelledAt().isPresent()
            ? "Done: run "
                + finished.id()
                + " is "
                + finished.status()
                + " ("
                + EventWords.counts(finished.counts())
                + ")."
            : "Stopped following run " + finished.id() + " while it is " + finished.status() + ".");
    say.end(
        "Next: the webhook receiver (com.kaicalls.examples.WebhookReceiver), the API reference at /docs/api"
            + " and the keys page at /dashboard/settings/api-keys of a running emulator.");
    return finished;
  }

  /** Prints the run's new events, oldest first, until one says it is over or patience runs out. */
  private CommunicationRun follow(CommunicationRun run) {
    Set<String> seen = new HashSet<>();
    OffsetDateTime since = run.createdAt();
    Duration waited = Duration.ZERO;
    while (true) {
      for (Event event : newEvents(since, seen)) {
        since = event.createdAt();
        if (EventWords.runId(event).map(run.id()::equals).orElse(true)) {
          say.say("%s", EventWords.line(event));
        }
        if (EventWords.endsRun(event, run.id())) {
          return client.communicationRuns().retrieve(run.id());
        }
      }
      if (waited.compareTo(PATIENCE) >= 0) {
        return client.communicationRuns().retrieve(run.id());
      }
      clock.pass(POLL_STEP);
      waited = waited.plus(POLL_STEP);
    }
  }

  /**
   * Events created at or after {@code since} not seen yet, oldest first. The list is newest first;
   * {@code created_after} is inclusive, so events sharing the last timestamp come again and are
   * skipped.
   */
  private List<Event> newEvents(OffsetDateTime since, Set<String> seen) {
    List<Event> fresh = new ArrayList<>();
    EventsService.ListParams params =
        EventsService.ListParams.builder().createdAfter(since).limit(100).build();
    for (Event event : client.events().list(params).autoPager()) {
      if (seen.add(event.id())) {
        fresh.add(event);
      }
    }
    Collections.reverse(fresh);
    return fresh;
  }

  private static String minutes(Integer seconds) {
    if (seconds == null) {
      return "unknown";
    }
    return seconds < 120 ? seconds + " s" : (seconds / 60) + " min";
  }
}
