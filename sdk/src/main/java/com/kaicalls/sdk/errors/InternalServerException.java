package com.kaicalls.sdk.errors;

/** 5xx {@code api_error}: the server failed. Retried by default. */
public class InternalServerException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception from the response.
   *
   * @param details what the response said
   */
  public InternalServerException(ErrorDetails details) {
    super(details);
  }
}
