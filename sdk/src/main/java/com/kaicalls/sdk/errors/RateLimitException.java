package com.kaicalls.sdk.errors;

import java.time.Duration;
import java.util.Optional;

/**
 * 429 {@code rate_limited}: too many requests for this key. Retried by default, waiting {@link
 * #retryAfter()}.
 */
public class RateLimitException extends ApiException {
  private static final long serialVersionUID = 1L;
  private final transient Duration retryAfter;

  /**
   * Creates the exception from the response.
   *
   * @param details what the response said
   * @param retryAfter the wait the server asked for, or null if it gave none
   */
  public RateLimitException(ErrorDetails details, Duration retryAfter) {
    super(details);
    this.retryAfter = retryAfter;
  }

  /** Returns how long the server asked the client to wait ({@code Retry-After}), if it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
