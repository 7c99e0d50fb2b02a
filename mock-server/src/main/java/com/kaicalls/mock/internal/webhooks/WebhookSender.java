package com.kaicalls.mock.internal.webhooks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLException;

/**
 * One webhook HTTP attempt: a POST that must be answered, body included, within an overall deadline
 * (a receiver trickling its body is a {@code timeout}), of which only the first {@link #BODY_LIMIT}
 * bytes of the response body are read: the connection is dropped after them. Never throws.
 */
final class WebhookSender {

  static final int BODY_LIMIT = 1024;

  /**
   * What came of an attempt: an HTTP status (with the bounded headers and the head of the body), or
   * an error code; {@code headers} is {@code null} when no response arrived.
   */
  record Result(
      Integer status,
      Map<String, String> headers,
      String body,
      String error,
      long durationMs,
      String retryAfter) {}

  private final HttpClient http;
  private final Duration deadline;

  WebhookSender(Executor executor, Duration deadline) {
    this.deadline = deadline;
    this.http =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(deadline)
            .version(HttpClient.Version.HTTP_1_1)
            .executor(executor)
            .build();
  }

  /**
   * An http(s) URL with a host and a port in 1..65535, or {@code null} when {@code url} is not one.
   */
  static URI target(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      boolean ok =
          (scheme.equals("http") || scheme.equals("https"))
              && uri.getHost() != null
              && (uri.getPort() == -1 || (uri.getPort() >= 1 && uri.getPort() <= 65535));
      return ok ? uri : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /**
   * Whether {@code host} is a name reserved for examples and tests (RFC 2606, RFC 6761): it never
   * resolves.
   */
  static boolean reserved(String host) {
    if (host == null) {
      return true;
    }
    String h = host.toLowerCase(Locale.ROOT);
    for (String domain : List.of("example.com", "example.net", "example.org")) {
      if (h.equals(domain) || h.endsWith("." + domain)) {
        return true;
      }
    }
    return h.endsWith(".example") || h.endsWith(".test") || h.endsWith(".invalid");
  }

  Result send(String url, Map<String, String> headers, byte[] body) {
    long started = System.nanoTime();
    URI uri = target(url);
    if (uri == null) {
      return new Result(null, null, null, "invalid_url", 0, null);
    }
    if (reserved(uri.getHost())) {
      return new Result(
          null, null, null, "dns_error", 0, null); // RFC 2606/6761 names never resolve here
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(deadline)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    AtomicReference<HeadSubscriber> subscriber = new AtomicReference<>();
    CompletableFuture<HttpResponse<byte[]>> sent =
        http.sendAsync(
            request.build(),
            info -> {
              subscriber.set(new HeadSubscriber(BODY_LIMIT));
              return subscriber.get();
            });
    try {
      HttpResponse<byte[]> response = sent.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
      int status = response.statusCode();
      String error = status >= 300 && status < 400 ? "redirect_not_followed" : null;
      return new Result(
          status,
          ResponseHeaders.bounded(response.headers()),
          new String(response.body(), StandardCharsets.UTF_8),
          error,
          millisSince(started),
          response.headers().firstValue("Retry-After").orElse(null));
    } catch (TimeoutException e) {
      sent.cancel(true);
      HeadSubscriber trickling = subscriber.get();
      if (trickling != null) {
        trickling.abort(); // drops the connection of a receiver still trickling its body
      }
      return failure("timeout", started);
    } catch (ExecutionException e) {
      return failure(error(e.getCause()), started);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      sent.cancel(true);
      return failure("connection_error", started);
    }
  }

  private static String error(Throwable cause) {
    if (cause instanceof HttpTimeoutException) {
      return "timeout";
    }
    if (cause instanceof ConnectException) {
      return "connection_refused";
    }
    if (cause instanceof UnknownHostException
        || (cause != null && cause.getCause() instanceof UnknownHostException)) {
      return "dns_error";
    }
    if (cause instanceof SSLException) {
      return "tls_error";
    }
    return cause instanceof IOException ? "connection_error" : "internal_error";
  }

  private static Result failure(String error, long started) {
    return new Result(null, null, null, error, millisSince(started), null);
  }

  private static long millisSince(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }

  /**
   * Keeps the first {@code limit} bytes of a body, then cancels the rest (the connection is
   * closed).
   */
  private static final class HeadSubscriber implements HttpResponse.BodySubscriber<byte[]> {
    private final int limit;
    private final ByteArrayOutputStream head = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;

    HeadSubscriber(int limit) {
      this.limit = limit;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      for (ByteBuffer buffer : buffers) {
        int n = Math.min(buffer.remaining(), limit - head.size());
        byte[] bytes = new byte[n];
        buffer.get(bytes);
        head.write(bytes, 0, n);
      }
      if (head.size() >= limit) {
        subscription.cancel();
        result.complete(head.toByteArray());
      } else {
        subscription.request(1);
      }
    }

    @Override
    public void onError(Throwable error) {
      result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
      result.complete(head.toByteArray());
    }

    void abort() {
      Flow.Subscription s = subscription;
      if (s != null) {
        s.cancel();
      }
    }

    @Override
    public CompletableFuture<byte[]> getBody() {
      return result;
    }
  }
}
