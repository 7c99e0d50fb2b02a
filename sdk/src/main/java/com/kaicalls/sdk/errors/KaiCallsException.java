package com.kaicalls.sdk.errors;

/**
 * The root of every exception the KaiCalls SDK throws. Unchecked, so callers catch only what they
 * handle.
 */
public class KaiCallsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what went wrong
   */
  public KaiCallsException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and the cause it wraps.
   *
   * @param message what went wrong
   * @param cause the underlying failure
   */
  public KaiCallsException(String message, Throwable cause) {
    super(message, cause);
  }
}
