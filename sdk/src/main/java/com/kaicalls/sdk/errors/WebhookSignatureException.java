package com.kaicalls.sdk.errors;

import com.kaicalls.webhooks.WebhookVerificationException;
import java.util.Objects;

/**
 * A webhook delivery failed verification: a missing or malformed header, a timestamp outside the
 * tolerance, or no signature made with a known secret. The message never contains a secret.
 */
public class WebhookSignatureException extends KaiCallsException {
  private static final long serialVersionUID = 1L;
  private final WebhookVerificationException.Reason reason;

  /**
   * Creates a verification failure.
   *
   * @param reason the verifier's reason, e.g. {@code NO_MATCHING_SIGNATURE}
   * @param message a description that names no secret
   * @param cause the verifier's exception
   */
  public WebhookSignatureException(
      WebhookVerificationException.Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * Returns why verification failed, as the verifier reports it (e.g. {@code TIMESTAMP_TOO_OLD});
   * never null.
   */
  public WebhookVerificationException.Reason reason() {
    return reason;
  }
}
