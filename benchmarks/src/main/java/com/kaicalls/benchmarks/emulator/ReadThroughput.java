package com.kaicalls.benchmarks.emulator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.kaicalls.mock.ClockMode;
import com.kaicalls.mock.KaiCallsMockServer;
import com.kaicalls.mock.MockServerOptions;
import com.kaicalls.mock.Seed;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Issue #5, throughput: {@code GET /v1/communication-runs/{id}} on the emulator against the same
 * WireMock serving a static stub with a body of the same size, in one JVM, both with the request
 * journal, stub request logging and gzip off. Rounds alternate between the two (order swapped each
 * round) under the same client (OkHttp, a few threads, keep-alive); 30+ s of alternating warm-up
 * first. Reports requests/s per round and the median of the per-round ratio.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar com.kaicalls.benchmarks.emulator.ReadThroughput \
 *     [threads=4] [warmupSeconds=40] [rounds=8] [roundSeconds=5]
 * </pre>
 */
public final class ReadThroughput {

  private ReadThroughput() {}

  public static void main(String[] args) throws Exception {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 4;
    int warmupSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 40;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    int roundSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
    OkHttpClient http =
        new OkHttpClient.Builder()
            .connectionPool(new ConnectionPool(threads * 2, 1, TimeUnit.MINUTES))
            .dispatcher(dispatcher(threads))
            .build();
    try (KaiCallsMockServer mock =
        KaiCallsMockServer.start(
            MockServerOptions.builder()
                .port(0)
                .seed(Seed.DEMO)
                .clockMode(ClockMode.MANUAL)
                .build())) {
      String key = mock.apiKey();
      JsonNode runs = Bench.get(http, mock.baseUrl() + "/v1/communication-runs?limit=1", key);
      String id = runs.get("data").get(0).get("id").asText();
      String path = "/v1/communication-runs/" + id;
      byte[] body = fetch(http, mock.baseUrl() + path, key);
      WireMockServer stub =
          new WireMockServer(
              WireMockConfiguration.options()
                  .bindAddress("127.0.0.1")
                  .port(0)
                  .disableRequestJournal()
                  .stubRequestLoggingDisabled(true)
                  .gzipDisabled(true)
                  .extensionScanningEnabled(false)
                  .templatingEnabled(false)
                  .notifier(new ConsoleNotifier(false)));
      stub.start();
      try {
        stub.stubFor(
            get(urlEqualTo(path))
                .willReturn(
                    aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(body)));
        String emulatorUrl = mock.baseUrl() + path;
        String stubUrl = stub.baseUrl() + path;
        if (fetch(http, stubUrl, key).length != body.length) {
          throw new IllegalStateException("stub body differs in size");
        }
        System.out.printf(
            "GET %s, body %d bytes, %d client threads; %s%n",
            path, body.length, threads, Bench.load());
        long warmupEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmupSeconds);
        for (int i = 0; System.nanoTime() < warmupEnd; i++) {
          drive(http, i % 2 == 0 ? emulatorUrl : stubUrl, key, threads, 5);
        }
        List<Double> ratios = new ArrayList<>();
        List<Double> emulatorRates = new ArrayList<>();
        List<Double> stubRates = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
          double e;
          double s;
          if (round % 2 == 0) {
            e = drive(http, emulatorUrl, key, threads, roundSeconds);
            s = drive(http, stubUrl, key, threads, roundSeconds);
          } else {
            s = drive(http, stubUrl, key, threads, roundSeconds);
            e = drive(http, emulatorUrl, key, threads, roundSeconds);
          }
          emulatorRates.add(e);
          stubRates.add(s);
          ratios.add(e / s);
          System.out.printf(
              "round %d: emulator %.0f req/s, static stub %.0f req/s, ratio %.2f%n",
              round + 1, e, s, e / s);
        }
        System.out.printf(
            "median: emulator %.0f req/s, static stub %.0f req/s, ratio %.2f (target >= 0.50); %s%n",
            Bench.median(emulatorRates),
            Bench.median(stubRates),
            Bench.median(ratios),
            Bench.load());
      } finally {
        stub.stop();
      }
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  private static Dispatcher dispatcher(int threads) {
    Dispatcher d = new Dispatcher();
    d.setMaxRequests(threads * 2);
    d.setMaxRequestsPerHost(threads * 2);
    return d;
  }

  private static byte[] fetch(OkHttpClient http, String url, String key) throws Exception {
    Request request =
        new Request.Builder().url(url).header("Authorization", "Bearer " + key).build();
    try (Response response = http.newCall(request).execute()) {
      if (response.code() != 200) {
        throw new IllegalStateException(url + " -> " + response.code());
      }
      return response.body().bytes();
    }
  }

  /** {@code threads} loops of GETs for {@code seconds}; returns successful requests per second. */
  private static double drive(OkHttpClient http, String url, String key, int threads, int seconds)
      throws InterruptedException {
    Request request =
        new Request.Builder().url(url).header("Authorization", "Bearer " + key).build();
    AtomicLong ok = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    AtomicBoolean stop = new AtomicBoolean();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread worker =
          new Thread(
              () -> {
                while (!stop.get()) {
                  try (Response response = http.newCall(request).execute()) {
                    response.body().bytes();
                    (response.code() == 200 ? ok : failed).incrementAndGet();
                  } catch (Exception e) {
                    failed.incrementAndGet();
                  }
                }
              },
              "read-throughput-" + t);
      worker.start();
      workers.add(worker);
    }
    long start = System.nanoTime();
    Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
    stop.set(true);
    long okAtStop = ok.get();
    double elapsed = (System.nanoTime() - start) / 1e9;
    for (Thread worker : workers) {
      worker.join(TimeUnit.SECONDS.toMillis(10));
    }
    if (failed.get() > 0) {
      System.out.println("  " + failed.get() + " failed requests on " + url);
    }
    return okAtStop / elapsed;
  }
}
