package com.kaicalls.sdk.errors;

/**
 * 401 {@code authentication_error}: the API key is missing, unknown, revoked or expired. Not
 * retried.
 */
public class AuthenticationException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception from the response.
   *
   * @param details what the response said
   */
  public AuthenticationException(ErrorDetails details) {
    super(details);
  }
}
