package com.kaicalls.mock.internal.clock;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kaicalls.mock.internal.documents.Collections;
import com.kaicalls.mock.internal.store.Json;
import com.kaicalls.mock.internal.store.Store;
import com.kaicalls.mock.internal.store.Transactions;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs work at virtual times: timers are documents ({@code _timer}, id = a key such as {@code
 * job:<id>}, so re-scheduling replaces) mirrored in a queue ordered by due time. Each due timer
 * runs in its own transaction. Asynchronous work started by a timer (a webhook attempt) is tracked
 * with {@link #beginWork()}/{@link #endWork()} so that {@link #advanceTo} returns only once it
 * finished. Realtime mode runs a background thread; manual mode runs timers only inside {@link
 * #advanceTo}.
 */
public final class Scheduler implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger("com.kaicalls.mock");
  private static final Duration IDLE_WAIT = Duration.ofMinutes(2);

  /** The work of one kind of timer; runs inside a transaction. */
  @FunctionalInterface
  public interface Task {
    void run(String workspaceId, ObjectNode timer);
  }

  private record Entry(Instant due, long seq, String workspaceId, String key) {}

  private final Store store;
  private final VirtualClock clock;
  private final Transactions tx;
  private final Map<String, Task> tasks = new ConcurrentHashMap<>();
  private final PriorityQueue<Entry> queue =
      new PriorityQueue<>(Comparator.comparing(Entry::due).thenComparingLong(Entry::seq));
  private final Object advancing = new Object();
  private final Object idle = new Object();
  private long seq;
  private int work;
  private volatile boolean closed;
  private Thread loop;

  public Scheduler(Store store, VirtualClock clock, Transactions tx) {
    this.store = store;
    this.clock = clock;
    this.tx = tx;
  }

  public void register(String kind, Task task) {
    tasks.put(kind, task);
  }

  /** Starts the background thread in realtime mode. */
  public void start() {
    if (clock.manual()) {
      return;
    }
    loop = new Thread(this::runLoop, "kaicalls-mock-scheduler");
    loop.setDaemon(true);
    loop.start();
  }

  /** Schedules (or re-schedules) the timer {@code key}; call inside a transaction. */
  public void schedule(String workspaceId, String key, String kind, Instant due, ObjectNode data) {
    ObjectNode timer = data == null ? Json.object() : data.deepCopy();
    timer.put("id", key);
    timer.put("kind", kind);
    timer.put("due_at", due.toString());
    timer.put("created_at", Json.time(due));
    store.put(workspaceId, Collections.TIMER, timer);
    synchronized (this) {
      queue.add(new Entry(due, seq++, workspaceId, key));
      notifyAll();
    }
  }

  public void cancel(String workspaceId, String key) {
    store.remove(workspaceId, Collections.TIMER, key);
  }

  public boolean scheduled(String workspaceId, String key) {
    return store.get(workspaceId, Collections.TIMER, key) != null;
  }

  /** Rebuilds the queue from the stored timers (after a restart). */
  public synchronized void load(List<String> workspaceIds) {
    queue.clear();
    for (String ws : workspaceIds) {
      for (ObjectNode timer : store.all(ws, Collections.TIMER)) {
        queue.add(
            new Entry(
                Instant.parse(timer.get("due_at").asText()), seq++, ws, timer.get("id").asText()));
      }
    }
    notifyAll();
  }

  public synchronized void clear() {
    queue.clear();
  }

  /** Runs everything due up to {@code target}, in order, moving the clock to each due time. */
  public Instant advanceTo(Instant target) {
    synchronized (advancing) {
      while (true) {
        awaitIdle();
        Entry next = peek();
        if (next == null || next.due().isAfter(target)) {
          break;
        }
        runDue(clock.moveTo(next.due()));
      }
      Instant now = clock.moveTo(target);
      awaitIdle();
      return now;
    }
  }

  /** Asynchronous work started; {@link #advanceTo} waits for it. */
  public void beginWork() {
    synchronized (idle) {
      work++;
    }
  }

  public void endWork() {
    synchronized (idle) {
      work--;
      idle.notifyAll();
    }
    synchronized (this) {
      notifyAll();
    }
  }

  private void awaitIdle() {
    long deadline = System.nanoTime() + IDLE_WAIT.toNanos();
    synchronized (idle) {
      while (work > 0 && !closed) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          LOG.log(System.Logger.Level.WARNING, "Gave up waiting for " + work + " webhook attempts");
          return;
        }
        try {
          idle.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private synchronized Entry peek() {
    return queue.peek();
  }

  private void runDue(Instant now) {
    while (!closed) {
      Entry entry;
      synchronized (this) {
        entry = queue.peek();
        if (entry == null || entry.due().isAfter(now)) {
          return;
        }
        queue.poll();
      }
      tx.run(() -> fire(entry));
    }
  }

  private void fire(Entry entry) {
    ObjectNode timer = store.get(entry.workspaceId(), Collections.TIMER, entry.key());
    if (timer == null || !Instant.parse(timer.get("due_at").asText()).equals(entry.due())) {
      return; // cancelled or re-scheduled
    }
    store.remove(entry.workspaceId(), Collections.TIMER, entry.key());
    Task task = tasks.get(timer.get("kind").asText());
    if (task == null) {
      return;
    }
    try {
      task.run(entry.workspaceId(), timer);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "Scheduled " + entry.key() + " failed", e);
    }
  }

  private void runLoop() {
    while (!closed) {
      try {
        runDue(clock.instant());
        synchronized (this) {
          Entry next = queue.peek();
          long waitMs = 200;
          if (next != null) {
            waitMs = Math.max(1, Math.min(waitMs, clock.wallTimeUntil(next.due()).toMillis()));
          }
          if (next == null || next.due().isAfter(clock.instant())) {
            wait(waitMs);
          }
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.ERROR, "Scheduler loop error", e);
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    synchronized (this) {
      notifyAll();
    }
    synchronized (idle) {
      idle.notifyAll();
    }
    if (loop != null) {
      loop.interrupt();
    }
  }
}
