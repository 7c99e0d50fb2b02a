package com.kaicalls.mock.internal.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kaicalls.mock.WebhookReceiver;
import com.kaicalls.mock.internal.access.Workspaces;
import com.kaicalls.mock.internal.access.Workspaces.Kind;
import com.kaicalls.mock.internal.access.Workspaces.Workspace;
import com.kaicalls.mock.internal.clock.Scheduler;
import com.kaicalls.mock.internal.clock.VirtualClock;
import com.kaicalls.mock.internal.events.Ledger;
import com.kaicalls.mock.internal.store.Ids;
import com.kaicalls.mock.internal.store.InMemoryStore;
import com.kaicalls.mock.internal.store.Journal;
import com.kaicalls.mock.internal.store.Json;
import com.kaicalls.mock.internal.store.ListQuery;
import com.kaicalls.mock.internal.store.Transactions;
import com.kaicalls.webhooks.WebhookSecrets;
import com.kaicalls.webhooks.WebhookVerifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An agency's subscriptions that include client workspaces receive its clients' events, as the
 * agency's deliveries, and nobody else's. The parts are wired directly so that the test can name
 * workspaces of any kind (a second agency among them); virtual time, a real receiver on 127.0.0.1.
 */
class AgencyDeliveriesTest {

  private static final Instant T0 = Instant.parse("2026-12-01T15:00:00Z");
  private static final Clock WALL =
      Clock.fixed(Instant.parse("2026-11-30T09:00:00Z"), ZoneOffset.UTC);

  private static final String AGENCY = "ws_agency";
  private static final String CLIENT = "ws_client";
  private static final String SIBLING = "ws_sibling";
  private static final String OTHER_AGENCY = "ws_agency2";
  private static final String OTHER_AGENCYS_CLIENT = "ws_client_of_agency2";
  private static final String STANDALONE = "ws_standalone";

  private final InMemoryStore store = new InMemoryStore();
  private final Ids ids = new Ids(7);
  private final VirtualClock clock = new VirtualClock(true, 1.0, WALL, T0);
  private final Transactions tx = new Transactions(Journal.none(), ids, clock);
  private final Scheduler scheduler = new Scheduler(store, clock, tx);
  private final Ledger ledger = new Ledger(store, ids, clock);
  private final Workspaces workspaces = new Workspaces();
  private final Deliveries deliveries = new Deliveries(store, ids, clock, scheduler);
  private final List<String> secrets = new ArrayList<>();
  private final WebhookHandlers webhooks =
      new WebhookHandlers(
          store, ledger, deliveries, ids, clock, this::secret, Set.of(), workspaces);
  private final Dispatcher dispatcher =
      new Dispatcher(
          store, ledger, clock, WALL, scheduler, tx, deliveries, workspaces, Duration.ofSeconds(5));
  private final Backfills backfills =
      new Backfills(store, deliveries, ids, clock, scheduler, workspaces);
  private final List<WebhookReceiver> receivers = new ArrayList<>();

  @BeforeEach
  void twoAgenciesWithClientsAndAStandaloneWorkspace() {
    workspaces.add(new Workspace(AGENCY, "Northwind", Kind.AGENCY, null));
    workspaces.add(new Workspace(CLIENT, "Bright Smile", Kind.CLIENT, AGENCY));
    workspaces.add(new Workspace(SIBLING, "Lakeside", Kind.CLIENT, AGENCY));
    workspaces.add(new Workspace(OTHER_AGENCY, "Southwind", Kind.AGENCY, null));
    workspaces.add(new Workspace(OTHER_AGENCYS_CLIENT, "Hilltop", Kind.CLIENT, OTHER_AGENCY));
    workspaces.add(new Workspace(STANDALONE, "Northside Plumbing"));
    dispatcher.addListener(backfills);
  }

  @AfterEach
  void stop() {
    dispatcher.close();
    receivers.forEach(WebhookReceiver::close);
  }

