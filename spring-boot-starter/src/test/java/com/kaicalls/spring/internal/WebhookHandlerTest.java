package com.kaicalls.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.kaicalls.sdk.models.CallCompletedEvent;
import com.kaicalls.sdk.models.UnknownEvent;
import com.kaicalls.spring.InMemoryWebhookDeduplicationStore;
import com.kaicalls.spring.TestClock;
import com.kaicalls.spring.WebhookDeduplicationStore;
import com.kaicalls.spring.internal.WebhookHandler.Outcome;
import com.kaicalls.webhooks.WebhookSecrets;
import com.kaicalls.webhooks.WebhookSigner;
import com.kaicalls.webhooks.WebhookVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;

class WebhookHandlerTest {
  private static final String SECRET = WebhookSecrets.generate();
  private static final String ID = "evt_2Lk9Wq4ZtR7b";

  private final TestClock clock = new TestClock(Instant.parse("2026-12-01T17:00:00Z"));
  private final RecordingPublisher published = new RecordingPublisher();
  private final InMemoryWebhookDeduplicationStore handled =
      new InMemoryWebhookDeduplicationStore(clock);
  private final WebhookHandler handler =
      handler(WebhookVerifier.builder().addSecret(SECRET).clock(clock).build());

  @Test
  void aVerifiedDeliveryIsPublishedAsItsTypedEvent() {
    byte[] body = callCompleted();

    Outcome outcome = handler.handle(body, signed(SECRET, ID, body));

    assertThat(outcome).isEqualTo(Outcome.HANDLED);
    assertThat(outcome.status()).isEqualTo(204);
    assertThat(published.events).singleElement().isInstanceOf(CallCompletedEvent.class);
    assertThat(handled.isHandled(ID)).isTrue();
  }

  @Test
  void aTamperedBodyIsRefusedWith400AndNotPublished() {
    byte[] body = callCompleted();
    Function<String, String> headers = signed(SECRET, ID, body);
    body[body.length / 2] ^= 1;

    Outcome outcome = handler.handle(body, headers);

    assertThat(outcome).isEqualTo(Outcome.REFUSED);
    assertThat(outcome.status()).isEqualTo(400);
    assertThat(published.events).isEmpty();
  }

  @Test
  void aDeliverySignedWithAnotherSecretIsRefused() {
    byte[] body = callCompleted();

    assertThat(handler.handle(body, signed(WebhookSecrets.generate(), ID, body)))
        .isEqualTo(Outcome.REFUSED);
    assertThat(published.events).isEmpty();
  }

  @Test
  void aDeliveryOfAnIdAlreadyHandledIsAcknowledgedWithoutPublishingItAgain() {
    byte[] body = callCompleted();
    handler.handle(body, signed(SECRET, ID, body));

    Outcome again = handler.handle(body, signed(SECRET, ID, body));

    assertThat(again).isEqualTo(Outcome.DUPLICATE);
    assertThat(again.status()).isEqualTo(204);
    assertThat(published.events).hasSize(1);
  }

  @Test
  void aListenerThatThrowsMakesIt500AndTheRetryIsPublishedAgain() {
    byte[] body = callCompleted();
    published.failNext = true;

    Outcome first = handler.handle(body, signed(SECRET, ID, body));
    Outcome retry = handler.handle(body, signed(SECRET, ID, body));

    assertThat(first).isEqualTo(Outcome.FAILED);
    assertThat(first.status()).isEqualTo(500);
    assertThat(retry).isEqualTo(Outcome.HANDLED);
    assertThat(published.events).hasSize(2);
  }

