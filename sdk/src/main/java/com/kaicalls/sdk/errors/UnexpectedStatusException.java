package com.kaicalls.sdk.errors;

/** An error status the SDK has no dedicated type for (for example 405 or 418). */
public class UnexpectedStatusException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception from the response.
   *
   * @param details what the response said
   */
  public UnexpectedStatusException(ErrorDetails details) {
    super(details);
  }
}
