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
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Verifies webhook deliveries and turns them into typed events. Verification runs over the raw bytes, before any
 * parsing, with the Standard Webhooks scheme; during a secret rotation give both secrets with
 * {@link #withSecrets(List)}.
 *
 * <pre>{@code
 * Event event = client.webhooks().unwrap(rawBody, request::getHeader);
 * if (event instanceof CallCompletedEvent) { ... }
 * else if (event instanceof UnknownEvent) { ... }   // a type added after this SDK version: acknowledge it
 * }</pre>
 */
public final class Webhooks {
  private final List<String> secrets;
  private final Clock clock;
  private final ObjectMapper json;
  private final WebhookVerifier verifier;

  Webhooks(List<String> secrets, Clock clock, ObjectMapper json) {
    this.secrets = Collections.unmodifiableList(secrets);
    this.clock = clock;
    this.json = json;
    this.verifier = secrets.isEmpty() ? null : newVerifier(secrets, clock);
  }

  /**
   * Returns a copy that accepts signatures made with any of these secrets (old and new during a rotation).
   *
   * @param secrets one or more {@code whsec_} secrets
   * @return a new {@code Webhooks}
   */
  public Webhooks withSecrets(List<String> secrets) {
    Objects.requireNonNull(secrets, "secrets");
    if (secrets.isEmpty()) throw new IllegalArgumentException("Give at least one webhook secret");
    return new Webhooks(secrets, clock, json);
  }

  /**
   * Returns a copy that accepts signatures made with any of these secrets.
   *
   * @param secrets one or more {@code whsec_} secrets
   * @return a new {@code Webhooks}
   */
  public Webhooks withSecrets(String... secrets) {
    return withSecrets(Arrays.asList(secrets));
  }

  /**
   * Verifies a delivery and parses it.
   *
   * @param body the raw request body, exactly as received
   * @param headers the request headers (any case)
   * @return the event; an {@code UnknownEvent} for a type this SDK version does not know, never null
   * @throws WebhookSignatureException if the signature, timestamp or headers do not verify
   */
  public Event unwrap(byte[] body, Map<String, List<String>> headers) {
    verify(body, headers);
    return parse(body);
  }

  /**
   * Verifies a delivery and parses it.
   *
   * @param body the raw request body as UTF-8 text, exactly as received
   * @param headers the request headers (any case)
   * @return the event; an {@code UnknownEvent} for a type this SDK version does not know, never null
   * @throws WebhookSignatureException if the signature, timestamp or headers do not verify
   */
  public Event unwrap(String body, Map<String, List<String>> headers) {
    return unwrap(body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers);
  }

  /**
   * Verifies a delivery and parses it, reading headers through a lookup such as {@code request::getHeader}.
   *
   * @param body the raw request body, exactly as received
   * @param header looks up a header by its lower-case name
   * @return the event; an {@code UnknownEvent} for a type this SDK version does not know, never null
   * @throws WebhookSignatureException if the signature, timestamp or headers do not verify
   */
  public Event unwrap(byte[] body, Function<String, String> header) {
    try {
      requireVerifier().verify(body, header);
    } catch (WebhookVerificationException e) {
      throw translate(e);
    }
    return parse(body);
  }

  /**
   * Verifies a delivery without parsing it.
   *
   * @param body the raw request body
   * @param headers the request headers (any case)
   * @throws WebhookSignatureException if it does not verify
   */
  public void verify(byte[] body, Map<String, List<String>> headers) {
    try {
      requireVerifier().verify(body, headers);
    } catch (WebhookVerificationException e) {
      throw translate(e);
    }
  }

  private WebhookVerifier requireVerifier() {
    if (verifier == null) {
      throw new KaiCallsException(
          "No webhook secret: set webhookSecret(...) on the client builder, KAICALLS_WEBHOOK_SECRET, "
              + "or call webhooks().withSecrets(...)");
    }
    return verifier;
  }

  private Event parse(byte[] body) {
    try {
      Event event = json.readValue(body, Event.class);
      if (event == null) throw new IOException("the body is JSON null");
      return event;
    } catch (IOException e) {
      throw new KaiCallsException("The verified webhook body is not a KaiCalls event: " + e.getMessage(), e);
    }
  }

  private static WebhookSignatureException translate(WebhookVerificationException e) {
    return new WebhookSignatureException(e.reason().name(), "Webhook verification failed: " + e.getMessage(), e);
  }

  private static WebhookVerifier newVerifier(List<String> secrets, Clock clock) {
    try {
      return WebhookVerifier.builder().secrets(secrets).clock(clock).build();
    } catch (WebhookVerificationException e) {
      throw translate(e);
    }
  }
}
