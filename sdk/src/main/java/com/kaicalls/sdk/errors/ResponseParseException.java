package com.kaicalls.sdk.errors;

/**
 * The server answered with a success status but a body the SDK could not read as the documented
 * type (for example malformed JSON). Carries the status and request id so the response can be
 * traced.
 */
public class ResponseParseException extends KaiCallsException {
  private static final long serialVersionUID = 1L;
  private final int statusCode;
  private final String requestId;

  /**
   * Creates a parse failure.
   *
   * @param statusCode the HTTP status of the response
   * @param requestId the {@code Request-Id} header, or null
   * @param expectedType the type the body should have had
   * @param cause the parser's failure
   */
  public ResponseParseException(
      int statusCode, String requestId, String expectedType, Throwable cause) {
    super(
        "Could not read the "
            + statusCode
            + " response body as "
            + expectedType
            + (requestId == null ? "" : " (request " + requestId + ")")
            + ": "
            + firstLine(cause),
        cause);
    this.statusCode = statusCode;
    this.requestId = requestId;
  }

  /** Returns the HTTP status of the unreadable response. */
  public int statusCode() {
    return statusCode;
  }

  /** Returns the {@code Request-Id} of the response, or null if it had none. */
  public String requestId() {
    return requestId;
  }

  private static String firstLine(Throwable cause) {
    String m = String.valueOf(cause.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
