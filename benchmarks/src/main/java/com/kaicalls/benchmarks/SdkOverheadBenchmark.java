package com.kaicalls.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.kaicalls.sdk.KaiCallsClient;
import com.kaicalls.sdk.internal.Json;
import com.kaicalls.sdk.models.CommunicationRun;
import com.kaicalls.sdk.models.CommunicationRunList;
import com.kaicalls.sdk.services.CommunicationRunsService;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The SDK's cost per call against a hand-written OkHttp + Jackson call doing the same request to
 * the same local server, decoding into the same model classes: retrieve one run, and list 100 runs.
 * The server is a JDK {@code HttpServer} answering canned bytes (TCP_NODELAY on), so the client
 * side dominates what is measured.
 *
 * <p>The baseline does what the SDK does on the wire and nothing more: same headers ({@code
 * Authorization}, {@code Accept}, a {@code User-Agent} of the same length), same connection pool,
 * same timeouts (the SDK's defaults, including the 2-minute call timeout), the SDK's own Jackson
 * configuration ({@link Json#newMapper()}) and the same generated model classes. It streams the
 * body into Jackson and skips what only the SDK does (header multimap, {@code RawResponse}, {@code
 * Page}, retry bookkeeping): that difference is the overhead.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar SdkOverhead</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Dsun.net.httpserver.nodelay=true")
public class SdkOverheadBenchmark {
  private static final String KEY = "kc_test_benchmark0123456789";
  private static final String RUN_ID = "run_8f3kq2LmT0aZ";
  private static final int FAN_OUT = 8;

  private HttpServer server;
  private String baseUrl;
  private KaiCallsClient sdk;
  private static final String USER_AGENT =
      "kaicalls-java/0.1.0-SNAPSHOT java/" + System.getProperty("java.version");

  private OkHttpClient http;
  private OkHttpClient handWrittenHttp;
  private ObjectMapper json;

  @Setup(Level.Trial)
  public void start() throws IOException {
    byte[] run = runJson(RUN_ID).getBytes(StandardCharsets.UTF_8);
    byte[] list = listJson(100).getBytes(StandardCharsets.UTF_8);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/communication-runs/", exchange -> answer(exchange, run));
    server.createContext("/v1/communication-runs", exchange -> answer(exchange, list));
    // Eight threads, so the async fan-out's concurrent requests are not queued behind each other at
    // the server.
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.start();
    baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();

    http = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
    sdk = KaiCallsClient.builder().apiKey(KEY).baseUrl(baseUrl).okHttpClient(http).build();
    // What KaiCallsClient.Builder.httpClient() derives from the given client with the default
    // settings.
    handWrittenHttp =
        http.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .readTimeout(Duration.ofSeconds(60))
            .writeTimeout(Duration.ofSeconds(60))
            .callTimeout(Duration.ofMinutes(2))
            .retryOnConnectionFailure(false)
            .build();
    json = Json.newMapper();
  }

  @TearDown(Level.Trial)
  public void stop() {
    server.stop(0);
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  @Benchmark
  public CommunicationRun retrieveRunHandWritten() throws IOException {
    return handWritten("/v1/communication-runs/" + RUN_ID, CommunicationRun.class);
  }

  @Benchmark
  public CommunicationRun retrieveRunSdk() {
    return sdk.communicationRuns().retrieve(RUN_ID);
  }

  @Benchmark
  public List<CommunicationRun> list100RunsHandWritten() throws IOException {
    return handWritten("/v1/communication-runs?limit=100", CommunicationRunList.class).data();
  }

  @Benchmark
  public List<CommunicationRun> list100RunsSdk() {
    return sdk.communicationRuns()
        .list(CommunicationRunsService.ListParams.builder().limit(100).build())
        .data();
  }

  @Benchmark
  public CommunicationRun retrieveRunSdkAsync() {
    return sdk.async().communicationRuns().retrieve(RUN_ID).join();
  }

  @Benchmark
  public List<CommunicationRun> list100RunsSdkAsync() {
    return sdk.async()
        .communicationRuns()
        .list(CommunicationRunsService.ListParams.builder().limit(100).build())
        .join()
        .data();
  }

  /** Eight retrieves one after another: the blocking way to fetch a handful of records. */
  @Benchmark
  public Object retrieve8RunsSdk() {
    CommunicationRun last = null;
    for (int i = 0; i < FAN_OUT; i++) last = sdk.communicationRuns().retrieve(RUN_ID);
    return last;
  }

  /** The same eight retrieves in flight together through the async client. */
  @Benchmark
  public Object retrieve8RunsSdkAsync() {
    CompletableFuture<?>[] calls = new CompletableFuture<?>[FAN_OUT];
    for (int i = 0; i < FAN_OUT; i++) calls[i] = sdk.async().communicationRuns().retrieve(RUN_ID);
    return CompletableFuture.allOf(calls).join();
  }

  private <T> T handWritten(String pathAndQuery, Class<T> type) throws IOException {
    Request request =
        new Request.Builder()
            .url(baseUrl + pathAndQuery)
            .header("Authorization", "Bearer " + KEY)
            .header("User-Agent", USER_AGENT)
            .header("Accept", "application/json")
            .build();
    try (Response response = handWrittenHttp.newCall(request).execute()) {
      if (!response.isSuccessful()) throw new IOException("HTTP " + response.code());
      return json.readValue(response.body().byteStream(), type);
    }
  }

  private static void answer(HttpExchange exchange, byte[] body) throws IOException {
    exchange.getRequestBody().readAllBytes();
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.getResponseHeaders().set("Request-Id", "req_bench");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static String listJson(int n) {
    String data =
        IntStream.range(0, n).mapToObj(i -> runJson("run_" + i)).collect(Collectors.joining(","));
    return "{\"object\":\"list\",\"data\":["
        + data
        + "],\"has_more\":true,\"next_cursor\":\"cur_1\"}";
  }

  private static String runJson(String id) {
    return "{\"id\":\""
        + id
        + "\",\"object\":\"communication_run\",\"name\":\"Spring HVAC tune-up reminders\","
        + "\"agent_id\":\"agent_5Rt8Lm2Qx9Vb\",\"channel\":\"voice\",\"message\":null,\"status\":\"running\","
        + "\"schedule\":{\"start_at\":\"2026-03-03T16:00:00Z\",\"timezone\":\"America/Los_Angeles\","
        + "\"quiet_hours\":{\"start\":\"21:00\",\"end\":\"08:00\"}},\"max_attempts\":2,"
        + "\"metadata\":{\"campaign\":\"spring-2026\"},\"recipients_count\":120,"
        + "\"counts\":{\"pending\":80,\"in_progress\":2,\"succeeded\":30,\"failed\":5,\"skipped\":3},"
        + "\"created_at\":\"2026-03-03T16:04:21Z\",\"updated_at\":\"2026-03-03T16:10:00Z\","
        + "\"started_at\":\"2026-03-03T16:05:00Z\",\"completed_at\":null,\"cancelled_at\":null}";
  }
}
