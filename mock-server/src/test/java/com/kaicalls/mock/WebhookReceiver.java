package com.kaicalls.mock;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A webhook endpoint on 127.0.0.1 that records what it receives and answers as scripted (200 by
 * default).
 */
public final class WebhookReceiver implements AutoCloseable {

  /** One received request. */
  public record Received(Map<String, List<String>> headers, byte[] body) {
    /** Returns the first value of a header (any case), or null. */
    public String header(String name) {
      List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
      return values == null ? null : values.get(0);
    }
  }

  /** One scripted answer. */
  record Answer(int status, Map<String, String> headers, Duration delay) {}

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
  private volatile Answer otherwise = new Answer(200, Map.of(), Duration.ZERO);

  /** Starts listening on a free port of 127.0.0.1. */
  public WebhookReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(
        "/",
        exchange -> {
          Map<String, List<String>> headers = new TreeMap<>();
          exchange
              .getRequestHeaders()
              .forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), List.copyOf(v)));
          byte[] body = exchange.getRequestBody().readAllBytes();
          received.add(new Received(headers, body));
          Answer answer = script.poll();
          if (answer == null) {
            answer = otherwise;
          }
          if (!answer.delay().isZero()) {
            try {
              Thread.sleep(answer.delay().toMillis()); // the endpoint's slowness, not a test wait
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
          byte[] out =
              ("status " + answer.status()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(answer.status(), out.length);
          exchange.getResponseBody().write(out);
          exchange.close();
        });
    server.start();
  }

  /** Returns the URL to subscribe. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
  }

  /** The next requests get these answers, in order; afterwards {@link #otherwise}. */
  public WebhookReceiver then(int status) {
    script.add(new Answer(status, Map.of(), Duration.ZERO));
    return this;
  }

  /** The next request gets this status and these headers. */
  public WebhookReceiver then(int status, Map<String, String> headers) {
    script.add(new Answer(status, headers, Duration.ZERO));
    return this;
  }

  /** Every request without a scripted answer gets this one. */
  public WebhookReceiver otherwise(int status, Duration delay) {
    otherwise = new Answer(status, Map.of(), delay);
    return this;
  }

  /** Returns what was received so far, in order. */
  public List<Received> received() {
    return new ArrayList<>(received);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
