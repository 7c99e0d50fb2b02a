package com.kaicalls.sdk.errors;

/**
 * 409 {@code conflict}: an illegal state transition ({@code invalid_state_transition}, never
 * retried), or the same idempotency key still in flight ({@code idempotency_key_in_use}, retried).
 */
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
