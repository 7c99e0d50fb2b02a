package com.kaicalls.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kaicalls.sdk.errors.WebhookSignatureException;
import com.kaicalls.sdk.models.CallCompletedEvent;
import com.kaicalls.sdk.models.Event;
import com.kaicalls.webhooks.WebhookSecrets;
import com.kaicalls.webhooks.WebhookSigner;
import com.kaicalls.webhooks.WebhookVerificationException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way to hand a delivery to {@code client.webhooks()}, checked against the same signed
 * delivery.
 */
class WebhookOverloadsTest {
  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  private static final String SECRET = WebhookSecrets.generate();
  private static final String BODY = Fixtures.CALL_COMPLETED_EVENT;
  private static final byte[] BYTES = BODY.getBytes(StandardCharsets.UTF_8);
  private static final Map<String, String> SIGNED =
      WebhookSigner.of(SECRET).headers("evt_2Lk9Wq4ZtR7b", NOW.getEpochSecond(), BYTES);

  private static final Webhooks WEBHOOKS =
      KaiCallsClient.builder()
          .apiKey("kc_test_webhooks")
          .webhookSecret(SECRET)
          .clock(Clock.fixed(NOW, ZoneOffset.UTC))
          .build()
          .webhooks();

  /**
   * One way of calling unwrap: the webhooks, a body as the caller has it, and the headers as the
   * caller has them.
   */
  interface Unwrap {
    Event call(Webhooks webhooks, String body, Map<String, String> headers);
  }

  static Stream<Named<Unwrap>> unwrapOverloads() {
    return Stream.of(
        Named.of(
            "unwrap(byte[], Map<String, List<String>>)", (w, b, h) -> w.unwrap(bytes(b), multi(h))),
        Named.of("unwrap(String, Map<String, List<String>>)", (w, b, h) -> w.unwrap(b, multi(h))),
        Named.of(
            "unwrap(byte[], Map<String, String>)", (w, b, h) -> w.unwrap(bytes(b), capitalized(h))),
        Named.of("unwrap(String, Map<String, String>)", (w, b, h) -> w.unwrap(b, capitalized(h))),
        Named.of("unwrap(byte[], Function)", (w, b, h) -> w.unwrap(bytes(b), lookup(h))),
        Named.of("unwrap(String, Function)", (w, b, h) -> w.unwrap(b, lookup(h))),
        Named.of(
            "verify(byte[], Map<String, List<String>>) + parse(byte[])",
            verifyThenParse(
                (w, b, h) -> {
                  w.verify(bytes(b), multi(h));
                  return null;
                })),
        Named.of(
            "verify(String, Map<String, List<String>>) + parse",
            verifyThenParse(
                (w, b, h) -> {
                  w.verify(b, multi(h));
                  return null;
                })),
        Named.of(
            "verify(byte[], Map<String, String>) + parse",
            verifyThenParse(
                (w, b, h) -> {
                  w.verify(bytes(b), capitalized(h));
                  return null;
                })),
        Named.of(
            "verify(String, Map<String, String>) + parse",
            verifyThenParse(
                (w, b, h) -> {
                  w.verify(b, capitalized(h));
                  return null;
                })),
        Named.of(
            "verify(byte[], Function) + parse",
            verifyThenParse(
                (w, b, h) -> {
                  w.verify(bytes(b), lookup(h));
                  return null;
                })),
        Named.of(
            "verify(String, Function) + parse(String)",
            (w, b, h) -> {
              w.verify(b, lookup(h));
              return w.parse(b);
            }));
  }

  @ParameterizedTest(name = "{0} accepts the signed delivery")
  @MethodSource("unwrapOverloads")
  void every_overload_accepts_the_signed_delivery(Unwrap unwrap) {
    Event event = unwrap.call(WEBHOOKS, BODY, SIGNED);

    assertThat(event)
        .isInstanceOfSatisfying(
            CallCompletedEvent.class, e -> assertThat(e.id()).isEqualTo("evt_2Lk9Wq4ZtR7b"));
  }

  @ParameterizedTest(name = "{0} refuses a changed body with NO_MATCHING_SIGNATURE")
  @MethodSource("unwrapOverloads")
  void every_overload_refuses_a_changed_body_with_the_verifiers_reason(Unwrap unwrap) {
    String tampered = BODY.replace("95", "96");

    assertThatThrownBy(() -> unwrap.call(WEBHOOKS, tampered, SIGNED))
        .isInstanceOfSatisfying(
            WebhookSignatureException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.NO_MATCHING_SIGNATURE));
  }

  @Test
  void a_delivery_older_than_the_default_five_minutes_is_refused_as_too_old() {
    Map<String, String> old =
        WebhookSigner.of(SECRET).headers("evt_2Lk9Wq4ZtR7b", NOW.getEpochSecond() - 600, BYTES);

    assertThatThrownBy(() -> WEBHOOKS.unwrap(BYTES, old::get))
        .isInstanceOfSatisfying(
            WebhookSignatureException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.TIMESTAMP_TOO_OLD));
  }

  @Test
  void with_tolerance_widens_the_accepted_window() {
    Map<String, String> old =
        WebhookSigner.of(SECRET).headers("evt_2Lk9Wq4ZtR7b", NOW.getEpochSecond() - 600, BYTES);

    Event event = WEBHOOKS.withTolerance(Duration.ofMinutes(15)).unwrap(BYTES, old::get);

    assertThat(event).isInstanceOf(CallCompletedEvent.class);
  }

  @Test
  void with_secrets_keeps_the_tolerance() {
    Webhooks wide = WEBHOOKS.withTolerance(Duration.ofMinutes(15)).withSecrets(SECRET);

    assertThat(wide.tolerance()).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void a_header_value_that_is_not_text_is_refused_naming_the_header() {
    Map<String, Object> headers = new LinkedHashMap<>(SIGNED);
    headers.put("webhook-timestamp", NOW.getEpochSecond());

    assertThatThrownBy(() -> WEBHOOKS.verify(BYTES, headers))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("webhook-timestamp");
  }

  @Test
  void parse_reads_an_already_verified_body_without_headers() {
    assertThat(WEBHOOKS.parse(BYTES)).isInstanceOf(CallCompletedEvent.class);
  }

  private static Unwrap verifyThenParse(Unwrap verify) {
    return (w, b, h) -> {
      verify.call(w, b, h);
      return w.parse(bytes(b));
    };
  }

  private static byte[] bytes(String body) {
    return body.getBytes(StandardCharsets.UTF_8);
  }

  private static Map<String, List<String>> multi(Map<String, String> headers) {
    Map<String, List<String>> multi = new LinkedHashMap<>();
    headers.forEach((name, value) -> multi.put(name, List.of(value)));
    return multi;
  }

  /** A plain map with names as a client might spell them: {@code Webhook-Id}. */
  private static Map<String, String> capitalized(Map<String, String> headers) {
    Map<String, String> spelled = new LinkedHashMap<>();
    headers.forEach((name, value) -> spelled.put(capitalize(name), value));
    return spelled;
  }

  private static String capitalize(String name) {
    StringBuilder s = new StringBuilder();
    for (String part : name.split("-", -1)) {
      s.append(s.length() == 0 ? "" : "-")
          .append(part.substring(0, 1).toUpperCase(Locale.ROOT))
          .append(part.substring(1));
    }
    return s.toString();
  }

  /** A servlet-like lookup: names matched case-insensitively. */
  private static Function<String, String> lookup(Map<String, String> headers) {
    Map<String, String> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    caseInsensitive.putAll(headers);
    return caseInsensitive::get;
  }
}
