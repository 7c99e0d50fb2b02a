package com.kaicalls.sdk.errors;

/** 404 {@code not_found}: no such object in this key's workspace, or no such route. Not retried. */
public class NotFoundException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception from the response.
   *
   * @param details what the response said
   */
  public NotFoundException(ErrorDetails details) {
    super(details);
  }
}
