package com.kaicalls.mock;

import java.time.Duration;
import java.util.Objects;

/** A per-API-key request limit: {@code requests} per fixed window of one second or one minute. */
public final class RateLimit {

  private final int requests;
  private final Duration window;

  private RateLimit(int requests, Duration window) {
    if (requests < 1) {
      throw new IllegalArgumentException("requests must be at least 1, was " + requests);
    }
    this.requests = requests;
    this.window = window;
  }

  public static RateLimit perSecond(int requests) {
    return new RateLimit(requests, Duration.ofSeconds(1));
  }

  public static RateLimit perMinute(int requests) {
    return new RateLimit(requests, Duration.ofMinutes(1));
  }

  /**
   * Parses {@code N} (per second), {@code N/s} or {@code N/min}, as given to {@code --rate-limit}.
   *
   * @throws IllegalArgumentException when the text is not one of these forms
   */
  public static RateLimit parse(String text) {
    String t = Objects.requireNonNull(text, "text").trim();
    try {
      if (t.endsWith("/min") || t.endsWith("/m")) {
        return perMinute(Integer.parseInt(t.substring(0, t.indexOf('/'))));
      }
      if (t.endsWith("/s")) {
        return perSecond(Integer.parseInt(t.substring(0, t.length() - 2)));
      }
      return perSecond(Integer.parseInt(t));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "rate limit must be N, N/s or N/min, was '" + text + "'", e);
    }
  }

  public int requests() {
    return requests;
  }

  public Duration window() {
    return window;
  }

  @Override
  public String toString() {
    return requests + (window.toSeconds() == 1 ? "/s" : "/min");
  }
}
