package com.kaicalls.mock.internal;

/** Answers one operation. Throw {@link ApiException} for error responses. */
@FunctionalInterface
interface Handler {
  ApiResponse handle(ApiCall call);
}
