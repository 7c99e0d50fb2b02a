package com.kaicalls.sdk.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kaicalls.sdk.Page;
import com.kaicalls.sdk.RawResponse;
import com.kaicalls.sdk.RequestOptions;
import com.kaicalls.sdk.Sleeper;
import com.kaicalls.sdk.errors.ApiException;
import com.kaicalls.sdk.errors.KaiCallsException;
import com.kaicalls.sdk.errors.KaiCallsIoException;
import com.kaicalls.sdk.errors.KaiCallsTimeoutException;
import com.kaicalls.sdk.errors.ResponseParseException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Sends {@link ApiRequest}s: adds auth and headers, owns every retry (OkHttp's own silent retry is
 * off), keeps one idempotency key per logical call, maps error statuses to exceptions and parses
 * bodies. Internal.
 */
public final class Transport {
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  static final String RETRY_COUNT = "KaiCalls-Retry-Count";
  static final String WORKSPACE = "KaiCalls-Workspace";
  private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");

  private final OkHttpClient http;
  private final HttpUrl baseUrl;
  private final String authorization;
  private final String workspace;
  private final int maxRetries;
  private final Sleeper sleeper;
  private final Supplier<String> idempotencyKeys;
  private final String userAgent;
  private final ObjectMapper json;
  private final RetryPolicy retryPolicy;
  private final ErrorResponses errors;
  private final HttpLog log;

  /**
   * Creates a transport. The client is used as given: the caller must have turned off {@code
   * retryOnConnectionFailure}, because this class owns retries.
   *
   * @param http the HTTP client (shared pool)
   * @param baseUrl e.g. {@code https://api.kaicalls.com}
   * @param apiKey the bearer key
   * @param workspace the client workspace every call acts in ({@code KaiCalls-Workspace}), or null
   *     for the key's own
   * @param maxRetries default retry budget per call
   * @param clock for {@code Retry-After} dates
   * @param sleeper waits between attempts
   * @param idempotencyKeys makes a key for a POST the caller gave none for
   * @param jitter numbers in [0, 1) that spread retries
   * @param userAgent the {@code User-Agent} header
   * @param json the mapper for bodies
   */
  public Transport(
      OkHttpClient http,
      HttpUrl baseUrl,
      String apiKey,
      String workspace,
      int maxRetries,
      Clock clock,
      Sleeper sleeper,
      Supplier<String> idempotencyKeys,
      DoubleSupplier jitter,
      String userAgent,
      ObjectMapper json) {
    this.http = http;
    this.baseUrl = baseUrl;
    this.authorization = "Bearer " + apiKey;
    this.workspace = workspace;
    this.maxRetries = maxRetries;
    this.sleeper = sleeper;
    this.idempotencyKeys = idempotencyKeys;
    this.userAgent = userAgent;
    this.json = json;
    this.retryPolicy = new RetryPolicy(clock, jitter);
    this.errors = new ErrorResponses(json, retryPolicy);
    this.log = HttpLog.fromEnvironment();
  }

  /** Returns the mapper bodies are read with. */
  public ObjectMapper json() {
    return json;
  }

  /**
   * Calls an operation whose response is a JSON object.
   *
   * @param request what to call
   * @param options per-call options
   * @param type the response model
   * @param <T> the response model
   * @return the parsed response with its status and headers
   */
  public <T> RawResponse<T> execute(ApiRequest request, RequestOptions options, Class<T> type) {
    return send(request, options, response -> parseJson(response, type));
  }

  /**
   * Calls a list operation and wraps the result as a {@link Page} that can fetch the pages after
   * it.
   *
   * @param request what to call
   * @param options per-call options
   * @param listType the list model
   * @param data the list's items
   * @param hasMore whether more items follow
   * @param nextCursor the cursor of the next page
   * @param fetchAfter fetches the page starting at a cursor
   * @param <L> the list model
   * @param <T> the item type
   * @return the page with its status and headers
   */
  public <L, T> RawResponse<Page<T>> page(
      ApiRequest request,
      RequestOptions options,
      Class<L> listType,
      Function<L, List<T>> data,
      Function<L, Boolean> hasMore,
      Function<L, Optional<String>> nextCursor,
      Function<String, Page<T>> fetchAfter) {
    RawResponse<L> raw = execute(request, options, listType);
    L list = raw.body();
    Page<T> page =
        new Page<>(
            data.apply(list), hasMore.apply(list), nextCursor.apply(list).orElse(null), fetchAfter);
    return new RawResponse<>(raw.statusCode(), raw::headers, page);
  }

