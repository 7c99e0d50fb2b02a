package com.kaicalls.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.kaicalls.webhooks.WebhookVerificationException.Reason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random properties: signing then verifying round-trips, any single change breaks the
 * signature, and garbage headers only ever raise {@link WebhookVerificationException}. The seed is
 * fixed so that a failure reproduces.
 */
class RandomizedTest {

  private static final int ROUND_TRIPS = 500;
  private static final int GARBAGE_SETS = 5000;
  private static final long TOLERANCE = 300;

  private static final String[] NAMES = {
    "webhook-id",
    "Webhook-Id",
    "WEBHOOK-ID",
    "webhook-timestamp",
    "Webhook-Timestamp",
    "webhook-signature",
    "WEBHOOK-SIGNATURE",
    "webhook-signatures",
    "svix-signature",
    "x-random",
    ""
  };

  private final Random random = new Random(42);
  private final WebhookVerifier verifier = Fixtures.verifier(Fixtures.SECRET);
  private final WebhookSigner signer = WebhookSigner.of(Fixtures.SECRET);

  @Test
  void randomWebhooksSignedWithTheSecretVerify() {
    for (int i = 0; i < ROUND_TRIPS; i++) {
      byte[] body = randomBytes(random.nextInt(4096));
      String id = randomId();
      long timestamp = Fixtures.NOW - TOLERANCE + random.nextInt((int) (2 * TOLERANCE + 1));

      VerifiedWebhook webhook = verifier.verify(body, signer.headers(id, timestamp, body)::get);

      assertThat(webhook.id()).isEqualTo(id);
      assertThat(webhook.timestamp().getEpochSecond()).isEqualTo(timestamp);
    }
  }

  @Test
  void flippingAnyByteOfTheBodyBreaksTheSignature() {
    for (int i = 0; i < ROUND_TRIPS; i++) {
      byte[] body = randomBytes(1 + random.nextInt(2048));
      Map<String, String> headers = signer.headers(randomId(), Fixtures.NOW, body);
      body[random.nextInt(body.length)] ^= (byte) (1 + random.nextInt(255));

      WebhookVerificationException failure =
          catchThrowableOfType(
              WebhookVerificationException.class, () -> verifier.verify(body, headers::get));

      assertThat(failure.reason()).isEqualTo(Reason.NO_MATCHING_SIGNATURE);
    }
  }

  @Test
  void changingAnyCharacterOfTheIdBreaksTheSignature() {
    for (int i = 0; i < ROUND_TRIPS; i++) {
      byte[] body = randomBytes(random.nextInt(512));
      String id = randomId();
      Map<String, String> headers = new HashMap<>(signer.headers(id, Fixtures.NOW, body));
      char[] chars = id.toCharArray();
      int at = random.nextInt(chars.length);
      chars[at] = chars[at] == 'x' ? 'y' : 'x';
      headers.put("webhook-id", new String(chars));

      WebhookVerificationException failure =
          catchThrowableOfType(
              WebhookVerificationException.class, () -> verifier.verify(body, headers::get));

      assertThat(failure.reason()).isEqualTo(Reason.NO_MATCHING_SIGNATURE);
    }
  }

  @Test
  void changingAnyDigitOfTheTimestampFails() {
    for (int i = 0; i < ROUND_TRIPS; i++) {
      byte[] body = randomBytes(random.nextInt(512));
      Map<String, String> headers = new HashMap<>(signer.headers(randomId(), Fixtures.NOW, body));
      char[] digits = headers.get("webhook-timestamp").toCharArray();
      int at = random.nextInt(digits.length);
      digits[at] = (char) ('0' + (digits[at] - '0' + 1 + random.nextInt(9)) % 10);
      headers.put("webhook-timestamp", new String(digits));

      WebhookVerificationException failure =
          catchThrowableOfType(
              WebhookVerificationException.class, () -> verifier.verify(body, headers::get));

      assertThat(failure.reason())
          .isIn(
              Reason.NO_MATCHING_SIGNATURE,
              Reason.MALFORMED_TIMESTAMP,
              Reason.TIMESTAMP_TOO_OLD,
              Reason.TIMESTAMP_TOO_NEW);
    }
  }

