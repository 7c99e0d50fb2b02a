package com.kaicalls.sdk.errors;

/**
 * 400 {@code invalid_request}: the request was malformed or a field was invalid; {@link #param()}
 * names it. Not retried.
 */
public class BadRequestException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception from the response.
   *
   * @param details what the response said
   */
  public BadRequestException(ErrorDetails details) {
    super(details);
  }
}
