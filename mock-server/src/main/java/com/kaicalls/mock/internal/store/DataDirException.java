package com.kaicalls.mock.internal.store;

/**
 * The data directory cannot be used: another process holds it, or its journal cannot be read. The
 * message is one line for the person starting the server (the emulator reports it as a failed
 * start).
 */
public final class DataDirException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  DataDirException(String message) {
    super(message);
  }

  DataDirException(String message, Throwable cause) {
    super(message, cause);
  }
}
