package com.kaicalls.sdk.errors;

/** 413 {@code payload_too_large}: the request body exceeded the server's limit. Not retried. */
public class PayloadTooLargeException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception from the response.
   *
   * @param details what the response said
   */
  public PayloadTooLargeException(ErrorDetails details) {
    super(details);
  }
}
