package com.kaicalls.mock.internal.api;

/** Answers one operation. Throw {@link ApiException} for error responses. */
@FunctionalInterface
public interface Handler {
  ApiResponse handle(ApiCall call);
}