  @Test
  void aClientsEventReachesTheClientsOwnSubscriptionAndTheAgencysEachSignedWithItsOwnSecret()
      throws Exception {
    WebhookReceiver clientEndpoint = receiver();
    WebhookReceiver agencyEndpoint = receiver();
    ObjectNode own = subscribe(CLIENT, clientEndpoint, false);
    ObjectNode agency = subscribe(AGENCY, agencyEndpoint, true);

    ObjectNode event = happen(CLIENT, "lead.created");
    settle();

    verify(clientEndpoint, own);
    verify(agencyEndpoint, agency);
    assertThat(clientEndpoint.received()).hasSize(1);
    assertThat(agencyEndpoint.received()).hasSize(1);
    assertThat(agencyEndpoint.received().get(0).header("webhook-id"))
        .isEqualTo(event.get("id").asText());
  }

  @Test
  void theAgencyReceivesTheEventExactlyAsStoredWithTheClientsWorkspaceId() throws Exception {
    WebhookReceiver endpoint = receiver();
    subscribe(AGENCY, endpoint, true);

    ObjectNode event = happen(CLIENT, "lead.created");
    settle();

    JsonNode received = Json.parse(endpoint.received().get(0).body());
    assertThat(received).isEqualTo(store.get(CLIENT, "event", event.get("id").asText()));
    assertThat(received.path("workspace_id").asText()).isEqualTo(CLIENT);
  }

