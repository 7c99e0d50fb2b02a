package com.kaicalls.mock.internal.api;

/** Answers one operation. Throw {@link ApiException} for error responses. */
@FunctionalInterface
public interface Handler {

  /** Answers {@code call}, or throws {@link ApiException} for an error response. */
  ApiResponse handle(ApiCall call);

  /**
   * {@code handler} as one that answers for the schema problems of an object body itself, in its
   * result (as validate and preview do), instead of the pipeline's 400.
   */
  static Handler reportingBodyProblems(Handler handler) {
    return new ReportsBodyProblems(handler);
  }

  /** A handler that answers for an object body's schema problems itself. */
  record ReportsBodyProblems(Handler handler) implements Handler {
    @Override
    public ApiResponse handle(ApiCall call) {
      return handler.handle(call);
    }
  }
}
