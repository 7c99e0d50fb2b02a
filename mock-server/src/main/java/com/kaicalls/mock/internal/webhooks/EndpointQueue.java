package com.kaicalls.mock.internal.webhooks;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs webhook sends on a bounded pool of {@link #WORKERS} daemon threads, at most {@link
 * #PER_ENDPOINT} at a time per endpoint (scheme, host and port); the others wait their turn in
 * order.
 */
final class EndpointQueue implements AutoCloseable {

  static final int PER_ENDPOINT = 4;
  static final int WORKERS = 16;

  private static final class Endpoint {
    int active;
    final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
  }

  private final ExecutorService pool;
  private final Runnable onRejected;
  private final Map<String, Endpoint> endpoints = new HashMap<>();

  /** {@code onRejected}: run instead of a job the pool refuses because it is shutting down. */
  EndpointQueue(Runnable onRejected) {
    this.onRejected = onRejected;
    AtomicInteger threads = new AtomicInteger();
    this.pool =
        Executors.newFixedThreadPool(
            WORKERS,
            r -> {
              Thread t = new Thread(r, "kaicalls-mock-webhooks-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** The worker pool (the HTTP client's executor too). */
  ExecutorService pool() {
    return pool;
  }

  /** Runs {@code job} now if its endpoint has a free slot, else after the jobs queued before it. */
  void submit(String url, Runnable job) {
    String key = endpointKey(url);
    synchronized (endpoints) {
      Endpoint e = endpoints.computeIfAbsent(key, k -> new Endpoint());
      if (e.active < PER_ENDPOINT) {
        e.active++;
        execute(() -> runThenNext(key, job));
      } else {
        e.waiting.add(job);
      }
    }
  }

  private void runThenNext(String key, Runnable job) {
    try {
      job.run();
    } finally {
      synchronized (endpoints) {
        Endpoint e = endpoints.get(key);
        Runnable next = e.waiting.poll();
        if (next != null) {
          execute(() -> runThenNext(key, next));
        } else {
          e.active--;
          if (e.active == 0) {
            endpoints.remove(key);
          }
        }
      }
    }
  }

  private void execute(Runnable task) {
    try {
      pool.execute(task);
    } catch (RejectedExecutionException closing) {
      onRejected.run();
    }
  }

  private static String endpointKey(String url) {
    try {
      URI uri = URI.create(url);
      return (uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort())
          .toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return url;
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
