package com.kaicalls.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.kaicalls.mock.junit.KaiCallsMockExtension;
import com.kaicalls.webhooks.WebhookVerificationException;
import com.kaicalls.webhooks.WebhookVerifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Signed webhook deliveries to a real HTTP receiver on 127.0.0.1, driven by the manual clock. */
class WebhookDeliveryTest {

  static final Instant T0 = Instant.parse("2026-12-01T15:00:00Z");

  /**
   * Real time, as the receiver sees it: signatures are checked against it, never against virtual
   * time.
   */
  static final Clock WALL = Clock.fixed(Instant.parse("2026-11-30T09:00:00Z"), ZoneOffset.UTC);

  @RegisterExtension
  static final KaiCallsMockExtension MOCK =
      KaiCallsMockExtension.builder().clockMode(ClockMode.MANUAL).startTime(T0).clock(WALL).build();

  private final List<WebhookReceiver> receivers = new ArrayList<>();

  @AfterEach
  void stopReceivers() {
    receivers.forEach(WebhookReceiver::close);
  }

  private WebhookReceiver receiver() {
    WebhookReceiver receiver = new WebhookReceiver();
    receivers.add(receiver);
    return receiver;
  }

  private static ApiClient api() {
    return new ApiClient(MOCK.baseUrl(), MOCK.apiKey());
  }

  /** Creates a subscription; returns it with its secret. */
  private static JsonNode subscribe(WebhookReceiver receiver, String... types) {
    return api()
        .post(
            "/v1/webhook-subscriptions",
            Map.of("url", receiver.url(), "event_types", List.of(types)))
        .json();
  }

  /** Creates a one-recipient run: one communication_run.created event. */
  private static String createRun() {
    return api()
        .post(
            "/v1/communication-runs",
            Runs.body(Runs.agent(api()), "+13125550177"),
            Runs.key("k-" + System.nanoTime()))
        .json()
        .path("id")
        .asText();
  }

  private static List<JsonNode> deliveries(JsonNode subscription) {
    List<JsonNode> list = new ArrayList<>();
    api()
        .get("/v1/event-deliveries?limit=100&subscription_id=" + subscription.path("id").asText())
        .json()
        .path("data")
        .forEach(list::add);
    return list;
  }

  private static WebhookVerifier verifier(String... secrets) {
    return WebhookVerifier.builder().secrets(List.of(secrets)).clock(WALL).build();
  }

  @Test
  void aLiveEventArrivesSignedWithTheEventIdAsWebhookIdAndTheAttemptIsRecorded(
      KaiCallsMockServer mock) throws Exception {
    WebhookReceiver receiver = receiver();
    JsonNode sub = subscribe(receiver, "communication_run.*");
    String runId = createRun();

    mock.advanceClock(Duration.ZERO);

    assertThat(receiver.received()).hasSize(1);
    WebhookReceiver.Received request = receiver.received().get(0);
    verifier(sub.path("secret").asText()).verify(request.body(), request.headers());
    JsonNode event = ApiClient.JSON.readTree(request.body());
    assertThat(event.path("type").asText()).isEqualTo("communication_run.created");
    assertThat(event.path("data").path("object").path("id").asText()).isEqualTo(runId);
    assertThat(request.header("webhook-id")).isEqualTo(event.path("id").asText());
    JsonNode delivery = deliveries(sub).get(0);
    assertThat(delivery.path("status").asText()).isEqualTo("succeeded");
    assertThat(delivery.path("trigger").asText()).isEqualTo("live");
    assertThat(delivery.path("attempts")).hasSize(1);
    assertThat(delivery.path("attempts").get(0).path("response_status").asInt()).isEqualTo(200);
    assertThat(delivery.path("attempts").get(0).path("response_body").asText())
        .isEqualTo("status 200");
    assertThat(delivery.path("request_headers").path("webhook-id").asText())
        .isEqualTo(event.path("id").asText());
    assertThat(delivery.path("next_attempt_at").isNull()).isTrue();
  }

  @Test
  void deliveriesAreSignedWithTheWallClockTimeOfTheSendWhileEventTimesStayVirtual(
      KaiCallsMockServer mock) throws Exception {
    WebhookReceiver receiver = receiver();
    JsonNode sub = subscribe(receiver, "communication_run.created");
    mock.advanceClock(Duration.ofDays(6));
    createRun();

    mock.advanceClock(Duration.ZERO);

    WebhookReceiver.Received request = receiver.received().get(0);
    assertThat(request.header("webhook-timestamp"))
        .isEqualTo(Long.toString(WALL.instant().getEpochSecond()));
    verifier(sub.path("secret").asText()).verify(request.body(), request.headers());
    assertThat(ApiClient.JSON.readTree(request.body()).path("created_at").asText())
        .isEqualTo(T0.plus(Duration.ofDays(6)).toString());
  }