  /**
   * Calls an operation whose response is binary, reading it whole.
   *
   * @param request what to call
   * @param options per-call options
   * @return the bytes with status and headers
   */
  public RawResponse<byte[]> executeBytes(ApiRequest request, RequestOptions options) {
    return send(request, options, response -> response.body().bytes());
  }

  /**
   * Calls an operation whose response is binary, returning an open stream; the caller must close
   * it.
   *
   * @param request what to call
   * @param options per-call options
   * @return the open stream with status and headers
   */
  public RawResponse<InputStream> executeStream(ApiRequest request, RequestOptions options) {
    return send(request, options, Transport::openStream, false);
  }

  /** Hands the body over as a stream whose {@code close()} releases the connection. */
  static InputStream openStream(Response response) {
    ResponseBody body = response.body();
    return new FilterInputStream(body.byteStream()) {
      @Override
      public void close() throws IOException {
        body.close();
      }
    };
  }

  /** Reads a successful response's body into the value the caller gets. */
  interface BodyReader<T> {
    T read(Response response) throws IOException;
  }

  CallPlan plan(ApiRequest request, RequestOptions options) {
    boolean isPost = request.method().equals("POST");
    // One key per logical call, made before the first attempt and sent again on every retry.
    String idempotencyKey =
        isPost && !options.omitsIdempotencyKey()
            ? options.idempotencyKey().orElseGet(idempotencyKeys)
            : null;
    int budget = options.maxRetries().orElse(maxRetries);
    return new CallPlan(request, options, idempotencyKey, budget, serialize(request), url(request));
  }

  /** Builds, logs and times one attempt's HTTP call without starting it. */
  Call newCall(CallPlan plan, int attempt) {
    Request httpRequest =
        buildRequest(
            plan.request, plan.options, plan.url, plan.bodyJson, plan.idempotencyKey, attempt);
    log.request(
        plan.request.operationId(),
        plan.request.method(),
        plan.url.toString(),
        httpRequest.headers(),
        plan.bodyJson,
        attempt);
    Call call = http.newCall(httpRequest);
    plan.options
        .timeout()
        .ifPresent(t -> call.timeout().timeout(t.toMillis(), TimeUnit.MILLISECONDS));
    return call;
  }

  RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /** Logs an attempt that got no response and converts its exception. */
  KaiCallsIoException attemptFailed(CallPlan plan, IOException e) {
    log.failure(plan.request.method(), plan.url.toString(), e);
    return transportFailure(plan.request, e);
  }

  /** Reads, logs and closes an error response, returning the exception for its status. */
  ApiException errorOf(CallPlan plan, Response response, long millis) {
    int status = response.code();
    Map<String, List<String>> headers = response.headers().toMultimap();
    try (Response failed = response) {
      String body = failed.body().string();
      log.response(
          plan.request.method(), plan.url.toString(), status, millis, failed.headers(), body);
      return errors.toException(status, headers, body);
    } catch (IOException e) {
      // The error body itself could not be read: report the status we did get.
      return errors.toException(status, headers, "");
    }
  }

  /** Computes and logs the wait before a retry. */
  Duration retryDelay(int retry, KaiCallsException cause) {
    Duration delay = retryPolicy.delayBefore(retry, cause);
    log.retry(retry, delay.toMillis(), cause.getMessage());
    return delay;
  }

  private <T> RawResponse<T> send(
      ApiRequest request, RequestOptions options, BodyReader<T> reader) {
    return send(request, options, reader, true);
  }

  private <T> RawResponse<T> send(
      ApiRequest request, RequestOptions options, BodyReader<T> reader, boolean closeAfterRead) {
    CallPlan plan = plan(request, options);
    List<KaiCallsException> earlier = new ArrayList<>();

    for (int attempt = 0; ; attempt++) {
      Call call = newCall(plan, attempt);
      long started = System.nanoTime();
      Response response;
      try {
        response = call.execute();
      } catch (IOException e) {
        KaiCallsIoException failure = attemptFailed(plan, e);
        if (attempt < plan.budget && retryPolicy.isRetryable(e, plan.repeatable)) {
          earlier.add(failure);
          pause(attempt + 1, failure, earlier);
          continue;
        }
        throw withEarlier(failure, earlier);
      }

      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      if (response.isSuccessful()) {
        return readSuccess(request, response, reader, closeAfterRead, millis);
      }
      ApiException failure = errorOf(plan, response, millis);
      if (attempt < plan.budget && retryPolicy.isRetryable(failure, plan.repeatable)) {
        earlier.add(failure);
        pause(attempt + 1, failure, earlier);
        continue;
      }
      throw withEarlier(failure, earlier);
    }
  }

