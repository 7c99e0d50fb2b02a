package com.kaicalls.examples;

import com.kaicalls.sdk.KaiCallsClient;
import com.kaicalls.sdk.models.CreateWebhookSubscriptionRequest;
import com.kaicalls.sdk.models.EventDelivery;
import com.kaicalls.sdk.models.ReplayEventRequest;
import com.kaicalls.sdk.models.RotateSecretRequest;
import com.kaicalls.sdk.models.WebhookSubscriptionWithSecret;
import com.kaicalls.webhooks.WebhookSecrets;
import com.kaicalls.webhooks.WebhookSigner;
import com.kaicalls.webhooks.WebhookVerifier;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * A webhook receiver end to end: starts an endpoint ({@link WebhookEndpoint}: verify, deduplicate,
 * answer fast), subscribes it to {@code call.*} and {@code sms.*}, has KaiCalls send it a test
 * event, shows that a second delivery of the same event and a forged one are not handled, then
 * rotates the signing secret and shows the new secret accepted.
 */
public final class WebhookReceiver {

  private final KaiCallsClient client;
  private final EmulatorClock clock;
  private final PrintStream out;
  private final Narrator say;

  public WebhookReceiver(KaiCallsClient client, EmulatorClock clock, PrintStream out) {
    this.client = client;
    this.clock = clock;
    this.out = out;
    this.say = new Narrator(out);
  }

  // Connection prints to System.out; its close() stops the emulator only.
  @SuppressWarnings("ClosingStandardOutputStreams")
  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(Connection.option(args, "--port", "0"));
    try (Connection connection = Connection.open(args, System.getenv(), System.out)) {
      new WebhookReceiver(connection.client(), connection.clock(), System.out).run(port);
    }
  }

  /**
   * Runs the tour with an endpoint on {@code port} (0: any); returns what the endpoint received.
   */
  public List<WebhookEndpoint.Received> run(int port) throws IOException {
    say.title("KaiCalls webhook receiver");
    try (WebhookEndpoint endpoint = WebhookEndpoint.start(port, null, out)) {
      say.step("Start the endpoint");
      say.say("Listening at %s (JDK HttpServer).", endpoint.url());

      say.step("Subscribe it to call.* and sms.*  POST /v1/webhook-subscriptions");
      WebhookSubscriptionWithSecret subscription =
          client
              .webhookSubscriptions()
              .create(
                  CreateWebhookSubscriptionRequest.builder()
                      .url(URI.create(endpoint.url()))
                      .eventTypes("call.*", "sms.*")
                      .description("WebhookReceiver example")
                      .build());
      String secret = subscription.secret();
      endpoint.verifyWith(verifier(secret));
      say.say(
          "Subscription %s. Its signing secret (shown only now): %s",
          subscription.id(), Connection.mask(secret));

      say.step("Ask KaiCalls for a test delivery  POST /v1/webhook-subscriptions/{id}/test");
      EventDelivery delivery = client.webhookSubscriptions().test(subscription.id());
      say.say(
          "Delivery %s of event %s queued (a test event goes to the subscription whatever its filter).",
          delivery.id(), delivery.eventId());
      WebhookEndpoint.awaitDelivery(clock, () -> endpoint.alreadyHandled(delivery.eventId()));
      EventDelivery done = client.eventDeliveries().retrieve(delivery.id());
      say.say(
          "KaiCalls recorded the delivery as %s (your endpoint answered %s).",
          done.status(), done.responseStatus().map(String::valueOf).orElse("nothing"));

      say.step("The same event again  POST /v1/events/{id}/replay");
      int before = endpoint.received().size();
      client
          .events()
          .replay(
              delivery.eventId(),
              ReplayEventRequest.builder().subscriptionId(subscription.id()).build());
      WebhookEndpoint.awaitDelivery(clock, () -> endpoint.received().size() > before);
      say.say("Same webhook-id, so it was acknowledged (2xx, no retries) but not handled twice.");

      say.step("A forged delivery");
      int status = postForged(endpoint.url());
      say.say("A request signed with some other secret got HTTP %d and was not handled.", status);

      say.step("Rotate the secret  POST /v1/webhook-subscriptions/{id}/rotate-secret");
      WebhookSubscriptionWithSecret rotated =
          client
              .webhookSubscriptions()
              .rotateSecret(
                  subscription.id(),
                  RotateSecretRequest.builder().gracePeriodSeconds(3600).build());
      say.say(
          "New secret %s; for the next hour KaiCalls signs with both.",
          Connection.mask(rotated.secret()));
      endpoint.verifyWith(verifier(rotated.secret()));
      say.say("The endpoint now checks with the new secret only.");
      EventDelivery afterRotation = client.webhookSubscriptions().test(subscription.id());
      WebhookEndpoint.awaitDelivery(clock, () -> endpoint.alreadyHandled(afterRotation.eventId()));
      say.say("Test event %s was accepted with the new secret.", afterRotation.eventId());

      client.webhookSubscriptions().delete(subscription.id());
      say.end(
          "Done: "
              + endpoint.handledCount()
              + " events handled, "
              + duplicates(endpoint)
              + " duplicate(s) ignored,"
              + " subscription "
              + subscription.id()
              + " deleted.");
      return endpoint.received();
    }
  }

  private WebhookVerifier verifier(String secret) {
    // This machine's clock: deliveries are signed with the real time of the send, even by an
    // emulator whose
    // virtual clock was moved forward.
    return WebhookVerifier.builder().addSecret(secret).clock(Clock.systemUTC()).build();
  }

  /** A well-formed, fresh delivery, signed with a secret that is not the subscription's. */
  private int postForged(String url) {
    String body = "{\"id\":\"evt_forged\",\"object\":\"event\",\"type\":\"call.completed\"}";
    long timestamp = Instant.now().getEpochSecond();
    String signature =
        WebhookSigner.of(WebhookSecrets.generate())
            .sign("evt_forged", timestamp, body.getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .header("webhook-id", "evt_forged")
            .header("webhook-timestamp", Long.toString(timestamp))
            .header("webhook-signature", signature)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      return HttpClient.newHttpClient()
          .send(request, HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static long duplicates(WebhookEndpoint endpoint) {
    return endpoint.received().stream().filter(WebhookEndpoint.Received::duplicate).count();
  }
}
