package com.kaicalls.webhooks;

import java.time.Instant;

/**
 * What {@link WebhookVerifier#verify} proved: the message id and the time the sender signed it.
 * Both are covered by the signature, so the id is safe to use for de-duplication.
 *
 * <p>Immutable; equal when id and timestamp are equal.
 */
public final class VerifiedWebhook {

  private final String id;

  /** The timestamp in seconds; the {@code Instant} is made on demand, as most callers never ask. */
  private final long seconds;

  VerifiedWebhook(String id, long seconds) {
    this.id = id;
    this.seconds = seconds;
  }

  /**
   * Returns the verified {@code webhook-id}: the same for every retry of one message.
   *
   * @return the id, never {@code null} or empty
   */
  public String id() {
    return id;
  }

  /**
   * Returns the verified {@code webhook-timestamp}, whole seconds; {@code
   * timestamp().getEpochSecond()} is the header's number.
   *
   * @return the signing time, never {@code null}
   */
  public Instant timestamp() {
    return Instant.ofEpochSecond(seconds);
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof VerifiedWebhook)) {
      return false;
    }
    VerifiedWebhook that = (VerifiedWebhook) other;
    return id.equals(that.id) && seconds == that.seconds;
  }

  @Override
  public int hashCode() {
    return 31 * id.hashCode() + timestamp().hashCode();
  }

  @Override
  public String toString() {
    return "VerifiedWebhook{id=" + id + ", timestamp=" + timestamp() + '}';
  }
}
