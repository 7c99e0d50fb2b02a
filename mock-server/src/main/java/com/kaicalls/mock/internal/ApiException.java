package com.kaicalls.mock.internal;

import java.util.Map;

/** An error answered to the caller in the {@code ErrorResponse} envelope. */
final class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  final int status;
  final String type;
  final String code;
  final String param;
  final Map<String, String> headers;

  ApiException(int status, String type, String code, String message, String param) {
    this(status, type, code, message, param, Map.of());
  }

  ApiException(
      int status, String type, String code, String message, String param, Map<String, String> headers) {
    super(message, null, false, false);
    this.status = status;
    this.type = type;
    this.code = code;
    this.param = param;
    this.headers = headers;
  }

  static ApiException invalid(String code, String message, String param) {
    return new ApiException(400, "invalid_request", code, message, param);
  }

  static ApiException notFound(String what, String id) {
    return new ApiException(
        404, "not_found", "resource_missing", "No such " + what + ": '" + id + "'.", "id");
  }

  static ApiException conflict(String code, String message) {
    return new ApiException(409, "conflict", code, message, null);
  }

  static ApiException forbidden(String message) {
    return new ApiException(403, "permission_error", "missing_scope", message, null);
  }
}
