package com.kaicalls.examples;

import com.kaicalls.sdk.KaiCallsClient;
import com.kaicalls.sdk.RequestOptions;
import com.kaicalls.sdk.errors.NotFoundException;
import com.kaicalls.sdk.models.ApiKeyWithSecret;
import com.kaicalls.sdk.models.Channel;
import com.kaicalls.sdk.models.CommunicationRun;
import com.kaicalls.sdk.models.CreateApiKeyRequest;
import com.kaicalls.sdk.models.CreateCommunicationRunRequest;
import com.kaicalls.sdk.models.CreateWebhookSubscriptionRequest;
import com.kaicalls.sdk.models.CreateWorkspaceRequest;
import com.kaicalls.sdk.models.Event;
import com.kaicalls.sdk.models.Me;
import com.kaicalls.sdk.models.Recipient;
import com.kaicalls.sdk.models.Scope;
import com.kaicalls.sdk.models.WebhookSubscriptionWithSecret;
import com.kaicalls.sdk.models.Workspace;
import com.kaicalls.sdk.services.AgentsService;
import com.kaicalls.sdk.services.CommunicationRunsService;
import com.kaicalls.sdk.services.EventsService;
import com.kaicalls.webhooks.WebhookVerifier;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The agency story: one agency key manages many client businesses. It signs up a client workspace,
 * gives that client's integration a key limited to the client's data ({@code runs:read} + {@code
 * events:read}) which cannot reach the agency or another client, launches a run for each of two
 * clients by acting with the {@code KaiCalls-Workspace} header, receives both clients' events on
 * one agency webhook endpoint (each event says whose it is), and lists one client's events.
 *
 * <p>Against the emulator the key is its demo agency's (Northwind Growth Agency, whose clients are
 * the demo workspace and Lakeside Roofing); elsewhere give an agency workspace's key.
 */
public final class AgencyKeys {

  private final KaiCallsClient agency;
  private final EmulatorClock clock;
  private final PrintStream out;
  private final Narrator say;

  public AgencyKeys(KaiCallsClient agency, EmulatorClock clock, PrintStream out) {
    this.agency = agency;
    this.clock = clock;
    this.out = out;
    this.say = new Narrator(out);
  }