  @Test
  void failedAttemptsAreRetriedOnTheDocumentedScheduleWithTheSameWebhookId(
      KaiCallsMockServer mock) {
    WebhookReceiver receiver = receiver().then(503).then(500).then(503);
    JsonNode sub = subscribe(receiver, "communication_run.created");
    createRun();

    mock.advanceClock(Duration.ZERO);
    String afterFirst = deliveries(sub).get(0).path("next_attempt_at").asText();
    mock.advanceClock(Duration.ofSeconds(5));
    String afterSecond = deliveries(sub).get(0).path("next_attempt_at").asText();
    mock.advanceClock(Duration.ofMinutes(5));
    String afterThird = deliveries(sub).get(0).path("next_attempt_at").asText();
    mock.advanceClock(Duration.ofMinutes(29));
    int beforeDue = receiver.received().size();
    mock.advanceClock(Duration.ofMinutes(1));

    assertThat(afterFirst).isEqualTo("2026-12-01T15:00:05Z");
    assertThat(afterSecond).isEqualTo("2026-12-01T15:05:05Z");
    assertThat(afterThird).isEqualTo("2026-12-01T15:35:05Z");
    assertThat(beforeDue).isEqualTo(3);
    JsonNode delivery = deliveries(sub).get(0);
    assertThat(delivery.path("status").asText()).isEqualTo("succeeded");
    assertThat(delivery.path("attempts"))
        .extracting(a -> a.path("response_status").asInt())
        .containsExactly(503, 500, 503, 200);
    assertThat(receiver.received())
        .extracting(r -> r.header("webhook-id"))
        .containsOnly(delivery.path("event_id").asText());
  }

  @Test
  void retryAfterPostponesTheNextAttempt(KaiCallsMockServer mock) {
    WebhookReceiver receiver = receiver().then(429, Map.of("Retry-After", "120"));
    JsonNode sub = subscribe(receiver, "communication_run.created");
    createRun();

    mock.advanceClock(Duration.ZERO);

    assertThat(deliveries(sub).get(0).path("next_attempt_at").asText())
        .isEqualTo("2026-12-01T15:02:00Z");
  }

  @Test
  void aDeliveryIsFailedAfterEightAttempts(KaiCallsMockServer mock) {
    WebhookReceiver receiver = receiver().otherwise(500, Duration.ZERO);
    JsonNode sub = subscribe(receiver, "communication_run.created");
    createRun();

    mock.advanceClock(Duration.ofHours(29));

    JsonNode delivery = deliveries(sub).get(0);
    assertThat(delivery.path("status").asText()).isEqualTo("failed");
    assertThat(delivery.path("attempt").asInt()).isEqualTo(8);
    assertThat(delivery.path("next_attempt_at").isNull()).isTrue();
    assertThat(receiver.received()).hasSize(8);
  }

  @Test
  void redirectsAreNotFollowedAndGoneDisablesTheSubscription(KaiCallsMockServer mock) {
    WebhookReceiver redirecting =
        receiver().then(302, Map.of("Location", "http://127.0.0.1:9/elsewhere"));
    WebhookReceiver gone = receiver().then(410);
    JsonNode redirectSub = subscribe(redirecting, "communication_run.created");
    JsonNode goneSub = subscribe(gone, "communication_run.created");
    createRun();

    mock.advanceClock(Duration.ZERO);

    JsonNode redirected = deliveries(redirectSub).get(0);
    assertThat(redirected.path("status").asText()).isEqualTo("pending");
    assertThat(redirected.path("error").asText()).isEqualTo("redirect_not_followed");
    assertThat(redirected.path("response_status").asInt()).isEqualTo(302);
    assertThat(deliveries(goneSub).get(0).path("status").asText()).isEqualTo("failed");
    JsonNode disabled =
        api().get("/v1/webhook-subscriptions/" + goneSub.path("id").asText()).json();
    assertThat(disabled.path("status").asText()).isEqualTo("disabled");
    assertThat(disabled.path("disabled_reason").asText()).isEqualTo("endpoint_gone");
  }

