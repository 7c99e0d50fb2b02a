package com.kaicalls.examples;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A webhook endpoint on 127.0.0.1 for browser tests: answers every POST with one status and records
 * it.
 */
final class LocalReceiver implements AutoCloseable {

  /** One request received: its {@code webhook-id} header and body. */
  record Received(String webhookId, String body) {}

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();

  private LocalReceiver(int status, String body, Map<String, String> headers) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          received.add(
              new Received(
                  exchange.getRequestHeaders().getFirst("webhook-id"),
                  new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
          byte[] answer = body.getBytes(StandardCharsets.UTF_8);
          headers.forEach(exchange.getResponseHeaders()::add);
          exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
  }

  /** Starts a receiver answering {@code status} with {@code body} to every request. */
  static LocalReceiver answering(int status, String body) throws IOException {
    return new LocalReceiver(status, body, Map.of());
  }

  /**
   * Starts a receiver answering {@code status} with {@code headers} and {@code body} to every
   * request.
   */
  static LocalReceiver answering(int status, String body, Map<String, String> headers)
      throws IOException {
    return new LocalReceiver(status, body, headers);
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks";
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
