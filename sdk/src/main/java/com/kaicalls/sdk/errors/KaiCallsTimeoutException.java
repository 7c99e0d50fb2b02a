package com.kaicalls.sdk.errors;

import java.io.IOException;

/** The request timed out (connect, read, or the whole call) before a response arrived. */
public class KaiCallsTimeoutException extends KaiCallsIoException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates a timeout failure.
   *
   * @param message what was being attempted
   * @param cause the timeout reported by the transport
   */
  public KaiCallsTimeoutException(String message, IOException cause) {
    super(message, cause);
  }
}
