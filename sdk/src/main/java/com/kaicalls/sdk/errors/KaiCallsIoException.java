package com.kaicalls.sdk.errors;

import java.io.IOException;

/**
 * The request could not be completed at the transport level: the connection failed, was reset, or
 * timed out. No HTTP response was received.
 */
public class KaiCallsIoException extends KaiCallsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates a transport failure.
   *
   * @param message what was being attempted
   * @param cause the I/O failure
   */
  public KaiCallsIoException(String message, IOException cause) {
    super(message, cause);
  }
}
