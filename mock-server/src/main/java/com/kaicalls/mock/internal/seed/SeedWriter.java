package com.kaicalls.mock.internal.seed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kaicalls.mock.internal.events.Ledger;
import com.kaicalls.mock.internal.store.Ids;
import com.kaicalls.mock.internal.store.Store;
import java.time.Instant;

/** Writes seed documents and their backdated events, and takes the seed's ids in order. */
final class SeedWriter {

  private final Store store;
  private final Ledger ledger;
  private final Ids ids;

  SeedWriter(Store store, Ledger ledger, Ids ids) {
    this.store = store;
    this.ledger = ledger;
    this.ids = ids;
  }

  /** The next id with {@code prefix}. */
  String id(String prefix) {
    return ids.next(prefix);
  }

  /** Stores {@code document} without an event. */
  ObjectNode save(String ws, String collection, ObjectNode document) {
    store.put(ws, collection, document);
    return document;
  }

  /** Stores {@code document} and appends its {@code eventType} event, dated {@code eventAt}. */
  ObjectNode save(
      String ws, String collection, ObjectNode document, String eventType, Instant eventAt) {
    store.put(ws, collection, document);
    ledger.append(ws, eventType, document, eventAt);
    return document;
  }

  /** Appends an event about {@code payload} (as it was at that time), dated {@code at}. */
  void event(String ws, String eventType, ObjectNode payload, Instant at) {
    ledger.append(ws, eventType, payload, at);
  }
}
