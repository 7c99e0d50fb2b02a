package com.kaicalls.mock.internal.webhooks;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Told by the {@link Dispatcher} how a delivery goes, inside the transaction that records it. */
public interface DeliveryListener {

  /** The delivery's first attempt ended, whatever its outcome ({@code delivery} as now stored). */
  void firstAttemptEnded(String workspaceId, ObjectNode delivery);

  /** The delivery reached a final status: succeeded ({@code delivered}) or failed. */
  void finished(String workspaceId, ObjectNode delivery, boolean delivered);
}
