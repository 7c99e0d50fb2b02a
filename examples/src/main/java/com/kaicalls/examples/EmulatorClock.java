package com.kaicalls.examples;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lets an example wait for things that take time (calls, webhook retries) without sleeping: a
 * KaiCalls emulator on this machine moves its virtual clock on request ({@code POST
 * /__admin/kaicalls/clock/advance}), running on the way whatever comes due. Anywhere else (the real
 * platform, an emulator without clock control) waiting is real waiting.
 */
public final class EmulatorClock {

  private final String baseUrl;
  private final HttpClient http;
  private static final Pattern NOW = Pattern.compile("\"now\"\\s*:\\s*\"([^\"]+)\"");

  private final boolean controllable;

  /** Platform time minus this machine's time, as of the last look. */
  private volatile Duration offset = Duration.ZERO;

  private EmulatorClock(String baseUrl, HttpClient http, boolean controllable) {
    this.baseUrl = baseUrl;
    this.http = http;
    this.controllable = controllable;
  }

  /**
   * The platform's time, for event times and list ranges: an emulator's clock that was moved
   * forward is ahead of this machine's. (Webhook timestamps are real time: check them with this
   * machine's clock.)
   */
  public Clock platformClock() {
    return Clock.offset(Clock.systemUTC(), offset);
  }

  /**
   * Asks the server at {@code baseUrl} (only if it is on this machine) whether its clock can be
   * moved.
   */
  static EmulatorClock connect(String baseUrl) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    boolean controllable = false;
    if (isLoopback(baseUrl)) {
      try {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/__admin/kaicalls/clock"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        controllable = response.statusCode() == 200 && NOW.matcher(response.body()).find();
      } catch (IOException e) {
        controllable = false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    EmulatorClock clock = new EmulatorClock(baseUrl, http, controllable);
    if (controllable) {
      clock.pass(Duration.ZERO);
    }
    return clock;
  }

  /** Whether {@link #pass} moves virtual time (instant) rather than waiting in real time. */
  public boolean controllable() {
    return controllable;
  }

  /**
   * Lets {@code duration} of platform time pass: moves the emulator's clock and returns once what
   * came due has run (webhook requests included), or sleeps.
   */
  public void pass(Duration duration) {
    try {
      if (!controllable) {
        Thread.sleep(duration.toMillis());
        return;
      }
      String body = "{\"seconds\": " + duration.toMillis() / 1000.0 + "}";
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(baseUrl + "/__admin/kaicalls/clock/advance"))
                  .timeout(Duration.ofSeconds(60))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      Matcher now = NOW.matcher(response.body());
      if (response.statusCode() != 200 || !now.find()) {
        throw new IllegalStateException(
            "Could not move the emulator's clock: HTTP "
                + response.statusCode()
                + " "
                + response.body());
      }
      offset = Duration.between(Instant.now(), Instant.parse(now.group(1)));
    } catch (IOException e) {
      throw new IllegalStateException("Could not move the emulator's clock: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting", e);
    }
  }

  static boolean isLoopback(String baseUrl) {
    String host = URI.create(baseUrl).getHost();
    return host != null
        && (host.equals("127.0.0.1")
            || host.equals("localhost")
            || host.equals("[::1]")
            || host.equals("::1"));
  }
}
