package com.kaicalls.sdk.errors;

/**
 * 403 {@code permission_error}: the key lacks the scope the operation needs (the message names it).
 * Not retried.
 */
public class PermissionDeniedException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception from the response.
   *
   * @param details what the response said
   */
  public PermissionDeniedException(ErrorDetails details) {
    super(details);
  }
}
