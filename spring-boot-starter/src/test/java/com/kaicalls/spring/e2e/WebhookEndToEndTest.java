package com.kaicalls.spring.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.kaicalls.mock.ClockMode;
import com.kaicalls.mock.KaiCallsMockServer;
import com.kaicalls.mock.MockServerOptions;
import com.kaicalls.spring.e2e.Platform.Subscription;
import com.kaicalls.spring.example.ReceptionistApplication;
import com.kaicalls.webhooks.WebhookSigner;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The example application on a random port, receiving real deliveries from an emulator in this JVM
 * whose clock the test moves (no sleeps): each event reaches its listeners once, retries after a
 * failing listener, redeliveries, unknown event kinds, tampered and oversized deliveries, and a
 * secret rotation.
 */
class WebhookEndToEndTest {
  // The subscription is created before the application has a port, then pointed at it.
  private static final String NOT_YET_LISTENING = "http://127.0.0.1:9/kaicalls/webhooks";
  private static final HttpClient http = HttpClient.newHttpClient();

  private static KaiCallsMockServer emulator;
  private static Platform platform;
  private static Subscription subscription;
  private static ConfigurableApplicationContext app;
  private static EventRecorder recorder;

  @BeforeAll
  static void startTheEmulatorAndTheApplication() {
    emulator =
        KaiCallsMockServer.start(
            MockServerOptions.builder()
                .port(0)
                .clockMode(ClockMode.MANUAL)
                .startTime(
                    Instant.parse("2026-12-01T18:00:00Z")) // 10:00 in San Francisco: no quiet hours
                .build());
    platform = new Platform(emulator);
    platform.disableAllSubscriptions();
    subscription = platform.subscribe(NOT_YET_LISTENING, "*");
    app = startApplication(List.of(subscription.secret()));
    platform.pointAt(subscription.id(), endpoint(app));
    recorder = app.getBean(EventRecorder.class);
  }

  @AfterAll
  static void stop() {
    if (app != null) app.close();
    if (emulator != null) emulator.close();
  }

  @BeforeEach
  void clearTheRecorder() {
    recorder.clear();
  }

  @Test
  void eachEventOfACompletedRunReachesItsListenersExactlyOnce() {
    Map<String, String> events = platform.runToCompletion("end-to-end: every event once");

    assertThat(events).containsValues("call.completed", "communication_run.completed");
    assertThat(recorder.anyEvent).containsExactlyInAnyOrderElementsOf(events.keySet());
    assertThat(recorder.callCompleted)
        .containsExactlyInAnyOrderElementsOf(idsOfType(events, "call.completed"));
    assertThat(recorder.runCompleted)
        .containsExactlyElementsOf(idsOfType(events, "communication_run.completed"));
    assertThat(recorder.unknown).isEmpty();
  }

  @Test
  void aListenerThatThrowsOnceGetsTheEventAgainFromThePlatformsRetryAndHandlesItOnce() {
    recorder.failNextCallCompleted();

    Map<String, String> events = platform.runToCompletion("end-to-end: a listener fails once");

    assertThat(recorder.failedCallCompleted).hasSize(1);
    String failed = recorder.failedCallCompleted.get(0);
    assertThat(platform.responseStatuses(failed, subscription.id())).containsExactly(500, 204);
    assertThat(recorder.callCompleted)
        .containsExactlyInAnyOrderElementsOf(idsOfType(events, "call.completed"));
    assertThat(recorder.anyEvent).containsExactlyInAnyOrderElementsOf(events.keySet());
  }

  @Test
  void aRedeliveryOfAnEventAlreadyHandledIsAcknowledgedWithoutPublishingItAgain() {
    String eventId = platform.deliverTestEvent(subscription.id());
    assertThat(recorder.anyEvent).containsExactly(eventId);

    platform.redeliver(eventId, subscription.id());

    assertThat(platform.responseStatuses(eventId, subscription.id())).containsExactly(204, 204);
    assertThat(recorder.anyEvent).containsExactly(eventId);
  }