  // Connection prints to System.out; its close() stops the emulator only.
  @SuppressWarnings("ClosingStandardOutputStreams")
  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(Connection.option(args, "--port", "0"));
    try (Connection connection = Connection.openAgency(args, System.getenv(), System.out)) {
      new AgencyKeys(connection.client(), connection.clock(), System.out).run(port);
    }
  }

  /**
   * What the story met, for tests.
   *
   * @param agencyId the agency's workspace
   * @param created the client workspace it signed up
   * @param limitedKeyWorkspaceId the workspace of the key it minted for that client
   * @param toAgency the limited key's answer when it tried to act for the agency
   * @param toOtherClient its answer when it tried to act for another client
   * @param runs the runs launched, one in each of two existing clients
   * @param received the deliveries of the agency's one endpoint
   * @param oneClientsEvents the events listed for one client
   */
  public record Result(
      String agencyId,
      Workspace created,
      String limitedKeyWorkspaceId,
      NotFoundException toAgency,
      NotFoundException toOtherClient,
      List<CommunicationRun> runs,
      List<WebhookEndpoint.Received> received,
      List<Event> oneClientsEvents) {}

  /** Runs the story with the agency's endpoint on {@code port} (0: any). */
  public Result run(int port) throws IOException {
    say.title("KaiCalls for an agency: many client businesses, one key");

    say.step("Who is calling  GET /v1/me, GET /v1/workspaces");
    Me me = agency.me().retrieve();
    say.say(
        "Key %s of \"%s\" (%s, %s).",
        me.keyId(), me.workspaceName(), me.workspaceKind(), me.workspaceId());
    List<Workspace> clients = agency.workspaces().list().data();
    for (Workspace client : clients) {
      say.say("Client workspace %s \"%s\".", client.id(), client.name());
    }
    if (clients.size() < 2) {
      throw new IllegalStateException("The story needs an agency with two client workspaces");
    }

    say.step("Sign up a new client  POST /v1/workspaces");
    Workspace created =
        agency
            .workspaces()
            .create(
                CreateWorkspaceRequest.builder()
                    .name("Harbor Dental")
                    .putMetadata("crm_account", "20931")
                    .build(),
                RequestOptions.idempotencyKey("agency-keys-signup-" + UUID.randomUUID()));
    say.say(
        "Workspace %s \"%s\": a %s of %s.",
        created.id(), created.name(), created.kind(), created.parentWorkspaceId().orElse("?"));

    say.step("Give the new client's integration its own key  POST /v1/api-keys, acting for it");
    ApiKeyWithSecret key =
        agency
            .withWorkspace(created.id())
            .apiKeys()
            .create(
                CreateApiKeyRequest.builder()
                    .name("Harbor Dental CRM sync (read-only)")
                    .scopes(Scope.RUNS_READ, Scope.EVENTS_READ)
                    .build());
    say.say("Key %s belongs to %s, scopes %s.", key.id(), key.workspaceId(), key.scopes());
    say.say(
        "Secret %s: shown only in this answer, give it to the integration now.",
        Connection.mask(key.secret()));

    say.step("The client's key sees its client and nothing else");
    KaiCallsClient integration = agency.withOptions(b -> b.apiKey(key.secret()));
    Me seen = integration.me().retrieve();
    int runsSeen =
        integration
            .communicationRuns()
            .list(CommunicationRunsService.ListParams.builder().limit(10).build())
            .data()
            .size();
    say.say(
        "GET /v1/me: \"%s\" (%s); GET /v1/communication-runs: %d runs.",
        seen.workspaceName(), seen.workspaceKind(), runsSeen);
    NotFoundException toAgency = refused(integration, me.workspaceId(), "the agency");
    NotFoundException toOtherClient = refused(integration, clients.get(0).id(), "another client");

    try (WebhookEndpoint endpoint = WebhookEndpoint.start(port, null, out)) {
      say.step("One endpoint for every client's events  POST /v1/webhook-subscriptions");
      WebhookSubscriptionWithSecret subscription =
          agency
              .webhookSubscriptions()
              .create(
                  CreateWebhookSubscriptionRequest.builder()
                      .url(URI.create(endpoint.url()))
                      .eventTypes("communication_run.*")
                      .includeClientWorkspaces(true)
                      .description("AgencyKeys example: every client's runs")
                      .build());
      // This machine's clock: deliveries are signed with the real time of the send.
      endpoint.verifyWith(
          WebhookVerifier.builder()
              .addSecret(subscription.secret())
              .clock(Clock.systemUTC())
              .build());
      say.say(
          "Subscription %s at %s, include_client_workspaces: true, signed with one secret.",
          subscription.id(), endpoint.url());

      say.step("Launch a run for each client, acting for it  POST /v1/communication-runs");
      List<CommunicationRun> runs = new ArrayList<>();
      for (Workspace client : clients.subList(0, 2)) {
        runs.add(launchRunFor(client));
      }
      WebhookEndpoint.awaitDelivery(clock, () -> runsCreated(endpoint) >= runs.size());
      say.say("The agency's endpoint verified %d deliveries:", endpoint.received().size());
      for (WebhookEndpoint.Received event : endpoint.received()) {
        say.say("  %s %s of workspace %s", event.type(), event.webhookId(), event.workspaceId());
      }

      String listed = clients.get(1).id();
      say.step("One client's events  GET /v1/events?workspace_id=" + listed);
      List<Event> events =
          agency
              .events()
              .list(EventsService.ListParams.builder().workspaceId(listed).limit(5).build())
              .data();
      for (Event event : events) {
        say.say("%s %s of workspace %s", event.type(), event.id(), event.workspaceId());
      }
      say.say("(Acting for the client, agency.withWorkspace(id).events().list() pages the same.)");

      agency.webhookSubscriptions().delete(subscription.id());
      say.end(
          "Done: one agency key, "
              + (clients.size() + 1)
              + " client workspaces, one endpoint for all their events.");
      return new Result(
          me.workspaceId(),
          created,
          key.workspaceId(),
          toAgency,
          toOtherClient,
          runs,
          endpoint.received(),
          events);
    }
  }

  /** The limited key sending {@code KaiCalls-Workspace: target}: never found, never revealed. */
  private NotFoundException refused(KaiCallsClient limited, String target, String who) {
    try {
      limited.withWorkspace(target).communicationRuns().list();
      say.say("Acting for %s (%s) worked?! A client's key should never reach it.", who, target);
      return null;
    } catch (NotFoundException e) {
      say.say(
          "Acting for %s (%s): HTTP %d %s, param %s.",
          who, target, e.statusCode(), e.code(), e.param());
      return e;
    }
  }

  /** Acting for {@code client} with the agency's key: one recipient, its first agent. */
  private CommunicationRun launchRunFor(Workspace client) {
    KaiCallsClient acting = agency.withWorkspace(client.id());
    String agentId =
        acting
            .agents()
            .list(AgentsService.ListParams.builder().limit(1).build())
            .data()
            .get(0)
            .id();
    CommunicationRun run =
        acting
            .communicationRuns()
            .create(
                CreateCommunicationRunRequest.builder()
                    .name("Spring check-in for " + client.name())
                    .agentId(agentId)
                    .channel(Channel.VOICE)
                    .addRecipient(Recipient.builder().phone("+14155550100").build())
                    .build(),
                RequestOptions.idempotencyKey("agency-keys-run-" + UUID.randomUUID()));
    say.say("%s: run %s \"%s\" (%s).", client.name(), run.id(), run.name(), run.status());
    return run;
  }

  /** How many communication_run.created events the endpoint has verified. */
  private static long runsCreated(WebhookEndpoint endpoint) {
    return endpoint.received().stream()
        .filter(r -> r.type().equals("communication_run.created"))
        .count();
  }
}
