package com.kaicalls.sdk;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A response with its HTTP details: status, headers ({@code Request-Id}, {@code
 * Idempotent-Replayed}, rate-limit headers) and the parsed body. Returned by every service's {@code
 * withRawResponse()} view.
 *
 * @param <T> the parsed body's type
 */
public final class RawResponse<T> {
  private final int statusCode;
  private final Supplier<Map<String, List<String>>> headerSource;
  private volatile Map<String, List<String>> headers;
  private final T body;

  /**
   * Creates a raw response. Used by the SDK's transport.
   *
   * @param statusCode HTTP status
   * @param headers headers, names lower-cased
   * @param body the parsed body
   */
  public RawResponse(int statusCode, Map<String, List<String>> headers, T body) {
    this(statusCode, () -> headers, body);
  }

  /**
   * Creates a raw response whose header map is built only when first asked for, so calls that only
   * want the body do not pay for it. Used by the SDK's transport.
   *
   * @param statusCode HTTP status
   * @param headers makes the headers, names lower-cased; called at most once
   * @param body the parsed body
   */
  public RawResponse(int statusCode, Supplier<Map<String, List<String>>> headers, T body) {
    this.statusCode = statusCode;
    this.headerSource = headers;
    this.body = body;
  }

  /** Returns the HTTP status, e.g. 201. */
  public int statusCode() {
    return statusCode;
  }

  /** Returns every response header, names lower-cased. */
  public Map<String, List<String>> headers() {
    Map<String, List<String>> built = headers;
    if (built == null) {
      built = Collections.unmodifiableMap(headerSource.get());
      headers = built;
    }
    return built;
  }

  /**
   * Returns the first value of a header.
   *
   * @param name header name, any case
   * @return the value, if present
   */
  public Optional<String> header(String name) {
    List<String> values = headers().get(name.toLowerCase(java.util.Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** Returns the {@code Request-Id} to quote to support, if the response had one. */
  public Optional<String> requestId() {
    return header("Request-Id");
  }

  /** Returns true if the server replayed a stored response for a repeated idempotency key. */
  public boolean idempotentReplayed() {
    return header("Idempotent-Replayed").map("true"::equalsIgnoreCase).orElse(false);
  }

  /** Returns the parsed body. */
  public T body() {
    return body;
  }
}