  @Test
  void theDeliveryOfAClientsEventToTheAgencyBelongsToTheAgencyNotTheClient() {
    WebhookReceiver endpoint = receiver();
    ObjectNode sub = subscribe(AGENCY, endpoint, true);

    ObjectNode event = happen(CLIENT, "lead.created");
    settle();

    assertThat(store.all(AGENCY, Deliveries.TYPE))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.path("event_id").asText()).isEqualTo(event.get("id").asText());
              assertThat(d.path("subscription_id").asText()).isEqualTo(sub.get("id").asText());
              assertThat(d.path("status").asText()).isEqualTo("succeeded");
            });
    assertThat(store.all(CLIENT, Deliveries.TYPE)).isEmpty();
  }

  @Test
  void anAgencySubscriptionWithoutIncludeClientWorkspacesGetsOnlyTheAgencysOwnEvents() {
    WebhookReceiver endpoint = receiver();
    subscribe(AGENCY, endpoint, false);

    happen(CLIENT, "lead.created");
    ObjectNode own = happen(AGENCY, "lead.created");
    settle();

    assertThat(endpoint.received())
        .singleElement()
        .satisfies(r -> assertThat(r.header("webhook-id")).isEqualTo(own.get("id").asText()));
  }

  @Test
  void everyClientOfTheAgencyReachesItsSubscription() {
    WebhookReceiver endpoint = receiver();
    subscribe(AGENCY, endpoint, true);

    happen(CLIENT, "lead.created");
    happen(SIBLING, "lead.created");
    settle();

    assertThat(endpoint.received()).hasSize(2);
  }

  @Test
  void aStandaloneWorkspacesEventNeverReachesAnAgency() {
    WebhookReceiver endpoint = receiver();
    subscribe(AGENCY, endpoint, true);

    happen(STANDALONE, "lead.created");
    settle();

    assertThat(endpoint.received()).isEmpty();
    assertThat(store.all(AGENCY, Deliveries.TYPE)).isEmpty();
  }

  @Test
  void aClientOfAnotherAgencyNeverReachesThisAgency() {
    WebhookReceiver endpoint = receiver();
    subscribe(AGENCY, endpoint, true);

    happen(OTHER_AGENCYS_CLIENT, "lead.created");
    settle();

    assertThat(endpoint.received()).isEmpty();
    assertThat(store.all(AGENCY, Deliveries.TYPE)).isEmpty();
  }

  @Test
  void aClientNeverReceivesItsAgencysOrItsSiblingsEvents() {
    WebhookReceiver endpoint = receiver();
    subscribe(CLIENT, endpoint, false);

    happen(AGENCY, "lead.created");
    happen(SIBLING, "lead.created");
    settle();

    assertThat(endpoint.received()).isEmpty();
  }

  @Test
  void anAgencySubscriptionReceivesOnlyTheClientEventTypesItMatches() {
    WebhookReceiver endpoint = receiver();
    subscribe(AGENCY, endpoint, true, "call.*");

    happen(CLIENT, "lead.created");
    ObjectNode call = happen(CLIENT, "call.completed");
    settle();

    assertThat(endpoint.received())
        .singleElement()
        .satisfies(r -> assertThat(r.header("webhook-id")).isEqualTo(call.get("id").asText()));
  }

  @Test
  void aClientsSubscriptionTestEventNeverReachesTheAgency() {
    WebhookReceiver endpoint = receiver();
    subscribe(AGENCY, endpoint, true);

    happen(CLIENT, "webhook_subscription.test");
    settle();

    assertThat(endpoint.received()).isEmpty();
  }

  @Test
  void aDisabledAgencySubscriptionReceivesNoClientEvents() {
    WebhookReceiver endpoint = receiver();
    ObjectNode sub = subscribe(AGENCY, endpoint, true);
    ObjectNode disabled = store.get(AGENCY, WebhookHandlers.TYPE, sub.get("id").asText());
    tx.run(() -> store.put(AGENCY, WebhookHandlers.TYPE, disabled.put("enabled", false)));

    happen(CLIENT, "lead.created");
    settle();

    assertThat(endpoint.received()).isEmpty();
  }

  @Test
  void aFailedClientEventDeliveryIsRetriedFiveSecondsLaterToTheAgency() {
    WebhookReceiver endpoint = receiver().then(503);
    subscribe(AGENCY, endpoint, true);
    happen(CLIENT, "lead.created");
    settle();

    scheduler.advanceTo(clock.instant().plusSeconds(5));

    assertThat(endpoint.received()).hasSize(2);
    assertThat(store.all(AGENCY, Deliveries.TYPE))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.path("status").asText()).isEqualTo("succeeded");
              assertThat(d.path("attempts")).hasSize(2);
            });
  }

  @Test
  void a410ForAClientEventDisablesTheAgencySubscription() {
    WebhookReceiver endpoint = receiver().then(410);
    ObjectNode sub = subscribe(AGENCY, endpoint, true);

    happen(CLIENT, "lead.created");
    settle();

    ObjectNode stored = store.get(AGENCY, WebhookHandlers.TYPE, sub.get("id").asText());
    assertThat(stored.path("enabled").asBoolean()).isFalse();
    assertThat(stored.path("disabled_reason").asText()).isEqualTo("endpoint_gone");
  }

  @Test
  void anAgencySubscriptionWhoseClientEventDeliveriesFailForFiveDaysIsDisabledAsFailing() {
    WebhookReceiver endpoint = receiver().otherwise(500, Duration.ZERO);
    ObjectNode sub = subscribe(AGENCY, endpoint, true);

    for (int day = 0; day <= 5; day++) {
      happen(CLIENT, "lead.created");
      scheduler.advanceTo(T0.plus(Duration.ofDays(day + 1)));
    }

    ObjectNode stored = store.get(AGENCY, WebhookHandlers.TYPE, sub.get("id").asText());
    assertThat(stored.path("enabled").asBoolean()).isFalse();
    assertThat(stored.path("disabled_reason").asText()).isEqualTo("failing");
  }

  @Test
  void aBackfillIncludingClientsSendsTheirEventsInTheWindowOldestFirst() {
    ObjectNode foreign = happen(OTHER_AGENCYS_CLIENT, "lead.created");
    ObjectNode first = happen(AGENCY, "lead.created");
    clock.moveTo(T0.plusSeconds(60));
    ObjectNode second = happen(CLIENT, "lead.created");
    clock.moveTo(T0.plusSeconds(120));
    ObjectNode third = happen(SIBLING, "lead.created");
    happen(STANDALONE, "lead.created");
    clock.moveTo(T0.plusSeconds(3600));
    happen(CLIENT, "lead.created"); // after the window
    WebhookReceiver endpoint = receiver();
    ObjectNode sub = subscribe(AGENCY, endpoint, true);

    ObjectNode backfill =
        tx.call(() -> backfills.start(AGENCY, sub, T0, T0.plusSeconds(600), false));
    settle();

    assertThat(backfill.path("total").asLong()).isEqualTo(3);
    assertThat(backfilledEventIds())
        .containsExactly(
            first.get("id").asText(), second.get("id").asText(), third.get("id").asText())
        .doesNotContain(foreign.get("id").asText());
    assertThat(endpoint.received()).hasSize(3);
    assertThat(
            store.get(AGENCY, Backfills.TYPE, backfill.get("id").asText()).path("status").asText())
        .isEqualTo("completed");
  }

  @Test
  void aBackfillOfAnAgencySubscriptionWithoutClientsSendsOnlyTheAgencysEvents() {
    ObjectNode own = happen(AGENCY, "lead.created");
    happen(CLIENT, "lead.created");
    WebhookReceiver endpoint = receiver();
    ObjectNode sub = subscribe(AGENCY, endpoint, false);

    ObjectNode backfill =
        tx.call(() -> backfills.start(AGENCY, sub, T0, T0.plusSeconds(600), false));
    settle();

    assertThat(backfill.path("total").asLong()).isEqualTo(1);
    assertThat(backfilledEventIds()).containsExactly(own.get("id").asText());
    assertThat(endpoint.received()).hasSize(1);
  }

  private WebhookReceiver receiver() {
    WebhookReceiver receiver = new WebhookReceiver();
    receivers.add(receiver);
    return receiver;
  }

  private String secret() {
    String secret = WebhookSecrets.generate();
    secrets.add(secret);
    return secret;
  }

  private ObjectNode subscribe(String ws, WebhookReceiver endpoint, boolean includeClients) {
    return subscribe(ws, endpoint, includeClients, "*");
  }

  /** A subscription, with its secret in {@code secret}. */
  private ObjectNode subscribe(
      String ws, WebhookReceiver endpoint, boolean includeClients, String eventTypes) {
    String secret = secret();
    ObjectNode sub =
        tx.call(
            () ->
                webhooks.createSubscriptionAt(
                    ws,
                    endpoint.url(),
                    Json.array(List.of(eventTypes)),
                    null,
                    true,
                    includeClients,
                    secret,
                    clock.instant()));
    return sub.deepCopy().put("secret", secret);
  }

  private ObjectNode happen(String ws, String type) {
    return tx.call(() -> ledger.append(ws, type, Json.object().put("object", "lead")));
  }

  /** Runs every attempt due now and waits for their HTTP requests to complete. */
  private void settle() {
    scheduler.advanceTo(clock.instant());
  }

  private static void verify(WebhookReceiver endpoint, ObjectNode sub) throws Exception {
    WebhookReceiver.Received request = endpoint.received().get(0);
    WebhookVerifier.builder()
        .secrets(List.of(sub.get("secret").asText()))
        .clock(WALL)
        .build()
        .verify(request.body(), request.headers());
  }

  /** The event ids of the agency's backfill deliveries, in the order they were created. */
  private List<String> backfilledEventIds() {
    return store
        .list(AGENCY, Deliveries.TYPE, new ListQuery(null, null, null, null, 100, true))
        .data()
        .stream()
        .filter(d -> d.path("trigger").asText().equals("backfill"))
        .map(d -> d.path("event_id").asText())
        .toList();
  }
}
