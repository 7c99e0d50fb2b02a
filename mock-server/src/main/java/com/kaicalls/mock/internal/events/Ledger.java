package com.kaicalls.mock.internal.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kaicalls.mock.internal.documents.Collections;
import com.kaicalls.mock.internal.documents.Fields;
import com.kaicalls.mock.internal.store.Ids;
import com.kaicalls.mock.internal.store.Json;
import com.kaicalls.mock.internal.store.Store;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * The one place state changes go through: saves a document and appends its event to the workspace's
 * append-only event store, then tells listeners (a delivery dispatcher, later).
 */
public final class Ledger {

  private final Store store;
  private final Ids ids;
  private final Clock clock;
  private final List<BiConsumer<String, ObjectNode>> listeners = new CopyOnWriteArrayList<>();

  public Ledger(Store store, Ids ids, Clock clock) {
    this.store = store;
    this.ids = ids;
    this.clock = clock;
  }

  /** Called with (workspace id, event) after every appended event. */
  public void onEvent(BiConsumer<String, ObjectNode> listener) {
    listeners.add(listener);
  }

  /** Saves without an event (objects whose changes have no event type, e.g. API keys). */
  public void save(String workspaceId, String type, ObjectNode document) {
    store.put(workspaceId, type, document);
  }

  /** Saves {@code document} and appends an event of {@code eventType} with its snapshot. */
  public ObjectNode save(String workspaceId, String type, ObjectNode document, String eventType) {
    synchronized (this) {
      store.put(workspaceId, type, document);
      return append(workspaceId, eventType, document);
    }
  }

  /** Appends an event whose {@code data.object} is a snapshot of {@code payload}. */
  public ObjectNode append(String workspaceId, String eventType, ObjectNode payload) {
    return append(workspaceId, eventType, payload, clock.instant());
  }

  /** Appends an event that happened at {@code at} (the seed backdates its history). */
  public synchronized ObjectNode append(
      String workspaceId, String eventType, ObjectNode payload, java.time.Instant at) {
    ObjectNode event = Json.object();
    event.put(Fields.ID, ids.next("evt_"));
    event.put(Fields.OBJECT, Collections.EVENT);
    event.put(Fields.TYPE, eventType);
    event.put(Fields.CREATED_AT, Json.time(at));
    event.putObject(Fields.DATA).set(Fields.OBJECT, payload.deepCopy());
    event.put(Fields.LIVEMODE, false);
    event.put(Fields.WORKSPACE_ID, workspaceId);
    store.put(workspaceId, Collections.EVENT, event);
    for (BiConsumer<String, ObjectNode> listener : listeners) {
      listener.accept(workspaceId, event);
    }
    return event;
  }
}
