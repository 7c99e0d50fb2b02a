package com.kaicalls.mock.internal.store;

import java.time.Clock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises state changes (API writes, scheduled steps, delivery results) behind one lock and
 * commits the {@link Journal} at the end of each, before anyone is told it happened.
 */
public final class Transactions {

  private final ReentrantLock lock = new ReentrantLock();
  private final Journal journal;
  private final Ids ids;
  private final Clock clock;

  public Transactions(Journal journal, Ids ids, Clock clock) {
    this.journal = journal;
    this.ids = ids;
    this.clock = clock;
  }

  public <T> T call(Supplier<T> change) {
    lock.lock();
    try {
      return change.get();
    } finally {
      try {
        journal.commit(ids.sequence(), clock.instant());
      } finally {
        lock.unlock();
      }
    }
  }

  public void run(Runnable change) {
    call(
        () -> {
          change.run();
          return null;
        });
  }
}
