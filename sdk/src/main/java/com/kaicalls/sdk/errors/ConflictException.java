package com.kaicalls.sdk.errors;

/** 409 {@code conflict}: an illegal state transition, or the same idempotency key is still in flight. Retried by default. */
public class ConflictException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception from the response.
   *
   * @param details what the response said
   */
  public ConflictException(ErrorDetails details) {
    super(details);
  }
}
