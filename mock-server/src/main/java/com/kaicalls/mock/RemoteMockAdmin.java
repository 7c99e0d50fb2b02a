package com.kaicalls.mock;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@link KaiCallsMockAdmin} over HTTP/1.1 (the emulator declines h2c) with the JDK client. Sends no
 * {@code Origin}, so the origin policy lets it through from a loopback {@code Host}.
 */
final class RemoteMockAdmin implements KaiCallsMockAdmin {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private final String admin;
  private final HttpClient http;

  RemoteMockAdmin(String baseUrl) {
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    URI uri = URI.create(base);
    if ((!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()))
        || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "baseUrl must be an http(s) URL such as http://127.0.0.1:8089, was " + baseUrl);
    }
    this.admin = base + "/__admin/kaicalls/";
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();
  }

  @Override
  public Instant now() {
    return Instant.parse(json("GET", "clock", null, TIMEOUT).path("now").asText());
  }

  @Override
  public Instant advanceClock(Duration duration) {
    String seconds =
        java.math.BigDecimal.valueOf(duration.getSeconds())
            .add(java.math.BigDecimal.valueOf(duration.getNano(), 9))
            .toPlainString();
    return advance("{\"seconds\":" + seconds + "}");
  }

  @Override
  public Instant advanceClockTo(Instant target) {
    return advance("{\"to\":\"" + target + "\"}");
  }

  /**
   * An advance runs everything due, webhook attempts included: no timeout of ours cuts it short.
   */
  private Instant advance(String body) {
    return Instant.parse(
        json("POST", "clock/advance", body.getBytes(java.nio.charset.StandardCharsets.UTF_8), null)
            .path("now")
            .asText());
  }

  @Override
  public void reset() {
    send("POST", "reset", new byte[0], TIMEOUT);
  }

  @Override
  public void addFault(FaultRule rule) {
    send("POST", "faults", AdminJson.fault(rule), TIMEOUT);
  }

  @Override
  public List<FaultRule> faults() {
    return AdminJson.faults(json("GET", "faults", null, TIMEOUT).path("faults"));
  }

  @Override
  public int clearFaults() {
    return json("DELETE", "faults", null, TIMEOUT).path("cleared").asInt();
  }

  @Override
  public MockKeys keys() {
    return AdminJson.keys(json("GET", "keys", null, TIMEOUT));
  }

  @Override
  public byte[] snapshotBytes() {
    return send("GET", "snapshot", null, TIMEOUT);
  }

  @Override
  public void restoreSnapshot(byte[] snapshot) {
    send("POST", "snapshot", snapshot, TIMEOUT);
  }

  @Override
  public List<LoggedRequest> requests(int limit) {
    return AdminJson.requests(json("GET", "requests?limit=" + limit, null, TIMEOUT));
  }

  private JsonNode json(String method, String route, byte[] body, Duration timeout) {
    return AdminJson.parse(send(method, route, body, timeout));
  }

  /** Sends one admin request; a non-2xx answer becomes a {@link KaiCallsMockAdminException}. */
  private byte[] send(String method, String route, byte[] body, Duration timeout) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(admin + route));
    if (timeout != null) {
      request.timeout(timeout);
    }
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    HttpResponse<byte[]> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot reach the KaiCalls emulator at " + admin + route + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(
          "interrupted while calling the KaiCalls emulator at " + admin + route, e);
    }
    if (response.statusCode() / 100 != 2) {
      throw AdminJson.error(response.statusCode(), response.body());
    }
    return response.body();
  }
}
