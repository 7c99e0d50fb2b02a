package com.kaicalls.benchmarks.emulator;

import com.kaicalls.mock.KaiCallsMockServer;
import com.kaicalls.mock.MockServerOptions;
import com.kaicalls.mock.Seed;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Issue #10, bounded memory: an emulator at its defaults (realtime clock, 24 h idempotency
 * retention) under mixed load for a bounded time: keyed writes that keep no object ({@code
 * validate} and {@code preview} with a fresh {@code Idempotency-Key} each, so every one leaves an
 * idempotency record), replays of recent keys, and reads (a run list, an event page, {@code
 * /v1/me}). Heap after a full GC is taken once the warm-up is over (the records have reached their
 * bound by then) and at the end; the ratio end/start must stay at most 1.2.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar com.kaicalls.benchmarks.emulator.Soak \
 *     [threads=4] [warmupSeconds=60] [seconds=600]
 * </pre>
 */
public final class Soak {

  private static final MediaType JSON = MediaType.get("application/json");

  private Soak() {}

  public static void main(String[] args) throws Exception {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 4;
    int warmupSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 600;
    OkHttpClient http =
        new OkHttpClient.Builder()
            .connectionPool(new ConnectionPool(threads * 2, 1, TimeUnit.MINUTES))
            .build();
    try (KaiCallsMockServer mock =
        KaiCallsMockServer.start(MockServerOptions.builder().port(0).seed(Seed.DEMO).build())) {
      String agent =
          Bench.get(http, mock.baseUrl() + "/v1/agents?limit=1", mock.apiKey())
              .get("data")
              .get(0)
              .get("id")
              .asText();
      String body =
          "{\"name\":\"soak\",\"agent_id\":\""
              + agent
              + "\",\"channel\":\"voice\","
              + "\"recipients\":[{\"phone\":\"+14155550123\"},{\"phone\":\"+14155550100\"}]}";
      AtomicLong keyed = new AtomicLong();
      AtomicLong total = new AtomicLong();
      drive(http, mock, body, threads, warmupSeconds, keyed, total);
      System.out.printf(
          Locale.ROOT,
          "warm-up: %d s, %d requests (%d keyed writes); %s%n",
          warmupSeconds,
          total.get(),
          keyed.get(),
          Bench.load());
      long start = heapAfterGc();
      keyed.set(0);
      total.set(0);
      drive(http, mock, body, threads, seconds, keyed, total);
      long end = heapAfterGc();
      System.out.printf(
          Locale.ROOT,
          "soak: %d s, %d requests (%.0f/s, %d keyed writes)%n",
          seconds,
          total.get(),
          total.get() / (double) seconds,
          keyed.get());
      System.out.printf(
          Locale.ROOT,
          "heap after GC: start %.1f MB, end %.1f MB, ratio %.2f (target <= 1.20); %s%n",
          start / 1e6,
          end / 1e6,
          end / (double) start,
          Bench.load());
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  private static void drive(
      OkHttpClient http,
      KaiCallsMockServer mock,
      String body,
      int threads,
      int seconds,
      AtomicLong keyed,
      AtomicLong total)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int worker = t;
      Thread thread =
          new Thread(
              () -> {
                long n = 0;
                while (System.nanoTime() < deadline) {
                  n++;
                  String key = "soak-" + worker + "-" + System.nanoTime();
                  try {
                    switch ((int) (n % 6)) {
                      case 0 ->
                          call(http, post(mock, "/v1/communication-runs/validate", body, key));
                      case 1 -> call(http, post(mock, "/v1/communication-runs/preview", body, key));
                      case 2 -> {
                        call(http, post(mock, "/v1/communication-runs/validate", body, key));
                        call(
                            http,
                            post(mock, "/v1/communication-runs/validate", body, key)); // a replay
                        total.incrementAndGet();
                      }
                      case 3 -> call(http, get(mock, "/v1/communication-runs?limit=10"));
                      case 4 -> call(http, get(mock, "/v1/events?limit=20"));
                      default -> call(http, get(mock, "/v1/me"));
                    }
                  } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                  }
                  if (n % 6 <= 2) {
                    keyed.incrementAndGet();
                  }
                  total.incrementAndGet();
                }
              },
              "soak-" + t);
      thread.start();
      workers.add(thread);
    }
    for (Thread thread : workers) {
      thread.join();
    }
  }

  private static Request get(KaiCallsMockServer mock, String path) {
    return new Request.Builder()
        .url(mock.baseUrl() + path)
        .header("Authorization", "Bearer " + mock.apiKey())
        .build();
  }

  private static Request post(KaiCallsMockServer mock, String path, String body, String key) {
    return new Request.Builder()
        .url(mock.baseUrl() + path)
        .header("Authorization", "Bearer " + mock.apiKey())
        .header("Idempotency-Key", key)
        .post(RequestBody.create(body, JSON))
        .build();
  }

  private static void call(OkHttpClient http, Request request) throws java.io.IOException {
    try (Response response = http.newCall(request).execute()) {
      response.body().bytes();
      if (response.code() != 200) {
        throw new java.io.IOException(
            request.method() + " " + request.url() + " -> " + response.code());
      }
    }
  }

  /** Heap in use after full collections, settled (the lowest of a few). */
  private static long heapAfterGc() throws InterruptedException {
    long lowest = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      TimeUnit.MILLISECONDS.sleep(
          200); // let the collector finish reference processing between measurements
      lowest = Math.min(lowest, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return lowest;
  }
}
