package com.kaicalls.mock.internal.access;

import com.kaicalls.mock.internal.api.ApiException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Fixed-window request limit per API key; answers 429 {@code rate_limited} with headers. */
public final class RateLimiter {

  private static final class Window {
    long start;
    int used;
  }

  private final int limit;
  private final long windowMillis;
  private final Clock clock;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  /** {@code limit} requests per {@code windowSeconds}; a limit of 0 or less disables limiting. */
  public RateLimiter(int limit, long windowSeconds, Clock clock) {
    this.limit = limit;
    this.windowMillis = windowSeconds * 1000;
    this.clock = clock;
  }

  boolean enabled() {
    return limit > 0;
  }

  public void clear() {
    windows.clear();
  }

  /** Counts one request for {@code keyId}; adds the RateLimit headers; throws 429 when over. */
  public void acquire(String keyId, Map<String, String> headers) {
    if (!enabled()) {
      return;
    }
    long now = clock.millis();
    Window window = windows.computeIfAbsent(keyId, k -> new Window());
    int remaining;
    long resetSeconds;
    boolean allowed;
    synchronized (window) {
      if (now - window.start >= windowMillis) {
        window.start = now - (now % windowMillis);
        window.used = 0;
      }
      allowed = window.used < limit;
      if (allowed) {
        window.used++;
      }
      remaining = limit - window.used;
      resetSeconds = Math.max(1, (window.start + windowMillis - now + 999) / 1000);
    }
    headers.put("RateLimit-Limit", Integer.toString(limit));
    headers.put("RateLimit-Remaining", Integer.toString(remaining));
    headers.put("RateLimit-Reset", Long.toString(resetSeconds));
    if (!allowed) {
      Map<String, String> h = new java.util.LinkedHashMap<>(headers);
      h.put("Retry-After", Long.toString(resetSeconds));
      throw new ApiException(
          429,
          "rate_limited",
          "rate_limited",
          "Too many requests: limit is "
              + limit
              + " per "
              + (windowMillis / 1000)
              + " s for this key.",
          null,
          h);
    }
  }
}
