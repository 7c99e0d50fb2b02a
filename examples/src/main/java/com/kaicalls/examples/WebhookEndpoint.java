package com.kaicalls.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kaicalls.webhooks.VerifiedWebhook;
import com.kaicalls.webhooks.WebhookVerificationException;
import com.kaicalls.webhooks.WebhookVerifier;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * A webhook endpoint on the JDK's {@code HttpServer}: verifies each delivery's signature on the raw
 * bytes (webhook-verifier), drops the ones it has already handled (by {@code webhook-id}, which is
 * the event id on every retry, replay and backfill), and answers 204 quickly. Handled events are
 * kept in order for the examples to show.
 */
public final class WebhookEndpoint implements AutoCloseable {

  public static final String PATH = "/webhooks/kaicalls";
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One delivery as the endpoint saw it: the event's id, type and {@code workspace_id} (whose event
   * it is), how many signatures it carried, and whether it had already been handled.
   */
  public record Received(
      String webhookId, String type, String workspaceId, int signatures, boolean duplicate) {}

  private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(15);

  private final HttpServer server;
  private final PrintStream out;
  private volatile WebhookVerifier verifier;
  private final Set<String> handled = ConcurrentHashMap.newKeySet();
  private final List<Received> received = new ArrayList<>();

  private WebhookEndpoint(HttpServer server, WebhookVerifier verifier, PrintStream out) {
    this.server = server;
    this.verifier = verifier;
    this.out = out;
  }

  /**
   * Listens on 127.0.0.1:{@code port} (0: any free port). {@code verifier} may be {@code null}
   * until the subscription's secret is known; until then every delivery is refused.
   */
  public static WebhookEndpoint start(int port, WebhookVerifier verifier, PrintStream out)
      throws IOException {
    // Read once, when the first HttpServer is made: without it each response waits ~40 ms (Nagle).
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    // The address itself, not a name to resolve: always IPv4 loopback, never ::1.
    HttpServer server =
        HttpServer.create(
            new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port), 0);
    WebhookEndpoint endpoint = new WebhookEndpoint(server, verifier, out);
    server.createContext(PATH, endpoint::handle);
    server.setExecutor(
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "webhook-endpoint");
              t.setDaemon(true);
              return t;
            }));
    server.start();
    return endpoint;
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
  }

  /** Replaces the secrets deliveries are checked with (after a rotation, both old and new). */
  public void verifyWith(WebhookVerifier verifier) {
    this.verifier = verifier;
  }

  /** Everything handled or dropped as a duplicate so far, in arrival order. */
  public synchronized List<Received> received() {
    return List.copyOf(received);
  }

  /** How many distinct events were handled. */
  public int handledCount() {
    return handled.size();
  }

  /**
   * Marks an event as handled by other means (read from the event store), so a delivery of it is a
   * duplicate.
   */
  public boolean markHandled(String eventId) {
    return handled.add(eventId);
  }

  public boolean alreadyHandled(String eventId) {
    return handled.contains(eventId);
  }

  /**
   * Lets due deliveries run (instantly on an emulator whose clock the example controls) and waits,
   * up to 15 seconds, until {@code arrived}.
   */
  public static void awaitDelivery(EmulatorClock clock, BooleanSupplier arrived) {
    Instant deadline = Instant.now().plus(DELIVERY_TIMEOUT);
    if (clock.controllable()) {
      clock.pass(Duration.ZERO);
    }
    while (!arrived.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            "No delivery arrived within " + DELIVERY_TIMEOUT.toSeconds() + " s");
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] body = exchange.getRequestBody().readAllBytes();
      WebhookVerifier current = verifier;
      VerifiedWebhook webhook;
      try {
        if (current == null) {
          throw new IllegalStateException("no secret yet");
        }
        webhook = current.verify(body, exchange.getRequestHeaders()::getFirst);
      } catch (WebhookVerificationException | IllegalStateException e) {
        String why =
            e instanceof WebhookVerificationException w ? w.reason().name() : e.getMessage();
        out.println(
            "   endpoint: refused a delivery that does not verify (" + why + "), answered 400");
        exchange.sendResponseHeaders(400, -1);
        return;
      }
      // Verified: now it is safe to parse.
      JsonNode event = JSON.readTree(body);
      String type = event.path("type").asText();
      String workspaceId = event.path("workspace_id").asText(null);
      int signatures = exchange.getRequestHeaders().getFirst("webhook-signature").split(" ").length;
      boolean first = handled.add(webhook.id());
      synchronized (this) {
        received.add(new Received(webhook.id(), type, workspaceId, signatures, !first));
      }
      out.println(
          first
              ? "   endpoint: verified "
                  + type
                  + " "
                  + webhook.id()
                  + (workspaceId == null ? "" : " of " + workspaceId)
                  + (signatures > 1 ? " (" + signatures + " signatures)" : "")
              : "   endpoint: " + webhook.id() + " again, already handled: ignored");
      exchange.sendResponseHeaders(204, -1);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