  @Test
  void aSubscriptionWhoseDeliveriesAllFailForFiveDaysIsDisabled(KaiCallsMockServer mock) {
    WebhookReceiver receiver = receiver().otherwise(500, Duration.ZERO);
    JsonNode sub = subscribe(receiver, "communication_run.created");
    String path = "/v1/webhook-subscriptions/" + sub.path("id").asText();

    for (int day = 0; day < 5; day++) {
      createRun();
      mock.advanceClock(Duration.ofDays(1));
    }
    String whileUnderFiveDays = api().get(path).json().path("status").asText();
    createRun();
    mock.advanceClock(Duration.ZERO);

    assertThat(whileUnderFiveDays).isEqualTo("enabled");
    JsonNode disabled = api().get(path).json();
    assertThat(disabled.path("status").asText()).isEqualTo("disabled");
    assertThat(disabled.path("disabled_reason").asText()).isEqualTo("failing");
  }

  @Test
  void duringTheGracePeriodBothSecretsSignAfterItOnlyTheNewOne(KaiCallsMockServer mock)
      throws Exception {
    WebhookReceiver receiver = receiver();
    JsonNode sub = subscribe(receiver, "communication_run.created");
    String oldSecret = sub.path("secret").asText();
    String newSecret =
        api()
            .post(
                "/v1/webhook-subscriptions/" + sub.path("id").asText() + "/rotate-secret",
                Map.of("grace_period_seconds", 3600))
            .json()
            .path("secret")
            .asText();

    createRun();
    mock.advanceClock(Duration.ZERO);
    WebhookReceiver.Received during = receiver.received().get(0);
    verifier(oldSecret).verify(during.body(), during.headers());
    verifier(newSecret).verify(during.body(), during.headers());
    mock.advanceClock(Duration.ofHours(2));
    createRun();
    mock.advanceClock(Duration.ZERO);

    WebhookReceiver.Received after = receiver.received().get(1);
    assertThat(during.header("webhook-signature").split(" ")).hasSize(2);
    assertThat(after.header("webhook-signature").split(" ")).hasSize(1);
    verifier(newSecret).verify(after.body(), after.headers());
    assertThatThrownBy(() -> verifier(oldSecret).verify(after.body(), after.headers()))
        .isInstanceOf(WebhookVerificationException.class);
  }

  @Test
  void theTestRouteSendsATestEventToThatSubscriptionOnly(KaiCallsMockServer mock) throws Exception {
    WebhookReceiver first = receiver();
    WebhookReceiver second = receiver();
    JsonNode sub = subscribe(first, "*");
    subscribe(second, "*");

    api().post("/v1/webhook-subscriptions/" + sub.path("id").asText() + "/test", null);
    mock.advanceClock(Duration.ZERO);

    assertThat(first.received()).hasSize(1);
    assertThat(ApiClient.JSON.readTree(first.received().get(0).body()).path("type").asText())
        .isEqualTo("webhook_subscription.test");
    assertThat(second.received()).isEmpty();
  }

  @Test
  void replaySendsTheEventAgainAsANewDeliveryWithTheSameWebhookId(KaiCallsMockServer mock) {
    WebhookReceiver receiver = receiver();
    JsonNode sub = subscribe(receiver, "communication_run.created");
    createRun();
    mock.advanceClock(Duration.ZERO);
    String eventId = receiver.received().get(0).header("webhook-id");

    JsonNode replayed =
        api()
            .post(
                "/v1/events/" + eventId + "/replay",
                Map.of("subscription_id", sub.path("id").asText()))
            .json()
            .path("data");
    mock.advanceClock(Duration.ZERO);

    assertThat(replayed).hasSize(1);
    assertThat(replayed.get(0).path("trigger").asText()).isEqualTo("replay");
    assertThat(receiver.received())
        .extracting(r -> r.header("webhook-id"))
        .containsExactly(eventId, eventId);
    assertThat(deliveries(sub))
        .extracting(d -> d.path("status").asText())
        .containsOnly("succeeded")
        .hasSize(2);
  }

