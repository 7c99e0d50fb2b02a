package com.kaicalls.webhooks;

import java.util.Objects;

/**
 * Thrown when a webhook cannot be verified, or when a secret cannot be used.
 *
 * <p>Unchecked: a failed verification is an expected outcome that a handler turns into a 4xx
 * answer, so callers catch it where they choose instead of declaring it. {@link #reason()} says
 * why, for metrics and logs. The message is written for people; it never contains a secret and
 * never echoes header values, which are attacker-controlled.
 */
public final class WebhookVerificationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why a webhook, or a secret, was rejected. */
  public enum Reason {
    /**
     * {@code webhook-id}, {@code webhook-timestamp} or {@code webhook-signature} is absent, empty,
     * or holds only {@code null} values; or the header map or lookup function itself is {@code
     * null}.
     */
    MISSING_HEADER,
    /** The body is {@code null}. An empty body is a body, and is verified like any other. */
    MISSING_BODY,
    /**
     * {@code webhook-id} is repeated with different values, is longer than 256 characters, or holds
     * a character outside visible ASCII ({@code !} to {@code ~}).
     */
    MALFORMED_ID,
    /**
     * {@code webhook-timestamp} is not a canonical non-negative decimal number of seconds (no sign,
     * no leading zeros, no spaces, at most 18 digits), or is repeated with different values.
     */
    MALFORMED_TIMESTAMP,
    /** The timestamp is further in the past than the tolerance allows. */
    TIMESTAMP_TOO_OLD,
    /** The timestamp is further in the future than the tolerance allows. */
    TIMESTAMP_TOO_NEW,
    /**
     * {@code webhook-signature} is longer than 8192 characters or holds more than 32 entries, or an
     * entry has no comma, or a {@code v1} entry is not the base64 of 32 bytes.
     */
    MALFORMED_SIGNATURE,
    /**
     * No {@code v1} signature matches any of the secrets; also when only unknown versions are
     * present.
     */
    NO_MATCHING_SIGNATURE,
    /**
     * A secret is {@code null}, blank, not base64 (after the optional {@code whsec_} prefix), or
     * shorter than 24 bytes once decoded. Thrown when a verifier or signer is built, never by
     * {@code verify}.
     */
    INVALID_SECRET,
  }

  /** Why verification failed; never {@code null}. */
  private final Reason reason;

  WebhookVerificationException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * Returns why the webhook or secret was rejected.
   *
   * @return the reason, never {@code null}
   */
  public Reason reason() {
    return reason;
  }
}
