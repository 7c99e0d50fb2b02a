package com.kaicalls.mock;

/**
 * An emulator control refused a request: its message is the error envelope's {@code message}, with
 * the status, {@code code} and {@code param} (the field at fault) alongside.
 */
public final class KaiCallsMockAdminException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final String param;

  /**
   * A refusal with this status, envelope code, message and field ({@code param} may be {@code
   * null}).
   */
  public KaiCallsMockAdminException(int status, String code, String message, String param) {
    super(message);
    this.status = status;
    this.code = code;
    this.param = param;
  }

  /** The HTTP status, e.g. 400. */
  public int status() {
    return status;
  }

  /** The envelope's {@code code}, e.g. {@code snapshot_version_unsupported}. */
  public String code() {
    return code;
  }

  /** The field at fault, e.g. {@code version}, or {@code null}. */
  public String param() {
    return param;
  }
}