  @Test
  void aDeduplicationStoreThatCannotAnswerMakesIt500WithoutPublishing() {
    WebhookHandler storeDown =
        new WebhookHandler(
            WebhookVerifier.builder().addSecret(SECRET).clock(clock).build(),
            new WebhookDeduplicationStore() {
              @Override
              public boolean isHandled(String webhookId) {
                throw new IllegalStateException("database unreachable");
              }

              @Override
              public void markHandled(String webhookId) {}
            },
            published);
    byte[] body = callCompleted();

    assertThat(storeDown.handle(body, signed(SECRET, ID, body))).isEqualTo(Outcome.FAILED);
    assertThat(published.events).isEmpty();
  }

  @Test
  void anEventKindThisSdkDoesNotKnowIsPublishedAsUnknownEvent() {
    String json =
        "{\"id\":\"evt_new\",\"object\":\"event\",\"type\":\"call.transferred\",\"data\":{}}";
    byte[] body = json.getBytes(StandardCharsets.UTF_8);

    Outcome outcome = handler.handle(body, signed(SECRET, "evt_new", body));

    assertThat(outcome).isEqualTo(Outcome.HANDLED);
    assertThat(published.events)
        .singleElement()
        .isInstanceOfSatisfying(
            UnknownEvent.class,
            event -> {
              assertThat(event.type().asString()).isEqualTo("call.transferred");
              assertThat(event.json().toString()).isEqualTo(json);
            });
  }

  @Test
  void aVerifiedBodyThatIsNotAJsonObjectIsRefused() {
    byte[] body = "[1, 2]".getBytes(StandardCharsets.UTF_8);

    assertThat(handler.handle(body, signed(SECRET, "evt_x", body))).isEqualTo(Outcome.REFUSED);
    assertThat(published.events).isEmpty();
  }

  @Test
  void aTimestampWithinTheConfiguredToleranceVerifiesAndOneBeyondItDoesNot() {
    WebhookHandler lenient =
        handler(
            WebhookVerifier.builder()
                .addSecret(SECRET)
                .tolerance(Duration.ofMinutes(10))
                .clock(clock)
                .build());
    byte[] body = callCompleted();
    Function<String, String> eightMinutesOld = signed(SECRET, ID, body);
    clock.advance(Duration.ofMinutes(8));

    assertThat(handler.handle(body, eightMinutesOld)).isEqualTo(Outcome.REFUSED);
    assertThat(lenient.handle(body, eightMinutesOld)).isEqualTo(Outcome.HANDLED);
    Function<String, String> tenMinutesAndASecondOld = signed(SECRET, "evt_other", body);
    clock.advance(Duration.ofMinutes(10).plusSeconds(1));
    assertThat(lenient.handle(body, tenMinutesAndASecondOld)).isEqualTo(Outcome.REFUSED);
  }

  @Test
  void withTwoSecretsADeliverySignedWithEitherVerifies() {
    String previous = WebhookSecrets.generate();
    WebhookHandler rotating =
        handler(WebhookVerifier.builder().secrets(List.of(SECRET, previous)).clock(clock).build());
    byte[] body = callCompleted();

    assertThat(rotating.handle(body, signed(previous, "evt_old", body))).isEqualTo(Outcome.HANDLED);
    assertThat(rotating.handle(body, signed(SECRET, "evt_new", body))).isEqualTo(Outcome.HANDLED);
    assertThat(published.events).hasSize(2);
  }

  private WebhookHandler handler(WebhookVerifier verifier) {
    return new WebhookHandler(verifier, handled, published);
  }

  private Function<String, String> signed(String secret, String id, byte[] body) {
    Map<String, String> headers =
        WebhookSigner.of(secret).headers(id, clock.instant().getEpochSecond(), body);
    return headers::get;
  }

  private static byte[] callCompleted() {
    try (InputStream in = WebhookHandlerTest.class.getResourceAsStream("/call-completed.json")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class RecordingPublisher implements ApplicationEventPublisher {
    final List<Object> events = new ArrayList<>();
    boolean failNext;

    @Override
    public void publishEvent(Object event) {
      events.add(event);
      if (failNext) {
        failNext = false;
        throw new IllegalStateException("listener failed");
      }
    }
  }
}
