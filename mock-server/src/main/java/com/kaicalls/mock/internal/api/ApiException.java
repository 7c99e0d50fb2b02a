package com.kaicalls.mock.internal.api;

import com.kaicalls.mock.internal.spec.Violation;
import com.kaicalls.mock.internal.store.InvalidCursorException;
import java.util.Map;

/** An error answered to the caller in the {@code ErrorResponse} envelope. */
public final class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public final int status;
  public final String type;
  public final String code;
  public final String param;
  final Map<String, String> headers;

  public ApiException(int status, String type, String code, String message, String param) {
    this(status, type, code, message, param, Map.of());
  }

  public ApiException(
      int status,
      String type,
      String code,
      String message,
      String param,
      Map<String, String> headers) {
    super(message, null, false, false);
    this.status = status;
    this.type = type;
    this.code = code;
    this.param = param;
    this.headers = headers;
  }

  public static ApiException invalid(String code, String message, String param) {
    return new ApiException(400, "invalid_request", code, message, param);
  }

  /** A 400 for a schema violation, naming its field (none for the body as a whole). */
  public static ApiException of(Violation violation) {
    String param = violation.param();
    return invalid(violation.code(), violation.message(), param.isEmpty() ? null : param);
  }

  /** A 400 for a list cursor the store could not read. */
  public static ApiException of(InvalidCursorException e) {
    return invalid("parameter_invalid", e.getMessage(), "cursor");
  }

  public static ApiException notFound(String what, String id) {
    return notFound(what, id, "id");
  }

  /** The 404 for a missing {@code what} whose id came in the field {@code param}. */
  public static ApiException notFound(String what, String id, String param) {
    return new ApiException(
        404, "not_found", "resource_missing", "No such " + what + ": '" + id + "'.", param);
  }

  public static ApiException conflict(String code, String message) {
    return new ApiException(409, "conflict", code, message, null);
  }

  public static ApiException forbidden(String message) {
    return new ApiException(403, "permission_error", "missing_scope", message, null);
  }
}
