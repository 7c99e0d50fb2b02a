package com.kaicalls.sdk;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.kaicalls.sdk.errors.KaiCallsException;
import com.kaicalls.sdk.errors.WebhookSignatureException;
import com.kaicalls.sdk.models.Event;
import com.kaicalls.webhooks.WebhookVerificationException;
import com.kaicalls.webhooks.WebhookVerifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Verifies webhook deliveries and turns them into typed events. Verification runs over the raw
 * bytes, before any parsing, with the Standard Webhooks scheme; during a secret rotation give both
 * secrets with {@link #withSecrets(List)}.
 *
 * <p>Bodies are {@code byte[]} (best: exactly as received) or {@code String} (encoded as UTF-8).
 * Headers are a {@code Map<String, List<String>>}, a single-valued {@code Map<String, String>}
 * (names in any case), or a lookup such as {@code request::getHeader} (servlets) or {@code
 * exchange.getRequestHeaders()::getFirst} (JDK {@code HttpServer}).
 *
 * <pre>{@code
 * Event event = client.webhooks().unwrap(rawBody, request::getHeader);
 * if (event instanceof CallCompletedEvent) { ... }
 * else if (event instanceof UnknownEvent) { ... }   // a type added after this SDK version: acknowledge it
 * }</pre>
 */
public final class Webhooks {
  private static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

  private final List<String> secrets;
  private final Duration tolerance;
  private final Clock clock;
  private final ObjectMapper json;
  private final WebhookVerifier verifier;

  Webhooks(List<String> secrets, Clock clock, ObjectMapper json) {
    this(secrets, DEFAULT_TOLERANCE, clock, json);
  }

  private Webhooks(List<String> secrets, Duration tolerance, Clock clock, ObjectMapper json) {
    this.secrets = Collections.unmodifiableList(new ArrayList<>(secrets));
    this.tolerance = tolerance;
    this.clock = clock;
    this.json = json;
    this.verifier = secrets.isEmpty() ? null : newVerifier(this.secrets, tolerance, clock);
  }

  /**
   * Returns a copy that accepts signatures made with any of these secrets (old and new during a
   * rotation).
   *
   * @param secrets one or more {@code whsec_} secrets
   * @return a new {@code Webhooks}
   * @throws WebhookSignatureException with reason {@code INVALID_SECRET} if a secret cannot be used
   */
  public Webhooks withSecrets(List<String> secrets) {
    Objects.requireNonNull(secrets, "secrets");
    if (secrets.isEmpty()) throw new IllegalArgumentException("Give at least one webhook secret");
    return new Webhooks(secrets, tolerance, clock, json);
  }

  /**
   * Returns a copy that accepts signatures made with any of these secrets.
   *
   * @param secrets one or more {@code whsec_} secrets
   * @return a new {@code Webhooks}
   * @throws WebhookSignatureException with reason {@code INVALID_SECRET} if a secret cannot be used
   */
  public Webhooks withSecrets(String... secrets) {
    return withSecrets(Arrays.asList(secrets));
  }

  /**
   * Returns a copy that accepts a {@code webhook-timestamp} this far from now, in either direction
   * (default five minutes).
   *
   * @param tolerance zero or positive
   * @return a new {@code Webhooks}
   * @throws IllegalArgumentException if the tolerance is negative
   */
  public Webhooks withTolerance(Duration tolerance) {
    Objects.requireNonNull(tolerance, "tolerance");
    if (tolerance.isNegative())
      throw new IllegalArgumentException("tolerance must not be negative: " + tolerance);
    return new Webhooks(secrets, tolerance, clock, json);
  }

  /** Returns how far a delivery's timestamp may be from now. */
  public Duration tolerance() {
    return tolerance;
  }

  /**
   * Verifies a delivery and parses it.
   *
   * @param body the raw request body, exactly as received
   * @param headers the request headers (any case), each a {@code String} or a list of them
   * @return the event; an {@code UnknownEvent} for a type this SDK version does not know, never
   *     null
   * @throws WebhookSignatureException if the signature, timestamp or headers do not verify
   */
  public Event unwrap(byte[] body, Map<String, ?> headers) {
    verify(body, headers);
    return parse(body);
  }

  /**
   * Verifies a delivery and parses it.
   *
   * @param body the raw request body as UTF-8 text, exactly as received
   * @param headers the request headers (any case), each a {@code String} or a list of them
   * @return the event; an {@code UnknownEvent} for a type this SDK version does not know, never
   *     null
   * @throws WebhookSignatureException if the signature, timestamp or headers do not verify
   */
  public Event unwrap(String body, Map<String, ?> headers) {
    return unwrap(utf8(body), headers);
  }

  /**
   * Verifies a delivery and parses it, reading headers through a lookup such as {@code
   * request::getHeader}.
   *
   * @param body the raw request body, exactly as received
   * @param header looks up a header by its lower-case name, matching case-insensitively; null when
   *     absent
   * @return the event; an {@code UnknownEvent} for a type this SDK version does not know, never
   *     null
   * @throws WebhookSignatureException if the signature, timestamp or headers do not verify
   */
  public Event unwrap(byte[] body, Function<String, String> header) {
    verify(body, header);
    return parse(body);
  }

  /**
   * Verifies a delivery and parses it, reading headers through a lookup such as {@code
   * request::getHeader}.
   *
   * @param body the raw request body as UTF-8 text, exactly as received
   * @param header looks up a header by its lower-case name, matching case-insensitively; null when
   *     absent
   * @return the event; an {@code UnknownEvent} for a type this SDK version does not know, never
   *     null
   * @throws WebhookSignatureException if the signature, timestamp or headers do not verify
   */
  public Event unwrap(String body, Function<String, String> header) {
    return unwrap(utf8(body), header);
  }

  /**
   * Verifies a delivery without parsing it.
   *
   * @param body the raw request body
   * @param headers the request headers (any case), each a {@code String} or a list of them
   * @throws WebhookSignatureException if it does not verify
   * @throws IllegalArgumentException if a header's value is neither a {@code String} nor a
   *     collection of them
   */
  public void verify(byte[] body, Map<String, ?> headers) {
    Map<String, List<String>> multi = multiValued(headers);
    try {
      requireVerifier().verify(body, multi);
    } catch (WebhookVerificationException e) {
      throw translate(e);
    }
  }

  /**
   * Verifies a delivery without parsing it.
   *
   * @param body the raw request body as UTF-8 text
   * @param headers the request headers (any case), each a {@code String} or a list of them
   * @throws WebhookSignatureException if it does not verify
   */
  public void verify(String body, Map<String, ?> headers) {
    verify(utf8(body), headers);
  }

  /**
   * Verifies a delivery without parsing it, reading headers through a lookup such as {@code
   * request::getHeader}.
   *
   * @param body the raw request body
   * @param header looks up a header by its lower-case name, matching case-insensitively; null when
   *     absent
   * @throws WebhookSignatureException if it does not verify
   */
  public void verify(byte[] body, Function<String, String> header) {
    try {
      requireVerifier().verify(body, header);
    } catch (WebhookVerificationException e) {
      throw translate(e);
    }
  }

  /**
   * Verifies a delivery without parsing it, reading headers through a lookup such as {@code
   * request::getHeader}.
   *
   * @param body the raw request body as UTF-8 text
   * @param header looks up a header by its lower-case name, matching case-insensitively; null when
   *     absent
   * @throws WebhookSignatureException if it does not verify
   */
  public void verify(String body, Function<String, String> header) {
    verify(utf8(body), header);
  }

  /**
   * Parses a body <em>without verifying it</em>: for a delivery already verified (by a framework
   * filter, say). Never call it on a body straight from the network.
   *
   * @param body the event JSON
   * @return the event; an {@code UnknownEvent} for a type this SDK version does not know, never
   *     null
   * @throws KaiCallsException if the body is not a KaiCalls event
   */
  public Event parse(byte[] body) {
    Objects.requireNonNull(body, "body");
    try {
      Event event = json.readValue(body, Event.class);
      if (event == null) throw new IOException("the body is JSON null");
      return event;
    } catch (IOException e) {
      throw new KaiCallsException("The webhook body is not a KaiCalls event: " + e.getMessage(), e);
    }
  }

  /**
   * Parses a body <em>without verifying it</em>; see {@link #parse(byte[])}.
   *
   * @param body the event JSON
   * @return the event, never null
   * @throws KaiCallsException if the body is not a KaiCalls event
   */
  public Event parse(String body) {
    return parse(utf8(Objects.requireNonNull(body, "body")));
  }

  private WebhookVerifier requireVerifier() {
    if (verifier == null) {
      throw new KaiCallsException(
          "No webhook secret: set webhookSecret(...) on the client builder, KAICALLS_WEBHOOK_SECRET, "
              + "or call webhooks().withSecrets(...)");
    }
    return verifier;
  }

  private static byte[] utf8(String body) {
    return body == null ? null : body.getBytes(StandardCharsets.UTF_8);
  }

  /** Single values become one-element lists; the verifier then matches names case-insensitively. */
  private static Map<String, List<String>> multiValued(Map<String, ?> headers) {
    if (headers == null) return null; // the verifier reports MISSING_HEADER
    Map<String, List<String>> multi = new LinkedHashMap<>();
    for (Map.Entry<String, ?> h : headers.entrySet()) {
      Object value = h.getValue();
      if (value == null || value instanceof String) {
        multi.put(h.getKey(), Collections.singletonList((String) value));
      } else if (value instanceof Collection) {
        List<String> values = new ArrayList<>();
        for (Object v : (Collection<?>) value) values.add(asHeaderValue(h.getKey(), v));
        multi.put(h.getKey(), values);
      } else {
        throw new IllegalArgumentException(
            "Header "
                + h.getKey()
                + " is a "
                + value.getClass().getName()
                + ", not a String or a list of them");
      }
    }
    return multi;
  }

  private static String asHeaderValue(String name, Object value) {
    if (value == null || value instanceof String) return (String) value;
    throw new IllegalArgumentException(
        "Header " + name + " holds a " + value.getClass().getName() + ", not a String");
  }

  private static WebhookSignatureException translate(WebhookVerificationException e) {
    return new WebhookSignatureException(
        e.reason(), "Webhook verification failed: " + e.getMessage(), e);
  }

  private static WebhookVerifier newVerifier(
      List<String> secrets, Duration tolerance, Clock clock) {
    try {
      return WebhookVerifier.builder().secrets(secrets).tolerance(tolerance).clock(clock).build();
    } catch (WebhookVerificationException e) {
      throw translate(e);
    }
  }
}
