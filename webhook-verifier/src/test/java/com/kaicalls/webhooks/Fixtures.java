package com.kaicalls.webhooks;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Secrets, clocks and header maps shared by the tests. */
final class Fixtures {

  /** The Standard Webhooks test-vector secret; it decodes to exactly 24 bytes. */
  static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

  static final String OLD_SECRET = "whsec_" + "b2xkLXNlY3JldC1vbGQtc2VjcmV0LW9sZC1zZWNyZXQ=";
  static final String NEW_SECRET = "whsec_" + "bmV3LXNlY3JldC1uZXctc2VjcmV0LW5ldy1zZWNyZXQ=";

  static final long NOW = 1_700_000_000L;
  static final String ID = "msg_2bHPxQ8ZSbNnYHMC3xWIqkRK3Wx";
  static final byte[] BODY =
      "{\"type\":\"call.completed\",\"data\":{\"call_id\":\"call_123\"}}"
          .getBytes(StandardCharsets.UTF_8);

  private Fixtures() {}

  static Clock clockAt(long epochSecond) {
    return Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
  }

  static WebhookVerifier verifier(String... secrets) {
    return WebhookVerifier.builder()
        .secrets(Arrays.asList(secrets))
        .tolerance(Duration.ofMinutes(5))
        .clock(clockAt(NOW))
        .build();
  }

  /** Builds a mutable header map from name, value, name, value...; a value may be {@code null}. */
  static Map<String, List<String>> headers(String... namesAndValues) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      headers
          .computeIfAbsent(namesAndValues[i], name -> new ArrayList<>())
          .add(namesAndValues[i + 1]);
    }
    return headers;
  }

  /** The headers {@link WebhookSigner} produces, as a header map. */
  static Map<String, List<String>> signed(String secret, String id, long timestamp, byte[] body) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    WebhookSigner.of(secret)
        .headers(id, timestamp, body)
        .forEach((name, value) -> headers.put(name, new ArrayList<>(List.of(value))));
    return headers;
  }
}