  @Test
  void aTamperedDeliveryIsRefusedWith400AndAnEmptyBodyAndIsNotPublished() throws Exception {
    byte[] body = resource("/call-completed.json");
    Map<String, String> headers = signedNow(subscription.secret(), "evt_tampered", body);
    byte[] tampered = body.clone();
    tampered[tampered.length / 2] ^= 1;

    HttpResponse<String> refused = post(endpoint(app), tampered, headers);
    HttpResponse<String> intact = post(endpoint(app), body, headers);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).isEmpty();
    assertThat(intact.statusCode()).isEqualTo(204);
    assertThat(recorder.callCompleted).containsExactly("evt_2Lk9Wq4ZtR7b");
  }

  @Test
  void anEventKindThisSdkDoesNotKnowIsPublishedAndAcknowledged() throws Exception {
    byte[] body =
        "{\"id\":\"evt_future\",\"object\":\"event\",\"type\":\"call.transferred\",\"data\":{}}"
            .getBytes(StandardCharsets.UTF_8);

    HttpResponse<String> response =
        post(endpoint(app), body, signedNow(subscription.secret(), "evt_future", body));

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(recorder.unknown).containsExactly("evt_future");
  }

  @Test
  void aBodyOverOneMebibyteIsRefusedWith413() throws Exception {
    byte[] body = new byte[1024 * 1024 + 1];

    HttpResponse<String> response =
        post(endpoint(app), body, signedNow(subscription.secret(), "evt_big", body));

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(recorder.anyEvent).isEmpty();
    assertThat(recorder.unknown).isEmpty();
  }

  @Test
  void aRotatedSecretKeepsVerifyingDuringAndAfterTheGracePeriodWhenBothSecretsAreConfigured()
      throws Exception {
    Subscription rotating = platform.subscribe(NOT_YET_LISTENING, "webhook_subscription.test");
    String previous = rotating.secret();
    String current = platform.rotateSecret(rotating.id(), Duration.ofHours(1));
    try (ConfigurableApplicationContext rotated = startApplication(List.of(current, previous))) {
      platform.pointAt(rotating.id(), endpoint(rotated));
      EventRecorder received = rotated.getBean(EventRecorder.class);
      byte[] body = resource("/call-completed.json");

      String duringGrace = platform.deliverTestEvent(rotating.id());
      int signedWithPreviousOnly =
          post(endpoint(rotated), body, signedNow(previous, "evt_previous", body)).statusCode();
      emulator.advanceClock(Duration.ofHours(1).plusSeconds(1));
      String afterGrace = platform.deliverTestEvent(rotating.id());

      assertThat(signedWithPreviousOnly).isEqualTo(204);
      assertThat(received.anyEvent).containsExactly(duringGrace, "evt_2Lk9Wq4ZtR7b", afterGrace);
      assertThat(platform.responseStatuses(duringGrace, rotating.id())).containsExactly(204);
      assertThat(platform.responseStatuses(afterGrace, rotating.id())).containsExactly(204);
    }
  }

  private static ConfigurableApplicationContext startApplication(List<String> secrets) {
    return new SpringApplicationBuilder(ReceptionistApplication.class, EventRecorder.class)
        // Deliveries are signed with the wall-clock time of the send (not the emulator's virtual
        // time), as by the
        // platform: the application checks them against its own clock, with no Clock bean.
        .properties(
            "server.port=0",
            "server.address=127.0.0.1",
            "spring.main.banner-mode=off",
            "kaicalls.api-key=" + emulator.apiKey(),
            "kaicalls.base-url=" + emulator.baseUrl(),
            "kaicalls.webhooks.secrets=" + String.join(",", secrets))
        .run();
  }

  private static String endpoint(ConfigurableApplicationContext app) {
    return "http://127.0.0.1:"
        + app.getEnvironment().getProperty("local.server.port")
        + "/kaicalls/webhooks";
  }

  private static Map<String, String> signedNow(String secret, String id, byte[] body) {
    return WebhookSigner.of(secret).headers(id, Instant.now().getEpochSecond(), body);
  }

  private static HttpResponse<String> post(String url, byte[] body, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static List<String> idsOfType(Map<String, String> events, String type) {
    return events.entrySet().stream()
        .filter(e -> e.getValue().equals(type))
        .map(Map.Entry::getKey)
        .toList();
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = WebhookEndToEndTest.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }
}