  @Test
  void randomGarbageHeadersOnlyEverRaiseWebhookVerificationException() {
    for (int i = 0; i < GARBAGE_SETS; i++) {
      Map<String, List<String>> headers = garbageHeaders();
      byte[] body = random.nextInt(20) == 0 ? null : randomBytes(random.nextInt(256));

      Throwable fromMap = catchThrowable(() -> verifier.verify(body, headers));
      Throwable fromFunction =
          catchThrowable(() -> verifier.verify(body, name -> first(headers, name)));

      assertThat(fromMap)
          .as("garbage set %d: %s", i, headers)
          .isInstanceOf(WebhookVerificationException.class);
      assertThat(fromFunction)
          .as("garbage set %d: %s", i, headers)
          .isInstanceOf(WebhookVerificationException.class);
      assertThat(fromMap.getMessage()).doesNotContain(Fixtures.SECRET.substring(6));
    }
  }

  private Map<String, List<String>> garbageHeaders() {
    Map<String, List<String>> headers = new HashMap<>();
    int count = random.nextInt(6);
    for (int i = 0; i < count; i++) {
      String name = random.nextInt(10) == 0 ? null : NAMES[random.nextInt(NAMES.length)];
      if (random.nextInt(15) == 0) {
        headers.put(name, null);
        continue;
      }
      List<String> values = headers.computeIfAbsent(name, n -> new ArrayList<>());
      if (values == null) {
        continue;
      }
      int valueCount = random.nextInt(3);
      for (int v = 0; v < valueCount; v++) {
        values.add(garbageValue(name));
      }
    }
    return headers;
  }

  private String garbageValue(String name) {
    switch (random.nextInt(12)) {
      case 0:
        return null;
      case 1:
        return "";
      case 2:
        return randomAscii(random.nextInt(40));
      case 3:
        return randomUnicode(random.nextInt(40));
      case 4:
        return Long.toString(Fixtures.NOW - 1000 + random.nextInt(2000));
      case 5:
        return Long.toString(random.nextLong());
      case 6:
        return "v1,"
            + java.util.Base64.getEncoder().encodeToString(randomBytes(random.nextInt(40)));
      case 7:
        return randomFrom(" ,v1=+/", random.nextInt(30));
      case 8:
        return "x".repeat(random.nextInt(20_000));
      case 9:
        return ("v1," + randomAscii(43) + " ").repeat(random.nextInt(40));
      case 10:
        return randomFrom("0123456789", 1 + random.nextInt(25));
      default:
        return name != null && name.toLowerCase(Locale.ROOT).endsWith("-id")
            ? randomId()
            : randomAscii(3);
    }
  }

  private static String first(Map<String, List<String>> headers, String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }

  private String randomId() {
    return random.nextBoolean()
        ? "msg_"
            + randomFrom(
                "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
                1 + random.nextInt(40))
        : randomVisibleAscii(1 + random.nextInt(256));
  }

  private String randomVisibleAscii(int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append((char) ('!' + random.nextInt('~' - '!' + 1)));
    }
    return text.toString();
  }

  private String randomAscii(int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append((char) random.nextInt(128));
    }
    return text.toString();
  }

  private String randomUnicode(int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append((char) random.nextInt(Character.MAX_VALUE + 1));
    }
    return text.toString();
  }

  /** Random code points from {@code alphabet}; at most 256 chars, so that an id stays valid. */
  private String randomFrom(String alphabet, int length) {
    int[] codePoints = alphabet.codePoints().toArray();
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      int codePoint = codePoints[random.nextInt(codePoints.length)];
      if (text.length() + Character.charCount(codePoint) > 256) {
        break;
      }
      text.appendCodePoint(codePoint);
    }
    return text.toString();
  }
}
