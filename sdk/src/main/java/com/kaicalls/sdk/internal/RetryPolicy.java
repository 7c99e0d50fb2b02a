package com.kaicalls.sdk.internal;

import com.kaicalls.sdk.errors.ApiException;
import com.kaicalls.sdk.errors.KaiCallsException;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.DoubleSupplier;

/**
 * Decides whether a failed attempt is retried, and how long to wait first. The one place both the
 * blocking and the asynchronous transport ask, so the two paths retry alike.
 */
final class RetryPolicy {
  static final Duration INITIAL_DELAY = Duration.ofMillis(500);
  static final Duration MAX_DELAY = Duration.ofSeconds(8);
  static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);
  static final String SHOULD_RETRY = "KaiCalls-Should-Retry";
  private static final String SHOULD_RETRY_LOWER = "kaicalls-should-retry";
  private static final String IDEMPOTENCY_KEY_IN_USE = "idempotency_key_in_use";

  private final Clock clock;
  private final DoubleSupplier jitter;

  /**
   * @param clock for {@code Retry-After} given as an HTTP date
   * @param jitter a source of numbers in [0, 1)
   */
  RetryPolicy(Clock clock, DoubleSupplier jitter) {
    this.clock = clock;
    this.jitter = jitter;
  }

  /**
   * Whether an error response is worth sending again: the server's {@value #SHOULD_RETRY} header
   * decides when present, else the status and error code. A request that is not repeatable (a POST
   * sent without an idempotency key) is sent again only when the server says so or says it did not
   * act (408, 429).
   */
  boolean isRetryable(ApiException failure, boolean repeatable) {
    String advice = ErrorResponses.first(failure.headers(), SHOULD_RETRY_LOWER);
    if ("true".equalsIgnoreCase(advice)) return true; // the server knows the repeat can succeed
    if ("false".equalsIgnoreCase(advice)) return false; // the server knows it cannot
    if (!repeatable)
      return failure.statusCode() == 408 || failure.statusCode() == 429; // a 5xx may have acted
    return isRetryable(failure.statusCode(), failure.code());
  }

  private static boolean isRetryable(int status, String code) {
    if (status == 408) return true; // request timeout: the server asks for a retry
    // Only a key still in flight clears up by itself; a state transition fails the same way every
    // time.
    if (status == 409) return IDEMPOTENCY_KEY_IN_USE.equals(code);
    if (status == 429) return true; // rate limited: wait and try again
    return status >= 500; // the server failed; the idempotency key makes a repeat safe
  }

  boolean isRetryable(IOException failure, boolean repeatable) {
    if (repeatable)
      return true; // GET, or a POST with an idempotency key: a repeat cannot act twice
    return failure
        instanceof ConnectException; // never connected, so the request cannot have arrived
  }

  /**
   * Returns how long to wait before the retry.
   *
   * @param retry 1 for the first retry
   * @param failure the failed attempt: an {@link ApiException} may carry {@code Retry-After}
   * @return how long to wait before the retry
   */
  Duration delayBefore(int retry, KaiCallsException failure) {
    String retryAfter =
        failure instanceof ApiException
            ? ErrorResponses.first(((ApiException) failure).headers(), "retry-after")
            : null;
    return delayBefore(retry, retryAfter);
  }

  Duration delayBefore(int retry, String retryAfterHeader) {
    Duration serverAsked = parseRetryAfter(retryAfterHeader);
    if (serverAsked != null) {
      return serverAsked.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : serverAsked;
    }
    long exponential = INITIAL_DELAY.toMillis() << Math.min(retry - 1, 16);
    long capped = Math.min(exponential, MAX_DELAY.toMillis());
    // Up to 25% less, so clients that failed together do not retry together.
    return Duration.ofMillis((long) (capped * (1.0 - 0.25 * jitter.getAsDouble())));
  }

  Duration parseRetryAfter(String value) {
    if (value == null || value.trim().isEmpty()) {
      return null;
    }
    String v = value.trim();
    try {
      double seconds = Double.parseDouble(v);
      if (seconds < 0 || Double.isNaN(seconds) || Double.isInfinite(seconds)) return null;
      return Duration.ofMillis((long) Math.min(seconds * 1000, Long.MAX_VALUE / 2.0));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration until = Duration.between(clock.instant(), at);
        return until.isNegative() ? Duration.ZERO : until;
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }
}
