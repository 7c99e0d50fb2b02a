package com.kaicalls.mock.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kaicalls.mock.internal.access.Authenticator;
import com.kaicalls.mock.internal.access.IdempotencyCache;
import com.kaicalls.mock.internal.access.RateLimiter;
import com.kaicalls.mock.internal.access.Workspaces;
import com.kaicalls.mock.internal.admin.SnapshotException;
import com.kaicalls.mock.internal.admin.Snapshots;
import com.kaicalls.mock.internal.clock.Scheduler;
import com.kaicalls.mock.internal.clock.VirtualClock;
import com.kaicalls.mock.internal.http.FaultRegistry;
import com.kaicalls.mock.internal.http.RequestLog;
import com.kaicalls.mock.internal.runs.RunEngine;
import com.kaicalls.mock.internal.seed.Seeds;
import com.kaicalls.mock.internal.store.Ids;
import com.kaicalls.mock.internal.store.Journal;
import com.kaicalls.mock.internal.store.Store;
import com.kaicalls.mock.internal.store.Transactions;
import com.kaicalls.mock.internal.webhooks.Deliveries;
import com.kaicalls.mock.internal.webhooks.Dispatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * The emulator's state as a whole, across the parts that hold it (store, ids, clock, timers, keys,
 * idempotency records, rate windows, deliveries in flight): filled from the seed, continued from a
 * journal, reset, taken as a snapshot and restored from one, each as one transaction.
 */
final class EmulatorState {

  /** The parts that hold state, as Emulator wires them. */
  record Parts(
      Transactions tx,
      Store store,
      Ids ids,
      VirtualClock clock,
      Scheduler scheduler,
      Dispatcher dispatcher,
      Authenticator auth,
      IdempotencyCache idempotency,
      RateLimiter rateLimiter,
      Workspaces workspaces,
      RunEngine engine,
      FaultRegistry faults,
      RequestLog requestLog) {}

  private final Parts parts;
  private final Seeds seeds;
  private final Seeds.Snapshot seedSnapshot;

  /** {@code seedSnapshot}: what to start from instead of the seed, or {@code null}. */
  EmulatorState(Parts parts, Seeds seeds, Seeds.Snapshot seedSnapshot) {
    this.parts = parts;
    this.seeds = seeds;
    this.seedSnapshot = seedSnapshot;
  }

  /** Fills the empty state from the seed snapshot when one was given, else from the seed. */
  void seed() {
    parts.tx().run(this::seedInTransaction);
  }

  /**
   * Continues from a journal: ids, time, key hashes, idempotency keys, timers and pending
   * deliveries.
   */
  void continueFrom(Journal.Replayed replayed) {
    parts.ids().restore(replayed.idSequence());
    if (replayed.now() != null) {
      parts.clock().moveTo(replayed.now());
    }
    parts
        .tx()
        .run(
            () -> {
              seeds.keepWorkspaces();
              reloadWorkspaces();
            });
  }

  /**
   * Forgets everything (objects, events, deliveries, timers, keys minted, idempotency keys, rate
   * windows, faults, the request log; the journal too), resets the clock and re-seeds (from the
   * seed snapshot when one was given).
   */
  synchronized void reset() {
    parts
        .tx()
        .run(
            () -> {
              clear();
              parts.faults().clear();
              parts.requestLog().clear();
              parts.ids().reset();
              parts.clock().reset();
              seedInTransaction();
            });
  }

  /** Returns the ids of every workspace (the seed's and those created through the API). */
  List<String> workspaces() {
    return parts.workspaces().ids();
  }

  /** The whole state as a snapshot document ({@link Snapshots}), taken between two transactions. */
  byte[] snapshot() {
    return Snapshots.bytes(parts.tx().call(this::take));
  }

  /**
   * Replaces the state with a snapshot (the journal too), as one transaction; faults and the
   * request log stay. An invalid snapshot changes nothing.
   *
   * @throws SnapshotException naming the field at fault
   */
  synchronized void restore(byte[] snapshot) {
    Snapshots.Parsed parsed = Snapshots.read(snapshot, Seeds.BUILT_IN_IDS);
    parts
        .tx()
        .run(
            () -> {
              Snapshots.Parsed previous = Snapshots.read(take(), Seeds.BUILT_IN_IDS);
              try {
                clear();
                load(parsed);
              } catch (RuntimeException e) {
                clear();
                load(previous);
                throw new SnapshotException(
                    "parameter_invalid",
                    "The snapshot could not be loaded (" + e + "); the state was left as it was.",
                    null);
              }
            });
  }

  private ObjectNode take() {
    return Snapshots.take(
        parts.store(),
        parts.ids().sequence(),
        parts.clock().instant(),
        snapshotOrder(),
        parts.workspaces());
  }

  /** The seed's workspaces in their fixed order, then those created through the API, by id. */
  private List<String> snapshotOrder() {
    List<String> ids = new ArrayList<>(Seeds.BUILT_IN_IDS);
    parts.workspaces().ids().stream().filter(id -> !ids.contains(id)).forEach(ids::add);
    return ids;
  }

  private void seedInTransaction() {
    if (seedSnapshot == null) {
      seeds.seedFresh();
      return;
    }
    try {
      load(Snapshots.read(seedSnapshot.bytes(), Seeds.BUILT_IN_IDS));
    } catch (SnapshotException e) {
      throw new StartupException(
          "The seed snapshot "
              + seedSnapshot.name()
              + " cannot be loaded: "
              + e.getMessage()
              + (e.param() == null ? "" : " (at " + e.param() + ")"),
          e);
    }
  }

  /**
   * Empties the state, keeping controls (faults) and the request log; call inside a transaction.
   */
  private void clear() {
    parts.dispatcher().clear();
    parts.scheduler().clear();
    parts.store().clear();
    parts.auth().clear();
    parts.idempotency().clear();
    parts.rateLimiter().clear();
    parts.workspaces().clear();
    parts.engine().clear();
  }

  /**
   * Loads a snapshot into an empty state: documents, ids, time, keys, timers, pending deliveries.
   */
  private void load(Snapshots.Parsed snapshot) {
    parts.ids().restore(snapshot.idSequence());
    parts.clock().restartAt(snapshot.now());
    snapshot
        .documents()
        .forEach(
            (ws, types) ->
                types.forEach(
                    (type, documents) ->
                        documents.forEach(
                            document ->
                                parts.store().put(ws, type, Deliveries.upgrade(type, document)))));
    seeds.keepWorkspaces();
    seeds.keepKeys();
    reloadWorkspaces();
  }

  /**
   * Reads back, for every registered workspace, what lives outside the store: key hashes,
   * idempotency records, timers and pending deliveries.
   */
  private void reloadWorkspaces() {
    List<String> workspaces = parts.workspaces().ids();
    parts.auth().reload(workspaces);
    parts.idempotency().reload(workspaces);
    parts.scheduler().load(workspaces);
    parts.dispatcher().recover(workspaces);
  }
}
