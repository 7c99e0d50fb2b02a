package com.kaicalls.spring;

/**
 * Remembers which deliveries were handled, by {@code webhook-id} (the event id, the same on every
 * retry, replay and backfill), so that a redelivery is acknowledged without publishing the event
 * again. The default keeps ids in memory ({@link InMemoryWebhookDeduplicationStore}); define a bean
 * of this type to keep them elsewhere, e.g. in the database your listeners write to.
 * Implementations must be thread-safe.
 */
public interface WebhookDeduplicationStore {

  /**
   * Tells whether a delivery with this id was already handled successfully.
   *
   * @param webhookId the verified {@code webhook-id}
   * @return {@code true} to acknowledge the delivery without publishing it
   */
  boolean isHandled(String webhookId);

  /**
   * Records that every listener returned for this delivery.
   *
   * @param webhookId the verified {@code webhook-id}
   */
  void markHandled(String webhookId);
}