  @Test
  void backfillOnlyFailedResendsEventsNeverDeliveredAndReportsProgress(KaiCallsMockServer mock) {
    WebhookReceiver receiver = receiver();
    JsonNode sub = subscribe(receiver, "communication_run.created");
    String subPath = "/v1/webhook-subscriptions/" + sub.path("id").asText();
    String delivered = createRun();
    mock.advanceClock(Duration.ZERO);
    receiver.otherwise(500, Duration.ZERO);
    String failedOne = createRun();
    String failedTwo = createRun();
    mock.advanceClock(Duration.ofHours(29));
    api().send("PATCH", subPath, Map.of("enabled", false), Map.of());
    String missed = createRun();
    mock.advanceClock(Duration.ofMinutes(1));
    api().send("PATCH", subPath, Map.of("enabled", true), Map.of());
    receiver.otherwise(200, Duration.ZERO);
    int before = receiver.received().size();

    JsonNode all =
        api()
            .post(
                "/v1/events/backfill",
                Map.of(
                    "subscription_id",
                    sub.path("id").asText(),
                    "created_after",
                    "2026-12-01T00:00:00Z",
                    "created_before",
                    "2026-12-03T00:00:00Z"))
            .json();
    JsonNode onlyFailed =
        api()
            .post(
                "/v1/events/backfill",
                Map.of(
                    "subscription_id",
                    sub.path("id").asText(),
                    "created_after",
                    "2026-12-01T00:00:00Z",
                    "created_before",
                    "2026-12-03T00:00:00Z",
                    "only_failed",
                    true))
            .json();
    mock.advanceClock(Duration.ZERO);

    assertThat(all.path("total").asInt()).isEqualTo(4);
    assertThat(onlyFailed.path("total").asInt()).isEqualTo(3);
    JsonNode progress = api().get("/v1/backfills/" + onlyFailed.path("id").asText()).json();
    assertThat(progress.path("status").asText()).isEqualTo("completed");
    assertThat(progress.path("delivered").asInt()).isEqualTo(3);
    assertThat(progress.path("queued").asInt()).isZero();
    List<String> resent =
        receiver.received().subList(before, receiver.received().size()).stream()
            .map(r -> runIdOf(r))
            .toList();
    assertThat(resent).containsOnly(delivered, failedOne, failedTwo, missed);
    assertThat(resent.stream().filter(delivered::equals)).hasSize(1);
  }

  @Test
  void aBackfillStreamsThroughManyEventsInPages(KaiCallsMockServer mock) throws Exception {
    WebhookReceiver receiver = receiver();
    adminGenerate(mock, 250);
    JsonNode sub = subscribe(receiver, "communication_run.created");

    JsonNode backfill =
        api()
            .post(
                "/v1/events/backfill",
                Map.of(
                    "subscription_id",
                    sub.path("id").asText(),
                    "created_after",
                    "2026-12-01T00:00:00Z",
                    "created_before",
                    "2026-12-02T00:00:00Z"))
            .json();
    mock.advanceClock(Duration.ZERO);

    assertThat(backfill.path("total").asInt()).isEqualTo(250);
    JsonNode done = api().get("/v1/backfills/" + backfill.path("id").asText()).json();
    assertThat(done.path("status").asText()).isEqualTo("completed");
    assertThat(done.path("delivered").asInt()).isEqualTo(250);
    assertThat(receiver.received()).hasSize(250);
  }

  @Test
  void aBackfillKeepsPagingWhileItsEarlierDeliveriesAwaitRetries(KaiCallsMockServer mock)
      throws Exception {
    WebhookReceiver receiver = receiver().otherwise(500, Duration.ZERO);
    adminGenerate(mock, 450);
    JsonNode sub = subscribe(receiver, "communication_run.created");

    JsonNode backfill =
        api()
            .post(
                "/v1/events/backfill",
                Map.of(
                    "subscription_id",
                    sub.path("id").asText(),
                    "created_after",
                    "2026-12-01T00:00:00Z",
                    "created_before",
                    "2026-12-02T00:00:00Z"))
            .json();
    mock.advanceClock(Duration.ZERO);

    JsonNode progress = api().get("/v1/backfills/" + backfill.path("id").asText()).json();
    assertThat(progress.path("total").asInt()).isEqualTo(450);
    assertThat(progress.path("queued").asInt()).isEqualTo(450);
    assertThat(progress.path("delivered").asInt()).isZero();
    assertThat(receiver.received()).hasSize(450);
  }

  private static void adminGenerate(KaiCallsMockServer mock, int count) throws Exception {
    java.net.http.HttpResponse<String> r =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(
                            mock.baseUrl() + "/__admin/kaicalls/communication-runs/generate"))
                    .POST(
                        java.net.http.HttpRequest.BodyPublishers.ofString(
                            "{\"count\":" + count + "}"))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(201);
  }

  private static String runIdOf(WebhookReceiver.Received r) {
    try {
      return ApiClient.JSON.readTree(r.body()).path("data").path("object").path("id").asText();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