  <T> RawResponse<T> readSuccess(
      ApiRequest request,
      Response response,
      BodyReader<T> reader,
      boolean closeAfterRead,
      long millis) {
    HttpUrl url = response.request().url();
    log.response(
        request.method(), url.toString(), response.code(), millis, response.headers(), null);
    try {
      T body = reader.read(response);
      Headers headers = response.headers();
      return new RawResponse<>(response.code(), headers::toMultimap, body);
    } catch (IOException e) {
      response.close();
      throw transportFailure(request, e);
    } finally {
      if (closeAfterRead) response.close();
    }
  }

  <T> T parseJson(Response response, Class<T> type) throws IOException {
    String expected = type.getSimpleName();
    String requestId = response.header("Request-Id");
    T value;
    try {
      // Parsed as the bytes arrive; a socket failure mid-body stays an IOException (a transport
      // failure).
      value = json.readValue(response.body().byteStream(), type);
    } catch (JsonProcessingException | RuntimeException e) {
      throw new ResponseParseException(response.code(), requestId, expected, e);
    }
    if (value == null) {
      throw new ResponseParseException(
          response.code(), requestId, expected, new IOException("the body was empty or null"));
    }
    return value;
  }

  private void pause(int retry, KaiCallsException cause, List<KaiCallsException> earlier) {
    Duration delay = retryDelay(retry, cause);
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      KaiCallsException interrupted =
          new KaiCallsException("Interrupted while waiting to retry", e);
      for (KaiCallsException failure : earlier) interrupted.addSuppressed(failure);
      throw interrupted;
    }
  }

  private Request buildRequest(
      ApiRequest request,
      RequestOptions options,
      HttpUrl url,
      String bodyJson,
      String idempotencyKey,
      int attempt) {
    RequestBody body = null;
    if (bodyJson != null) {
      body = RequestBody.create(bodyJson.getBytes(StandardCharsets.UTF_8), JSON_TYPE);
    } else if (!request.method().equals("GET") && !request.method().equals("DELETE")) {
      body = RequestBody.create(new byte[0], null);
    }
    Request.Builder b =
        new Request.Builder()
            .url(url)
            .method(request.method(), body)
            .header("Authorization", authorization)
            .header("User-Agent", userAgent)
            .header("Accept", "application/json");
    if (idempotencyKey != null) b.header(IDEMPOTENCY_KEY, idempotencyKey);
    if (attempt > 0) b.header(RETRY_COUNT, Integer.toString(attempt));
    String actingIn = options.workspace().orElse(workspace);
    if (actingIn != null) b.header(WORKSPACE, actingIn);
    for (Map.Entry<String, String> h : options.headers().entrySet())
      b.header(h.getKey(), h.getValue());
    return b.build();
  }

  private HttpUrl url(ApiRequest request) {
    HttpUrl.Builder b = baseUrl.newBuilder();
    String path = request.path();
    b.encodedPath(trimTrailingSlash(baseUrl.encodedPath()) + path);
    for (String[] q : request.query()) b.addQueryParameter(q[0], q[1]);
    return b.build();
  }

  private static String trimTrailingSlash(String path) {
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  private String serialize(ApiRequest request) {
    if (request.body() == null) return null;
    try {
      return json.writeValueAsString(request.body());
    } catch (JsonProcessingException e) {
      throw new KaiCallsException(
          "Could not serialise the " + request.operationId() + " request body", e);
    }
  }

  private static KaiCallsIoException transportFailure(ApiRequest request, IOException e) {
    String what = request.method() + " " + request.path();
    if (e instanceof SocketTimeoutException
        || (e instanceof InterruptedIOException && "timeout".equals(e.getMessage()))) {
      return new KaiCallsTimeoutException(what + " timed out", e);
    }
    return new KaiCallsIoException(what + " failed: " + e, e);
  }

  static <E extends KaiCallsException> E withEarlier(E last, List<KaiCallsException> earlier) {
    for (KaiCallsException e : earlier) last.addSuppressed(e);
    return last;
  }
}
