package com.kaicalls.sdk.errors;

/**
 * A webhook delivery failed verification: a missing or malformed header, a timestamp outside the tolerance,
 * or no signature made with a known secret. The message never contains a secret.
 */
public class WebhookSignatureException extends KaiCallsException {
  private static final long serialVersionUID = 1L;
  private final String reason;

  /**
   * Creates a verification failure.
   *
   * @param reason the verifier's reason code, e.g. {@code NO_MATCHING_SIGNATURE}
   * @param message a description that names no secret
   * @param cause the verifier's exception
   */
  public WebhookSignatureException(String reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /** @return why verification failed, as the verifier's reason name (e.g. {@code TIMESTAMP_TOO_OLD}) */
  public String reason() {
    return reason;
  }
}
