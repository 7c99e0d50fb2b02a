package com.kaicalls.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.svix.Webhook;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Interoperability with the svix library, both ways. svix checks the timestamp against the real
 * clock, so these tests sign with the current time. OkHttp is not on this test class path, which
 * also shows that {@code com.svix.Webhook} does not need it.
 */
class SvixInteroperabilityTest {

  private static final String BODY = "{\"type\":\"call.completed\",\"data\":{\"duration\":42}}";

  @Test
  void aWebhookSignedBySvixVerifies() throws Exception {
    long now = Instant.now().getEpochSecond();
    String signature = new Webhook(Fixtures.NEW_SECRET).sign(Fixtures.ID, now, BODY);

    VerifiedWebhook webhook =
        WebhookVerifier.of(Fixtures.NEW_SECRET)
            .verify(
                BODY,
                Fixtures.headers(
                    "webhook-id",
                    Fixtures.ID,
                    "webhook-timestamp",
                    Long.toString(now),
                    "webhook-signature",
                    signature));

    assertThat(webhook.id()).isEqualTo(Fixtures.ID);
  }

  @Test
  void svixVerifiesAWebhookWeSigned() throws Exception {
    long now = Instant.now().getEpochSecond();
    Map<String, String> headers =
        WebhookSigner.of(Fixtures.NEW_SECRET)
            .headers(Fixtures.ID, now, BODY.getBytes(StandardCharsets.UTF_8));
    Webhook svix = new Webhook(Fixtures.NEW_SECRET);

    assertThatCode(() -> svix.verify(BODY, httpHeaders(headers))).doesNotThrowAnyException();
  }

  @Test
  void svixWithOnlyTheNewSecretVerifiesARotationSignatureWeSignedWithBoth() throws Exception {
    long now = Instant.now().getEpochSecond();
    Map<String, String> headers =
        WebhookSigner.of(List.of(Fixtures.OLD_SECRET, Fixtures.NEW_SECRET))
            .headers(Fixtures.ID, now, BODY.getBytes(StandardCharsets.UTF_8));
    Webhook svix = new Webhook(Fixtures.NEW_SECRET);

    assertThatCode(() -> svix.verify(BODY, httpHeaders(headers))).doesNotThrowAnyException();
  }

  @Test
  void svixAndWeProduceTheSameSignature() throws Exception {
    String theirs = new Webhook(Fixtures.SECRET).sign(Fixtures.ID, Fixtures.NOW, BODY);

    String ours =
        WebhookSigner.of(Fixtures.SECRET)
            .sign(Fixtures.ID, Fixtures.NOW, BODY.getBytes(StandardCharsets.UTF_8));

    assertThat(ours).isEqualTo(theirs);
  }

  private static HttpHeaders httpHeaders(Map<String, String> headers) {
    Map<String, List<String>> map = new HashMap<>();
    headers.forEach((name, value) -> map.put(name, List.of(value)));
    return HttpHeaders.of(map, (name, value) -> true);
  }
}
