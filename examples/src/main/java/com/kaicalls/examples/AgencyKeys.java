package com.kaicalls.examples;

import com.kaicalls.sdk.KaiCallsClient;
import com.kaicalls.sdk.RequestOptions;
import com.kaicalls.sdk.errors.AuthenticationException;
import com.kaicalls.sdk.errors.PermissionDeniedException;
import com.kaicalls.sdk.models.ApiKeyWithSecret;
import com.kaicalls.sdk.models.Channel;
import com.kaicalls.sdk.models.CreateApiKeyRequest;
import com.kaicalls.sdk.models.CreateCommunicationRunRequest;
import com.kaicalls.sdk.models.Me;
import com.kaicalls.sdk.models.Recipient;
import com.kaicalls.sdk.models.Scope;
import com.kaicalls.sdk.services.AgentsService;
import com.kaicalls.sdk.services.CommunicationRunsService;
import com.kaicalls.sdk.services.EventsService;
import java.io.PrintStream;
import java.util.UUID;

/**
 * An agency gives one client integration its own key, able to read runs and events and nothing
 * else: minted with {@code runs:read} + {@code events:read}, it reads, is refused (403) when it
 * tries to create a run, and stops working once revoked.
 */
public final class AgencyKeys {

  private final KaiCallsClient client;
  private final Narrator say;

  public AgencyKeys(KaiCallsClient client, PrintStream out) {
    this.client = client;
    this.say = new Narrator(out);
  }

  // Connection prints to System.out; its close() stops the emulator only.
  @SuppressWarnings("ClosingStandardOutputStreams")
  public static void main(String[] args) {
    try (Connection connection = Connection.open(args, System.getenv(), System.out)) {
      new AgencyKeys(connection.client(), System.out).run();
    }
  }

  /** What the scoped key ran into, for tests. */
  public record Result(
      String keyId, PermissionDeniedException refused, AuthenticationException afterRevoke) {}

  public Result run() {
    say.title("KaiCalls scoped keys for an agency");
    // Read before minting: the agency's own key must be able to create runs, and knows an agent.
    String agentId =
        client
            .agents()
            .list(AgentsService.ListParams.builder().limit(1).build())
            .data()
            .get(0)
            .id();

    say.step("Mint a key for one client integration  POST /v1/api-keys");
    ApiKeyWithSecret key =
        client
            .apiKeys()
            .create(
                CreateApiKeyRequest.builder()
                    .name("Acme CRM sync (read-only)")
                    .scopes(Scope.RUNS_READ, Scope.EVENTS_READ)
                    .build());
    say.say("Key %s \"%s\", scopes %s.", key.id(), key.name(), key.scopes());
    say.say(
        "Secret %s: shown only in this answer, give it to the integration now.",
        Connection.mask(key.secret()));

    KaiCallsClient integration = client.withOptions(b -> b.apiKey(key.secret()));
    say.step("The integration reads what it may");
    Me me = integration.me().retrieve();
    say.say(
        "GET /v1/me: key %s of \"%s\", scopes %s.", me.keyId(), me.workspaceName(), me.scopes());
    int runs =
        integration
            .communicationRuns()
            .list(CommunicationRunsService.ListParams.builder().limit(10).build())
            .data()
            .size();
    int events =
        integration
            .events()
            .list(EventsService.ListParams.builder().limit(10).build())
            .data()
            .size();
    say.say(
        "GET /v1/communication-runs: %d runs; GET /v1/events: %d events (first pages).",
        runs, events);

    say.step("The integration tries to create a run  POST /v1/communication-runs");
    PermissionDeniedException refused = null;
    try {
      integration
          .communicationRuns()
          .create(
              CreateCommunicationRunRequest.builder()
                  .name("Not allowed")
                  .agentId(agentId)
                  .channel(Channel.VOICE)
                  .addRecipient(Recipient.builder().phone("+14155550100").build())
                  .build(),
              RequestOptions.builder().idempotencyKey("agency-keys-" + UUID.randomUUID()).build());
      say.say("Created?! The key should not have been allowed to.");
    } catch (PermissionDeniedException e) {
      refused = e;
      say.say("Refused: HTTP %d %s / %s", e.statusCode(), e.type(), e.code());
      say.say("\"%s\"", e.getMessage());
    }

    say.step("The integration goes away: revoke its key  POST /v1/api-keys/{id}/revoke");
    client.apiKeys().revoke(key.id());
    AuthenticationException afterRevoke = null;
    try {
      integration.me().retrieve();
      say.say("Still accepted?! A revoked key should not be.");
    } catch (AuthenticationException e) {
      afterRevoke = e;
      say.say("Its next request: HTTP %d %s.", e.statusCode(), e.code());
    }
    say.end("Done: one integration, one key, only the scopes it needs.");
    return new Result(key.id(), refused, afterRevoke);
  }
}
