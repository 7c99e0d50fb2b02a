package com.kaicalls.spring.internal;

import com.kaicalls.sdk.models.Event;
import com.kaicalls.spring.WebhookDeduplicationStore;
import com.kaicalls.webhooks.VerifiedWebhook;
import com.kaicalls.webhooks.WebhookVerificationException;
import com.kaicalls.webhooks.WebhookVerifier;
import java.util.Objects;
import java.util.function.Function;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Handles one delivery, whatever the web framework: verify the raw bytes, skip what was already
 * handled, parse, publish to the listeners, remember it. Reasons for refusing go to the log, never
 * to the sender.
 */
public final class WebhookHandler {
  private static final Log log = LogFactory.getLog(WebhookHandler.class);

  /** What became of a delivery, and the status to answer. */
  public enum Outcome {
    /** Every listener returned. */
    HANDLED(204),
    /** Already handled: acknowledged, not published again. */
    DUPLICATE(204),
    /**
     * The signature, timestamp or body is not acceptable; the platform will not succeed by
     * retrying.
     */
    REFUSED(400),
    /** A listener, or the deduplication store, threw: the platform should retry. */
    FAILED(500);

    private final int status;

    Outcome(int status) {
      this.status = status;
    }

    /** Returns the HTTP status to answer. */
    public int status() {
      return status;
    }
  }

  private final WebhookVerifier verifier;
  private final WebhookDeduplicationStore deduplication;
  private final ApplicationEventPublisher publisher;
  private final EventParser parser = new EventParser();

  /**
   * @param verifier checks signatures and timestamps
   * @param deduplication remembers handled deliveries
   * @param publisher delivers events to the {@code @EventListener}s
   */
  public WebhookHandler(
      WebhookVerifier verifier,
      WebhookDeduplicationStore deduplication,
      ApplicationEventPublisher publisher) {
    this.verifier = Objects.requireNonNull(verifier, "verifier");
    this.deduplication = Objects.requireNonNull(deduplication, "deduplication");
    this.publisher = Objects.requireNonNull(publisher, "publisher");
  }

  /**
   * Handles a delivery.
   *
   * @param body the raw body, exactly as received
   * @param header looks up a request header, case-insensitively
   * @return what became of it
   */
  public Outcome handle(byte[] body, Function<String, String> header) {
    VerifiedWebhook webhook;
    try {
      webhook = verifier.verify(body, header);
    } catch (WebhookVerificationException e) {
      // The verifier's messages never echo header values, so they are safe to log as they are.
      log.warn(
          "Refused a KaiCalls webhook delivery: "
              + e.reason()
              + " ("
              + e.getMessage()
              + "); answered 400");
      return Outcome.REFUSED;
    }
    String id = webhook.id();
    try {
      if (deduplication.isHandled(id)) {
        log.debug(
            "KaiCalls webhook "
                + id
                + " was already handled; acknowledged without publishing it again");
        return Outcome.DUPLICATE;
      }
    } catch (RuntimeException e) {
      log.error(
          "Could not tell whether KaiCalls webhook "
              + id
              + " was already handled; answered 500 so that the "
              + "platform retries it",
          e);
      return Outcome.FAILED;
    }
    Event event;
    try {
      event = parser.parse(id, body);
    } catch (EventParser.MalformedDeliveryException e) {
      log.warn("Refused KaiCalls webhook " + id + ": " + e.getMessage() + "; answered 400");
      return Outcome.REFUSED;
    }
    try {
      publisher.publishEvent(event);
    } catch (RuntimeException e) {
      log.error(
          "A listener failed on KaiCalls webhook "
              + id
              + " ("
              + event.getClass().getSimpleName()
              + "); answered 500 so that the platform retries it",
          e);
      return Outcome.FAILED;
    }
    remember(id);
    return Outcome.HANDLED;
  }

  private void remember(String id) {
    try {
      deduplication.markHandled(id);
    } catch (RuntimeException e) {
      // The listeners did their work: answering 500 now would only make them do it again.
      log.error(
          "KaiCalls webhook "
              + id
              + " was handled but could not be recorded as handled; a redelivery of it "
              + "would be published again",
          e);
    }
  }
}
