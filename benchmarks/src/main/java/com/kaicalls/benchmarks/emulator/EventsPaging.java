package com.kaicalls.benchmarks.emulator;

import com.kaicalls.mock.ClockMode;
import com.kaicalls.mock.KaiCallsMockServer;
import com.kaicalls.mock.MockServerOptions;
import com.kaicalls.mock.Seed;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Issue #6, paging: {@code GET /v1/events?limit=100} latency on a small and a large store, side by
 * side in one JVM (two emulators, manual clock, empty seed, events added through {@link
 * Bench.EventFastPath}, 100 per virtual second). Three kinds of page on each: the head, a page 90 %
 * deep reached with a cursor, and a {@code created_before} page 90 % deep (which is also how the
 * deep cursor is obtained). One client thread; 30+ s of alternating warm-up, then rounds that
 * rotate over the six (store, kind) pairs. Reports p50/p99 of each and the large/small ratios.
 *
 * <pre>
 * java -Xmx4g -cp benchmarks/target/benchmarks.jar com.kaicalls.benchmarks.emulator.EventsPaging \
 *     [small=10000] [large=1000000] [warmupSeconds=30] [rounds=20] [perRound=50]
 * </pre>
 */
public final class EventsPaging {

  private static final String WORKSPACE = "ws_demo";
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final String[] KINDS = {"head", "cursor (90% deep)", "created_before (90% deep)"};

  private EventsPaging() {}

  public static void main(String[] args) throws Exception {
    int small = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int large = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    int warmupSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
    int perRound = args.length > 4 ? Integer.parseInt(args[4]) : 50;
    OkHttpClient http = new OkHttpClient();
    MockServerOptions options =
        MockServerOptions.builder()
            .port(0)
            .seed(Seed.EMPTY)
            .clockMode(ClockMode.MANUAL)
            .startTime(T0)
            .build();
    try (KaiCallsMockServer smallMock = KaiCallsMockServer.start(options);
        KaiCallsMockServer largeMock = KaiCallsMockServer.start(options)) {
      String[][] urls = {urls(http, smallMock, small), urls(http, largeMock, large)};
      String key = smallMock.apiKey();
      System.out.printf(
          "events: small %d, large %d; heap used %d MB; %s%n",
          small,
          large,
          (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20,
          Bench.load());
      long warmupEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmupSeconds);
      long[] scratch = new long[perRound];
      while (System.nanoTime() < warmupEnd) {
        for (String[] store : urls) {
          for (String url : store) {
            time(http, url, key, scratch, 0, 20);
          }
        }
      }
      long[][][] samples = new long[2][KINDS.length][rounds * perRound];
      for (int round = 0; round < rounds; round++) {
        for (int step = 0; step < 2 * KINDS.length; step++) {
          int pair = (step + round) % (2 * KINDS.length);
          int store = pair % 2;
          int kind = pair / 2;
          time(http, urls[store][kind], key, samples[store][kind], round * perRound, perRound);
        }
      }
      int n = rounds * perRound;
      for (int kind = 0; kind < KINDS.length; kind++) {
        double[] p50 = new double[2];
        double[] p99 = new double[2];
        for (int store = 0; store < 2; store++) {
          p50[store] = Bench.percentileMs(samples[store][kind], n, 50);
          p99[store] = Bench.percentileMs(samples[store][kind], n, 99);
        }
        System.out.printf(
            "%-26s %8d events: p50 %s ms, p99 %s ms | %8d events: p50 %s ms, p99 %s ms | "
                + "ratio p50 %s, p99 %s%n",
            KINDS[kind],
            small,
            Bench.fmt(p50[0]),
            Bench.fmt(p99[0]),
            large,
            Bench.fmt(p50[1]),
            Bench.fmt(p99[1]),
            Bench.fmt(p50[1] / p50[0]),
            Bench.fmt(p99[1] / p99[0]));
      }
      System.out.println(n + " requests per (store, kind); " + Bench.load());
    } finally {
      http.dispatcher().executorService().shutdown();
    }
  }

  /**
   * Fills the emulator with {@code count} events; returns the head, deep-cursor and created_before
   * URLs.
   */
  private static String[] urls(OkHttpClient http, KaiCallsMockServer mock, int count)
      throws Exception {
    Bench.EventFastPath fast = new Bench.EventFastPath(mock);
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      fast.append(WORKSPACE, i, T0.minusSeconds((count - i) / 100 + 1));
    }
    System.out.printf("%d events added in %.1f s%n", count, (System.nanoTime() - start) / 1e9);
    String base = mock.baseUrl() + "/v1/events?limit=100";
    // 90 % deep (newest first): the events older than the one at index count / 10.
    Instant deep = T0.minusSeconds((count - count / 10) / 100 + 1);
    String createdBefore = base + "&created_before=" + deep;
    String cursor = Bench.get(http, createdBefore, mock.apiKey()).get("next_cursor").asText();
    return new String[] {base, base + "&cursor=" + cursor, createdBefore};
  }

  private static void time(
      OkHttpClient http, String url, String key, long[] into, int offset, int count)
      throws Exception {
    Request request =
        new Request.Builder().url(url).header("Authorization", "Bearer " + key).build();
    for (int i = 0; i < count; i++) {
      long start = System.nanoTime();
      try (Response response = http.newCall(request).execute()) {
        response.body().bytes();
        if (response.code() != 200) {
          throw new IllegalStateException(url + " -> " + response.code());
        }
      }
      into[offset + i] = System.nanoTime() - start;
    }
  }
}
