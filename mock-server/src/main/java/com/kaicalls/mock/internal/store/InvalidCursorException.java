package com.kaicalls.mock.internal.store;

/**
 * A list cursor that this store did not hand out (the HTTP layer answers it with a 400 naming
 * {@code cursor}).
 */
public final class InvalidCursorException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  InvalidCursorException() {
    super("cursor is not a cursor returned by this API.");
  }
}
