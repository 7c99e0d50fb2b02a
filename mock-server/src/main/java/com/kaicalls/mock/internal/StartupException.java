package com.kaicalls.mock.internal;

/**
 * The emulator cannot start, for a reason its message states in one line (the data directory is in
 * use, the journal cannot be read, the port is taken). Nothing was left running.
 */
public final class StartupException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  /**
   * A failure described by {@code message}, a single line meant for the person starting the server.
   */
  public StartupException(String message) {
    super(message);
  }

  /** Like {@link #StartupException(String)}, keeping the underlying cause. */
  public StartupException(String message, Throwable cause) {
    super(message, cause);
  }
}
