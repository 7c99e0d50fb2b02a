package com.kaicalls.sdk.errors;

/**
 * 422 {@code idempotency_key_reused}: the idempotency key was already used with a different
 * request. Not retried.
 */
public class IdempotencyKeyReusedException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception from the response.
   *
   * @param details what the response said
   */
  public IdempotencyKeyReusedException(ErrorDetails details) {
    super(details);
  }
}
