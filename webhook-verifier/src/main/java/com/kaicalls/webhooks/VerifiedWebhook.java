package com.kaicalls.webhooks;

import java.time.Instant;

/**
 * What {@link WebhookVerifier#verify} proved: the message id and the time the sender signed it. Both
 * are covered by the signature, so the id is safe to use for de-duplication.
 *
 * <p>Immutable; equal when id and timestamp are equal.
 */
public final class VerifiedWebhook {

  private final String id;
  private final Instant timestamp;

  VerifiedWebhook(String id, Instant timestamp) {
    this.id = id;
    this.timestamp = timestamp;
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
   * Returns the verified {@code webhook-timestamp}, whole seconds; {@code timestamp().getEpochSecond()}
   * is the header's number.
   *
   * @return the signing time, never {@code null}
   */
  public Instant timestamp() {
    return timestamp;
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
    return id.equals(that.id) && timestamp.equals(that.timestamp);
  }

  @Override
  public int hashCode() {
    return 31 * id.hashCode() + timestamp.hashCode();
  }

  @Override
  public String toString() {
    return "VerifiedWebhook{id=" + id + ", timestamp=" + timestamp + '}';
  }
}
