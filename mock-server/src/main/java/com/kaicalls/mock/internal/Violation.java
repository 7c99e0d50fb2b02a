package com.kaicalls.mock.internal;

/** One schema violation: {@code param} is a JSON path such as {@code recipients[3].phone}. */
record Violation(String param, String code, String message) {

  ApiException toException() {
    return ApiException.invalid(code, message, param.isEmpty() ? null : param);
  }
}
