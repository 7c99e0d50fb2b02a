package com.kaicalls.sdk.errors;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The API answered with an error status. Carries what the error envelope said ({@link #type()},
 * {@link #code()}, {@link #param()}) and the response's status, headers and request id. Each
 * meaningful status has its own subclass; {@link UnexpectedStatusException} covers the rest.
 */
public class ApiException extends KaiCallsException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;
  private final String type;
  private final String code;
  private final String param;
  private final String requestId;
  private final transient Map<String, List<String>> headers;
  private final String body;

  /**
   * Creates an API error from a parsed response.
   *
   * @param details what the response said
   */
  public ApiException(ErrorDetails details) {
    super(describe(details));
    this.statusCode = details.statusCode;
    this.type = details.type;
    this.code = details.code;
    this.param = details.param;
    this.requestId = details.requestId;
    this.headers = details.headers;
    this.body = details.body;
  }

  /** Returns the HTTP status, e.g. 404. */
  public int statusCode() {
    return statusCode;
  }

  /**
   * Returns the envelope's {@code error.type}, e.g. {@code not_found}; null if the body had no
   * envelope.
   */
  public String type() {
    return type;
  }

  /**
   * Returns the envelope's machine-readable {@code error.code}, e.g. {@code resource_missing}; may
   * be null.
   */
  public String code() {
    return code;
  }

  /**
   * Returns the request field the error is about, e.g. {@code recipients[3].phone}; may be null.
   */
  public String param() {
    return param;
  }

  /** Returns the {@code Request-Id} to quote to support; may be null. */
  public String requestId() {
    return requestId;
  }

  /** Returns the response headers, names lower-cased. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** Returns the raw response body (the error envelope as text); may be empty. */
  public String body() {
    return body;
  }

  private static String describe(ErrorDetails d) {
    StringBuilder s = new StringBuilder().append(d.statusCode);
    if (d.code != null) {
      s.append(' ').append(d.code);
    } else if (d.type != null) {
      s.append(' ').append(d.type);
    }
    s.append(": ").append(d.message == null || d.message.isEmpty() ? "(no message)" : d.message);
    if (d.param != null) {
      s.append(" [param: ").append(d.param).append(']');
    }
    if (d.requestId != null) {
      s.append(" (request ").append(d.requestId).append(')');
    }
    return s.toString();
  }

  /**
   * What an error response said; built by the SDK's transport, passed to the exception
   * constructors.
   */
  public static final class ErrorDetails {
    final int statusCode;
    final String type;
    final String code;
    final String message;
    final String param;
    final String requestId;
    final Map<String, List<String>> headers;
    final String body;

    /**
     * Collects an error response's parts.
     *
     * @param statusCode HTTP status
     * @param type envelope {@code error.type}, or null
     * @param code envelope {@code error.code}, or null
     * @param message envelope {@code error.message}, or null
     * @param param envelope {@code error.param}, or null
     * @param requestId the {@code Request-Id} header or envelope field, or null
     * @param headers the response headers (lower-cased names)
     * @param body the raw body text
     */
    public ErrorDetails(
        int statusCode,
        String type,
        String code,
        String message,
        String param,
        String requestId,
        Map<String, List<String>> headers,
        String body) {
      this.statusCode = statusCode;
      this.type = type;
      this.code = code;
      this.message = message;
      this.param = param;
      this.requestId = requestId;
      this.headers = headers == null ? Collections.emptyMap() : headers;
      this.body = body == null ? "" : body;
    }
  }
}
